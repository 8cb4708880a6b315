package org.c2cgateway.as4;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decompression is bounded while it runs: a gzip bomb is stopped at the limit, never inflated first. */
class CompressionTest {

    private static final Logger LOG = LoggerFactory.getLogger(CompressionTest.class);
    private static final long GIBIBYTE = 1L << 30;
    private static final long LIMIT = 4L << 20;

    @Test
    void a_payload_up_to_the_limit_is_decompressed_one_byte_more_is_not() throws IOException {
        byte[] exactly = new byte[(int) LIMIT];
        exactly[12345] = 7;

        assertArrayEquals(exactly, Compression.gunzip(Compression.gzip(exactly), LIMIT));
        IOException e = assertThrows(IOException.class,
                () -> Compression.gunzip(Compression.gzip(new byte[(int) LIMIT + 1]), LIMIT));
        assertTrue(e.getMessage().contains("maximum payload size of " + LIMIT + " bytes"), e.getMessage());
    }

    /**
     * A 1 GiB bomb of about 1 MB against a 4 MiB limit. What the decompressing thread allocates is measured:
     * it stays near the limit, a few hundred times less than the bomb's size, so the test would pass in a
     * heap that could not hold the bomb.
     */
    @Test
    void a_gzip_bomb_is_refused_while_it_decompresses_allocating_about_the_limit_not_the_bomb() {
        byte[] bomb = HostileMessages.gzipBomb(GIBIBYTE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        long start = System.nanoTime();

        IOException e = assertThrows(IOException.class, () -> Compression.gunzip(bomb, LIMIT));

        long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        LOG.info("gzip bomb: {} bytes compressed, {} bytes uncompressed, limit {} bytes: refused after {} ms "
                        + "having allocated {} bytes", bomb.length, GIBIBYTE, LIMIT, (System.nanoTime() - start) / 1_000_000,
                allocated);
        assertTrue(bomb.length < 2 << 20, "the bomb is small: " + bomb.length);
        assertTrue(e.getMessage().contains("maximum payload size of " + LIMIT + " bytes"), e.getMessage());
        assertTrue(allocated < 4 * LIMIT, "allocated " + allocated + " bytes to refuse a " + GIBIBYTE + "-byte bomb");
    }
}

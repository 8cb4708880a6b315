package org.c2cgateway.transport;

import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body of as many zero bytes as a test wants to send, made on the fly, that counts how many the
 * HTTP client actually took: how much of it the server read, give or take the socket buffers.
 */
public final class CountingZeros extends InputStream {

    private final long total;
    private final AtomicLong taken = new AtomicLong();

    public CountingZeros(long total) {
        this.total = total;
    }

    public long taken() {
        return taken.get();
    }

    @Override
    public int read() {
        return read(new byte[1], 0, 1) < 0 ? -1 : 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = (int) Math.min(len, total - taken.get());
        if (n <= 0) {
            return -1;
        }
        Arrays.fill(b, off, off + n, (byte) 0);
        taken.addAndGet(n);
        return n;
    }
}

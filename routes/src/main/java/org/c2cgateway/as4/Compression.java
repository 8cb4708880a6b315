package org.c2cgateway.as4;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * AS4 payload compression ({@code CompressionType=application/gzip}).
 *
 * <p>Decompression is bounded: a small gzip stream can expand to gigabytes, and the payload
 * comes from outside, so we stop at a configured size instead of running out of memory.
 */
final class Compression {

    private Compression() {
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return out.toByteArray();
    }

    /**
     * Inflates into a buffer that never grows past {@code maxBytes}: reading stops at the first block
     * that would cross the limit, so a bomb costs at most the limit in memory, never its full size.
     *
     * @throws IOException if the data is not gzip, is corrupt or truncated, or expands beyond
     *                     {@code maxBytes}
     */
    static byte[] gunzip(byte[] data, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            // a guess at the size, never the attacker's claim: gzip's own size trailer is not trusted
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, Math.max(64L, data.length * 4L)));
            byte[] buf = new byte[16384];
            long total = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("it expands past the maximum payload size of " + maxBytes
                            + " bytes (decompression stopped there)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}

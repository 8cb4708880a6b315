package org.c2cgateway.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.c2cgateway.trace.PayloadDigest;

/**
 * An unambiguous byte encoding of a list of fields, for hashing and signing: every field carries a type tag and,
 * for text, its length, and a null is a tag of its own. So no two different lists encode alike ("ab" + "c" is
 * not "a" + "bc", an empty text is not a null), which a separator-joined string cannot promise.
 */
final class Canonical {

    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int NUMBER = 2;
    private static final int INSTANT = 3;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    Canonical(String format) {
        text(format);
    }

    Canonical text(String value) {
        try {
            if (value == null) {
                out.writeByte(NULL);
            } else {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Canonical number(Long value) {
        try {
            if (value == null) {
                out.writeByte(NULL);
            } else {
                out.writeByte(NUMBER);
                out.writeLong(value);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Canonical number(long value) {
        return number(Long.valueOf(value));
    }

    /** To the microsecond: what the databases keep. */
    Canonical instant(Instant value) {
        try {
            out.writeByte(INSTANT);
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano() / 1000);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    String sha256Hex() {
        return PayloadDigest.sha256Hex(bytes());
    }
}

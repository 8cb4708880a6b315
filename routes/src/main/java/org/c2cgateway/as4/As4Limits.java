package org.c2cgateway.as4;

import java.util.Objects;

import org.c2cgateway.xml.XmlLimits;

/**
 * How much a partner's AS4 message may cost this gateway before it is refused. Every AS4 request is read
 * into memory, parsed and decrypted before its sender is known for sure, so each of these bounds what
 * anyone who completes a TLS handshake can make the gateway spend.
 *
 * @param maxRequestBytes    the largest AS4 request (the whole MIME package) read at all
 * @param maxAttachmentBytes the largest attachment (compressed and encrypted, as it travels)
 * @param maxPayloadBytes    the largest payload after decompression: a gzip bomb stops here
 * @param envelope           the structure a SOAP envelope may have
 */
public record As4Limits(long maxRequestBytes, long maxAttachmentBytes, long maxPayloadBytes, XmlLimits envelope) {

    /** 32 MB requests, 16 MB attachments and payloads, {@link XmlLimits#SOAP_ENVELOPE}. */
    public static final As4Limits DEFAULTS = new As4Limits(32L << 20, 16L << 20, 16L << 20, XmlLimits.SOAP_ENVELOPE);

    public As4Limits {
        Objects.requireNonNull(envelope, "envelope");
        if (maxRequestBytes < 1 || maxAttachmentBytes < 1 || maxPayloadBytes < 1) {
            throw new IllegalArgumentException("AS4 size limits must be positive");
        }
        // a single byte array holds each of them
        if (Math.max(maxRequestBytes, Math.max(maxAttachmentBytes, maxPayloadBytes)) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("AS4 size limits cannot exceed " + (Integer.MAX_VALUE - 8) + " bytes");
        }
    }

    public As4Limits withMaxPayloadBytes(long bytes) {
        return new As4Limits(maxRequestBytes, maxAttachmentBytes, bytes, envelope);
    }
}

package org.c2cgateway.as4;

/**
 * An AS4 processing failure with the ebMS error to report. {@link ErrorSignalBuilder} turns it
 * into the error signal for the partner; {@link ReceiptVerifier} throws it with the partner's
 * code when the partner answered with an error.
 */
public class As4Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final EbmsError error;
    private final String detail;
    private final String refToMessageId;

    /**
     * @param detail         human-readable cause; sent to the partner as eb:ErrorDetail
     * @param refToMessageId the MessageId of the message in error, or null if unknown
     */
    public As4Exception(EbmsError error, String detail, String refToMessageId) {
        this(error, detail, refToMessageId, null);
    }

    public As4Exception(EbmsError error, String detail, String refToMessageId, Throwable cause) {
        super(error.code() + " " + error.shortDescription() + ": " + detail, cause);
        this.error = error;
        this.detail = detail;
        this.refToMessageId = refToMessageId;
    }

    public EbmsError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public String refToMessageId() {
        return refToMessageId;
    }
}

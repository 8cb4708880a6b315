package org.c2cgateway.as4;

/**
 * The ebMS 3.0 / AS4 error codes (ebMS3 core section 6.7, AS4 profile section 5.2.3).
 *
 * <p>Category strings are written as phase4 writes them ({@code UnPackaging} with a capital P).
 */
public enum EbmsError {
    VALUE_NOT_RECOGNIZED("EBMS:0001", "ValueNotRecognized", "failure", "Content"),
    FEATURE_NOT_SUPPORTED("EBMS:0002", "FeatureNotSupported", "warning", "Content"),
    VALUE_INCONSISTENT("EBMS:0003", "ValueInconsistent", "failure", "Content"),
    OTHER("EBMS:0004", "Other", "failure", "Content"),
    CONNECTION_FAILURE("EBMS:0005", "ConnectionFailure", "failure", "Communication"),
    EMPTY_MESSAGE_PARTITION_CHANNEL("EBMS:0006", "EmptyMessagePartitionChannel", "warning", "Communication"),
    MIME_INCONSISTENCY("EBMS:0007", "MimeInconsistency", "failure", "UnPackaging"),
    FEATURE_NOT_SUPPORTED_UNPACKAGING("EBMS:0008", "FeatureNotSupported", "failure", "UnPackaging"),
    INVALID_HEADER("EBMS:0009", "InvalidHeader", "failure", "UnPackaging"),
    PROCESSING_MODE_MISMATCH("EBMS:0010", "ProcessingModeMismatch", "failure", "Processing"),
    EXTERNAL_PAYLOAD_ERROR("EBMS:0011", "ExternalPayloadError", "failure", "Content"),
    FAILED_AUTHENTICATION("EBMS:0101", "FailedAuthentication", "failure", "Processing"),
    FAILED_DECRYPTION("EBMS:0102", "FailedDecryption", "failure", "Processing"),
    POLICY_NONCOMPLIANCE("EBMS:0103", "PolicyNoncompliance", "failure", "Processing"),
    DYSFUNCTIONAL_RELIABILITY("EBMS:0201", "DysfunctionalReliability", "failure", "Processing"),
    DELIVERY_FAILURE("EBMS:0202", "DeliveryFailure", "failure", "Communication"),
    MISSING_RECEIPT("EBMS:0301", "MissingReceipt", "failure", "Communication"),
    INVALID_RECEIPT("EBMS:0302", "InvalidReceipt", "failure", "Communication"),
    DECOMPRESSION_FAILURE("EBMS:0303", "DecompressionFailure", "failure", "Communication");

    private final String code;
    private final String shortDescription;
    private final String severity;
    private final String category;

    EbmsError(String code, String shortDescription, String severity, String category) {
        this.code = code;
        this.shortDescription = shortDescription;
        this.severity = severity;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public String shortDescription() {
        return shortDescription;
    }

    /** {@code "failure"} or {@code "warning"}. */
    public String severity() {
        return severity;
    }

    /** {@code "Content"}, {@code "Communication"}, {@code "Processing"} or {@code "UnPackaging"}. */
    public String category() {
        return category;
    }

    /** The error with this code ({@code EBMS:0008} maps to its UnPackaging entry), or OTHER. */
    public static EbmsError fromCode(String code) {
        for (EbmsError e : values()) {
            if (e.code.equals(code == null ? null : code.trim())) {
                return e;
            }
        }
        return OTHER;
    }
}

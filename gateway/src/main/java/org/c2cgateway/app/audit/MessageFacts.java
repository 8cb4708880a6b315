package org.c2cgateway.app.audit;

/**
 * The detail of the audit entry of an opened message: its identity, as written to trace_message then. One
 * rendering for the append and for the verifier's cross-check, so they cannot drift apart.
 */
final class MessageFacts {

    static final String OPENED = "OPENED";

    private MessageFacts() {
    }

    static String opened(String direction, String partner, String type, String mrn, String nationalMessageId,
                         String conversationId, long payloadSize, String payloadSha256) {
        return direction + " partner=" + partner + " type=" + type + " mrn=" + mrn + " national-message-id="
                + nationalMessageId + " conversation-id=" + conversationId + " payload=" + payloadSize
                + " bytes sha256=" + payloadSha256;
    }

    static String receipt(String receiptSha256) {
        return "sha256=" + receiptSha256;
    }
}

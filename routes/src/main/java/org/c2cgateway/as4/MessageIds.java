package org.c2cgateway.as4;

import java.util.UUID;

/** Identifiers we mint: ebMS MessageIds for our signals and Content-IDs for attachments. */
final class MessageIds {

    /** Right-hand side of MessageIds of signals we create (RFC 2822 msg-id form, as ebMS asks). */
    static final String DOMAIN = "c2c-gateway";

    private MessageIds() {
    }

    static String newMessageId() {
        return UUID.randomUUID() + "@" + DOMAIN;
    }

    /** Attachment Content-ID in the {@code …@cid} form peers use, without angle brackets. */
    static String newContentId() {
        return "att-" + UUID.randomUUID() + "@cid";
    }
}

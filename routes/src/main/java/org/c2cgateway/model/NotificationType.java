package org.c2cgateway.model;

import java.util.Optional;

/**
 * The kinds of notification the gateway exchanges. The kind is told by the root element alone, so
 * routing and tracing never need to look further into a document to know what it is.
 */
public enum NotificationType {

    /** Anticipated arrival/transit record, sent when the movement starts. */
    PRE_ARRIVAL("PreArrivalNotification"),

    /** Confirmation that the goods left the sending country. */
    EXIT("ExitNotification");

    private final String rootElement;

    NotificationType(String rootElement) {
        this.rootElement = rootElement;
    }

    /** Local name of the root element in {@link CanonicalSchema#NAMESPACE}. */
    public String rootElement() {
        return rootElement;
    }

    /**
     * The type whose root element has this local name; empty for anything else (the caller decides
     * whether that is a rejection or a programming error).
     */
    public static Optional<NotificationType> fromRootElement(String localName) {
        for (NotificationType type : values()) {
            if (type.rootElement.equals(localName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

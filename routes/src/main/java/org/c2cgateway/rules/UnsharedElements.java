package org.c2cgateway.rules;

/** What the receiving gateway does with elements its agreement does not allow the partner to share. */
public enum UnsharedElements {
    /** Refuse the whole message with an ebMS error naming the elements and the clause. */
    REFUSE,
    /** Remove them before the national system sees the notification, and trace what was removed. */
    STRIP
}

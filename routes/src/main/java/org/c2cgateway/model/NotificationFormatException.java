package org.c2cgateway.model;

/**
 * A notification that cannot be turned into the other representation at all: malformed JSON or
 * XML, an unknown root, an object where a value belongs. Content problems (a bad code, a missing
 * element, an unknown field) are not this exception: they are converted as sent and left to the
 * validator, which reports them with a path and a rule.
 */
public class NotificationFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String reason;

    /**
     * @param location where the problem is: a JSON pointer ({@code /PreArrivalNotification/GoodsItems/GoodsItem/1})
     *                 for JSON input, an element path for XML input; {@code ""} for the document as a whole
     * @param reason   what is wrong, in English
     */
    public NotificationFormatException(String location, String reason) {
        this(location, reason, null);
    }

    public NotificationFormatException(String location, String reason, Throwable cause) {
        super((location.isEmpty() ? "notification" : location) + ": " + reason, cause);
        this.location = location;
        this.reason = reason;
    }

    /** JSON pointer or element path of the offending field; {@code ""} for the whole document. */
    public String location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}

package org.c2cgateway.status;

/** A partner's delivery status payload that cannot be read; names the field at fault. */
public final class DeliveryStatusFormatException extends Exception {

    private final String field;

    public DeliveryStatusFormatException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The element at fault, or {@code DeliveryStatus} for the payload as a whole. */
    public String field() {
        return field;
    }
}

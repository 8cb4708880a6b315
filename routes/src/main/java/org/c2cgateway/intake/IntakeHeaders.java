package org.c2cgateway.intake;

/**
 * Camel headers a channel reads from the intake route's answer, besides the queue labels
 * ({@code QueueHeaders.MESSAGE_ID} and the rest), and the one it may set to name itself.
 */
public final class IntakeHeaders {

    /**
     * {@code true} when the national message id was accepted before: {@code QueueHeaders.MESSAGE_ID} then
     * carries the ORIGINAL gateway message id and nothing new was queued. {@code false} otherwise.
     */
    public static final String DUPLICATE = "c2cDuplicate";
    /** Where the message stands now, a {@code MessageStatus} name: QUEUED for a new one. */
    public static final String STATUS = "c2cStatus";
    /** Set by the channel before calling the intake (REST, SOAP, QUEUE); it only goes into the trace. */
    public static final String CHANNEL = "c2cChannel";

    private IntakeHeaders() {
    }
}

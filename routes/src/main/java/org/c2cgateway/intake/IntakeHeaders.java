package org.c2cgateway.intake;

/**
 * Camel headers a channel reads from the intake route's answer, besides the queue labels
 * ({@code QueueHeaders.MESSAGE_ID} and the rest), and the one it may set to name itself.
 */
public final class IntakeHeaders {

    /**
     * {@code true} when the national message id was accepted before for every receiver: the ids are then the
     * ORIGINAL gateway message ids and nothing new was queued. {@code false} otherwise.
     */
    public static final String DUPLICATE = "c2cDuplicate";
    /** Where the first receiver's message stands now, a {@code MessageStatus} name: QUEUED for a new one. */
    public static final String STATUS = "c2cStatus";
    /**
     * Every receiver's message, a {@code List<SubmissionDelivery>}: one national notification becomes one
     * outbound message per receiving partner. {@code QueueHeaders.MESSAGE_ID} and {@code PARTNER} name the first
     * (the next country's).
     */
    public static final String DELIVERIES = "c2cDeliveries";
    /** Set by the channel before calling the intake (REST, SOAP, QUEUE); it only goes into the trace. */
    public static final String CHANNEL = "c2cChannel";

    private IntakeHeaders() {
    }
}

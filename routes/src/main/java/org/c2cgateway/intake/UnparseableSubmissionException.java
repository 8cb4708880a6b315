package org.c2cgateway.intake;

/**
 * A queue message that is no submission at all (empty, not text or bytes, not XML): there are no
 * findings to answer with, so it goes to the dead-letter queue with this reason.
 */
final class UnparseableSubmissionException extends RuntimeException {

    UnparseableSubmissionException(String reason) {
        super(reason);
    }
}

package org.c2cgateway.intake;

/** A SOAP request whose submitter is unknown or not allowed: answered with 401 or 403 and a fault, before it is read. */
final class SubmitterRefusedException extends RuntimeException {

    private final transient SubmitterCheck.Verdict verdict;

    SubmitterRefusedException(SubmitterCheck.Verdict verdict) {
        super(verdict.reason());
        this.verdict = verdict;
    }

    SubmitterCheck.Verdict verdict() {
        return verdict;
    }
}

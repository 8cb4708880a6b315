package org.c2cgateway.trace;

/**
 * Where refused inbound attempts are kept, apart from the messages' own trace: a refused request proves
 * nothing about who sent it, so it must never be able to write into the trace of a real message that
 * happens to have the id it claims. The store behind it is wired by the application.
 */
public interface RefusalRecorder {

    void refused(Refusal refusal);
}

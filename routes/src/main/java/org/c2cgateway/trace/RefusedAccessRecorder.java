package org.c2cgateway.trace;

/** Where refused calls to the gateway's own APIs go: the store wired by the application, or a counter. */
@FunctionalInterface
public interface RefusedAccessRecorder {

    void refused(RefusedAccess refusal);
}

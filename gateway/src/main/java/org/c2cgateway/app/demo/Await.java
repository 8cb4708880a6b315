package org.c2cgateway.app.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits for a condition to come true, polling, with a deadline: never a blind sleep. */
public final class Await {

    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    /** The first non-empty result of {@code probe}, or an {@link IllegalStateException} at the deadline. */
    public static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = probe.call();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}

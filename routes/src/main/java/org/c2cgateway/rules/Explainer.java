package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dry run behind {@code POST /api/v1/rules/explain} and {@code rules explain}: what the agreements would
 * do with a notification, without sending, tracing or keeping anything.
 */
public interface Explainer {

    /**
     * @param xml a notification (validated here; a notification that fails validation is explained as refused,
     *            with its findings)
     * @param day the day to take the agreements in force on; the notification's own day when empty
     */
    Explanation explain(byte[] xml, Optional<LocalDate> day);
}

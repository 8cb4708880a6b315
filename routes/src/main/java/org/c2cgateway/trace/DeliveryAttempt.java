package org.c2cgateway.trace;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a step's detail names the delivery attempt it belongs to ({@code attempt 3}). The steps that write it (a send
 * to a partner, its failure, a failed push to the national system) and the operators' timeline, which shows the
 * number on its own, share this one wording, so the number is read back exactly as it was written.
 */
public final class DeliveryAttempt {

    private static final Pattern NOTE = Pattern.compile("\\battempt (\\d{1,9})\\b");

    private DeliveryAttempt() {
    }

    /** The words naming attempt {@code attempt} (the first is 1) in a step's detail. */
    public static String note(int attempt) {
        return "attempt " + attempt;
    }

    /** The attempt a step's detail names; empty when it names none. */
    public static OptionalInt in(String detail) {
        Matcher m = detail == null ? null : NOTE.matcher(detail);
        return m != null && m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}

package org.c2cgateway.bench.exchange;

import java.util.Locale;

/**
 * How the report writes a number: with as many decimals as the figure's size makes worth reading, a dot as the
 * decimal separator whatever the locale, and a dash for a figure that is missing.
 */
final class Figures {

    private Figures() {
    }

    /** Milliseconds: 1 decimal, 2 below 1 ms (a CPU cost per message is often a fraction of one). */
    static String ms(double value) {
        return Double.isNaN(value) ? "–" : format(value, Math.abs(value) < 1 ? 2 : 1);
    }

    /** A rate: whole numbers from 100 on, else 1 decimal, 2 below 10. */
    static String rate(double value) {
        return Double.isNaN(value) ? "–" : format(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
    }

    /** A ratio: 2 decimals, 1 from 10 on. */
    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : format(value, Math.abs(value) >= 10 ? 1 : 2);
    }

    /** Bytes as whole megabytes (MiB). */
    static String megabytes(double bytes) {
        return Double.isNaN(bytes) ? "–" : format(bytes / (1024 * 1024), 0);
    }

    /** Bytes as kilobytes (KiB), without decimals unless below 10 KB. */
    static String kilobytes(double bytes) {
        double kb = bytes / 1024;
        return format(kb, kb < 10 && kb != Math.rint(kb) ? 1 : 0);
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

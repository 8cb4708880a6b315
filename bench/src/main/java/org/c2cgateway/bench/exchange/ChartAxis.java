package org.c2cgateway.bench.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis: the range it spans and where its ticks go. Linear axes start at zero, so that two configurations'
 * heights compare by eye; a logarithmic one has its ends and ticks at 1, 2 and 5 times a power of ten.
 */
record ChartAxis(double lo, double hi, boolean log, List<Double> ticks) {

    /** From 0 to a round value at or above {@code max}, with about five ticks. */
    static ChartAxis linear(double max) {
        double top = max > 0 && Double.isFinite(max) ? max : 1;
        double step = niceStep(top / 5);
        double hi = Math.ceil(top / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= hi + step / 1e6; i++) {
            ticks.add(i * step);
        }
        return new ChartAxis(0, hi, false, ticks);
    }

    /** From the 1, 2 or 5 times a power of ten at or below {@code min} to the one at or above {@code max}. */
    static ChartAxis logarithmic(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(min))); ticks.isEmpty()
                || ticks.get(ticks.size() - 1) < max * 0.9999; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double tick = decade * m;
                if (tick <= min * 1.0001) {
                    ticks.clear();
                }
                if (ticks.isEmpty() || ticks.get(ticks.size() - 1) < max * 0.9999) {
                    ticks.add(tick);
                }
            }
        }
        if (ticks.size() == 1) {
            ticks.add(ticks.get(0) * 2);
        }
        return new ChartAxis(ticks.get(0), ticks.get(ticks.size() - 1), true, ticks);
    }

    /** Where {@code value} lies between the ends of the axis: 0 at {@link #lo}, 1 at {@link #hi}. */
    double fraction(double value) {
        return log ? Math.log(value / lo) / Math.log(hi / lo) : (value - lo) / (hi - lo);
    }

    /** A tick's label, with no more decimals than the ticks need. */
    String label(double tick) {
        double spacing = log ? tick : ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : tick;
        int decimals = spacing >= 1 || tick == 0 ? 0 : (int) Math.ceil(-Math.log10(spacing) - 1e-9);
        return Figures.format(tick, decimals);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code rough}. */
    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double normalised = rough / magnitude;
        return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
    }
}

package org.c2cgateway.bench.exchange;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The median of one figure over the repetitions of a configuration, with the lowest and highest value, so that a
 * report shows how far a single run can be trusted. Values that are not numbers (a ratio without a floor) are left
 * out; a figure no repetition has is NaN throughout.
 */
public record Spread(double median, double min, double max) {

    public static <T> Spread of(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Spread(median(values), values[0], values[values.length - 1]);
    }

    /** Of sorted values; an even count has the mean of the two middle ones. */
    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

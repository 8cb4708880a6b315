package org.c2cgateway.bench;

import java.util.concurrent.TimeUnit;

import org.c2cgateway.validation.NotificationSchemaValidator;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of validating one notification at intake (and again at the receiving gateway): schema and
 * business rules, on a pre-arrival notification grown to a realistic size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

    @Param({"20480"})
    int sizeBytes;

    private NotificationValidator validator;
    private NotificationSchemaValidator schemaOnly;
    private byte[] notification;

    @Setup
    public void prepare() throws Exception {
        validator = new NotificationValidator(10 * 1024 * 1024);
        schemaOnly = new NotificationSchemaValidator(10 * 1024 * 1024);
        notification = Notifications.ofSize("rs-to-mk-pre-arrival.xml", sizeBytes);
        ValidationReport report = validator.validate(notification);
        if (!report.accepted()) {
            throw new IllegalStateException("the benchmark notification must be valid: " + report.errors());
        }
    }

    /** What intake and inbound run: the schema, then every business rule. */
    @Benchmark
    public ValidationReport schemaAndRules() {
        return validator.validate(notification);
    }

    /** The schema alone, so the business rules' share can be read off the same run. */
    @Benchmark
    public ValidationReport schemaOnly() {
        return schemaOnly.validate(notification);
    }
}

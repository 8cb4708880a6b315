package org.c2cgateway.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.rules.DataSharing;
import org.c2cgateway.rules.LintContext;
import org.c2cgateway.rules.MinimisedNotification;
import org.c2cgateway.rules.Minimiser;
import org.c2cgateway.rules.NotificationFacts;
import org.c2cgateway.rules.Pseudonymiser;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.RuleSetLoader;
import org.c2cgateway.validation.NotificationValidator;
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
 * The cost of data minimisation, which runs for every notification and every partner it goes to: a 5 KB
 * pre-arrival notification through the strict demo agreement of Serbia with Bulgaria
 * ({@code config/rs/agreements/rs-bg-v1.yml}: movement, route, transport and goods without their documents;
 * consignor and declarant by name only, pseudonymised; no addresses), loaded as the gateway loads it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MinimisationBenchmark {

    private static final String PARTNER = "BG";

    @Param({"5120"})
    int sizeBytes;

    private Minimiser minimiser;
    private DataSharing sharing;
    private byte[] notification;

    @Setup
    public void prepare() throws Exception {
        RuleSetLoad load = RuleSetLoader.load(Notifications.repositoryRoot().resolve("config/rs/agreements"),
                new LintContext("RS", Map.of("MK", true, "BG", true)));
        if (!load.clean()) {
            throw new IllegalStateException("the demo agreements must load clean: " + load.findings());
        }
        notification = Notifications.ofSize("rs-to-bg-pre-arrival.xml", sizeBytes);
        LocalDate day = NotificationFacts.read(notification).preparedAt().toLocalDate();
        sharing = load.ruleSet().inForce(PARTNER, day).orElseThrow().sharing().get(NotificationType.PRE_ARRIVAL);
        minimiser = new Minimiser(new Pseudonymiser("benchmark-pseudonymisation-key-32".getBytes(StandardCharsets.US_ASCII)));
        NotificationValidator validator = new NotificationValidator(10 * 1024 * 1024);
        if (!validator.validate(notification).accepted() || !validator.validate(minimise().xml()).accepted()) {
            throw new IllegalStateException("the notification, and what the agreement keeps of it, must be valid");
        }
    }

    /** What the outbound route runs per partner before signing. */
    @Benchmark
    public MinimisedNotification minimise() {
        return minimiser.minimise(notification, sharing, PARTNER);
    }
}

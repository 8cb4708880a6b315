package org.c2cgateway.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.DataSharing;
import org.c2cgateway.rules.ElementRule;
import org.c2cgateway.rules.MinimisedNotification;
import org.c2cgateway.rules.Minimiser;
import org.c2cgateway.rules.Pseudonymiser;
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
 * pre-arrival notification through a strict allow-list (movement, route, transport, goods without their
 * documents; the declarant only, its name pseudonymised; no addresses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MinimisationBenchmark {

    private static final List<String> ALLOW = List.of("MessageId", "MRN", "PreparationDateTime", "DeclarationType",
            "OfficeOfDeparture", "OfficeOfExit", "OfficeOfEntry", "OfficesOfTransit", "EstimatedArrivalDateTime",
            "CountriesOfRouting", "BorderTransportMeans", "ContainerIndicator", "TransportEquipment",
            "PlaceOfLoading", "TotalGrossMass", "Parties/Declarant/Name", "GoodsItems/GoodsItem/SequenceNumber",
            "GoodsItems/GoodsItem/Description", "GoodsItems/GoodsItem/CommodityCode", "GoodsItems/GoodsItem/GrossMass",
            "GoodsItems/GoodsItem/Packaging", "ControlResult");
    private static final List<String> PSEUDONYMISE = List.of("Parties/Declarant/Name");

    @Param({"5120"})
    int sizeBytes;

    private Minimiser minimiser;
    private DataSharing sharing;
    private byte[] notification;

    @Setup
    public void prepare() throws Exception {
        minimiser = new Minimiser(new Pseudonymiser("benchmark-pseudonymisation-key-32".getBytes(StandardCharsets.US_ASCII)));
        sharing = new DataSharing(NotificationType.PRE_ARRIVAL, rules("allow", ALLOW), rules("pseudonymise", PSEUDONYMISE),
                clause("data-sharing.PRE_ARRIVAL"));
        notification = Notifications.ofSize("rs-to-bg-pre-arrival.xml", sizeBytes);
        NotificationValidator validator = new NotificationValidator(10 * 1024 * 1024);
        if (!validator.validate(notification).accepted()) {
            throw new IllegalStateException("the benchmark notification must be valid");
        }
        if (!validator.validate(minimise().xml()).accepted()) {
            throw new IllegalStateException("the allow-list must keep a valid notification");
        }
    }

    /** What the outbound route runs per partner before signing. */
    @Benchmark
    public MinimisedNotification minimise() {
        return minimiser.minimise(notification, sharing, "BG");
    }

    private static List<ElementRule> rules(String list, List<String> paths) {
        List<ElementRule> rules = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String clause = "data-sharing.PRE_ARRIVAL." + list + "[" + i + "]";
            rules.add(new ElementRule(paths.get(i), Set.of(paths.get(i)), clause(clause)));
        }
        return rules;
    }

    private static ClauseRef clause(String name) {
        return new ClauseRef("RS-BG-BENCH", 1, name, "config/rs/agreements/rs-bg-v1.yml", 0);
    }
}

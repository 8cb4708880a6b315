package org.c2cgateway.bench;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.rules.AeoBenefit;
import org.c2cgateway.rules.AeoIdentity;
import org.c2cgateway.rules.AeoRecognition;
import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.AgreementEngine;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.ControlRecognition;
import org.c2cgateway.rules.DataSharing;
import org.c2cgateway.rules.ElementRule;
import org.c2cgateway.rules.FlowClause;
import org.c2cgateway.rules.InboundAdmission;
import org.c2cgateway.rules.Minimiser;
import org.c2cgateway.rules.NotificationFacts;
import org.c2cgateway.rules.OutboundPlan;
import org.c2cgateway.rules.Pseudonymiser;
import org.c2cgateway.rules.RuleSet;
import org.c2cgateway.rules.RulesInForce;
import org.c2cgateway.rules.SealPractice;
import org.c2cgateway.rules.SealRecognition;
import org.c2cgateway.rules.UnsharedElements;
import org.c2cgateway.rules.ValidationProfile;
import org.c2cgateway.validation.NotificationValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule evaluation at the scale of a busy hub: 50 partners, 500 clauses (each partner two agreement versions,
 * each version 4 flows, 2 data-sharing clauses, AEO, control results, seals and a validation profile: 10
 * clauses on the version in force, plus its predecessor's). Measures the whole per-notification work of the
 * agreements: reading the routing facts, choosing the version in force and the flow for every country of the
 * itinerary, and minimising (and pseudonymising) the document for each receiver; inbound, admitting a
 * partner's notification with its recognitions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {

    /** 50 partner countries of RS: its neighbours first, then others, each with an agreement. */
    static final List<String> PARTNERS = List.of("MK", "BG", "TR", "HU", "RO", "HR", "BA", "ME", "AL", "XK", "GR", "SI",
            "AT", "DE", "IT", "FR", "ES", "PT", "NL", "BE", "LU", "PL", "CZ", "SK", "LT", "LV", "EE", "FI", "SE", "DK",
            "IE", "CY", "MT", "NO", "CH", "GB", "UA", "MD", "GE", "AM", "AZ", "KZ", "UZ", "CN", "JP", "KR", "US", "CA",
            "MX", "BR");

    private static final List<String> STRICT_PRE_ARRIVAL = List.of("MessageId", "MRN", "PreparationDateTime",
            "SecurityIndicator", "DeclarationType", "OfficeOfDeparture", "OfficeOfExit", "OfficeOfEntry", "OfficesOfTransit",
            "EstimatedArrivalDateTime", "CountriesOfRouting", "BorderTransportMeans", "ContainerIndicator",
            "TransportEquipment", "PlaceOfLoading", "TotalGrossMass", "Parties/Declarant", "Parties/Consignor",
            "GoodsItems/GoodsItem/SequenceNumber", "GoodsItems/GoodsItem/Description", "GoodsItems/GoodsItem/CommodityCode",
            "GoodsItems/GoodsItem/GrossMass", "GoodsItems/GoodsItem/Packaging", "GoodsItems/GoodsItem/UnDangerousGoodsNumber");
    private static final List<String> EXIT = List.of("MessageId", "MRN", "PreparationDateTime", "SecurityIndicator",
            "LRN", "OfficeOfExit", "ActualExitDateTime", "OfficeOfEntry", "BorderTransportMeans", "TransportEquipment",
            "SealsState", "NewSeals", "ControlResult", "Discrepancies");

    private AgreementEngine rs;
    private byte[] toMk;
    private byte[] transit;
    private byte[] exitFromMk;
    private NotificationFacts toMkFacts;
    private NotificationFacts transitFacts;

    @Setup
    public void prepare() throws Exception {
        List<Agreement> agreements = new ArrayList<>();
        for (String partner : PARTNERS) {
            agreements.add(agreement(partner, 1, LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2025, 12, 31))));
            agreements.add(agreement(partner, 2, LocalDate.of(2026, 1, 1), Optional.empty()));
        }
        NotificationValidator validator = new NotificationValidator(10 * 1024 * 1024);
        rs = new AgreementEngine(new RulesInForce(new RuleSet(agreements)), new OwnIdentity("RS", "rs-gateway"),
                new Minimiser(new Pseudonymiser(new byte[32])), validator);
        toMk = sample("rs-to-mk-pre-arrival.xml");
        transit = sample("rs-to-bg-pre-arrival.xml");
        exitFromMk = sample("mk-to-rs-exit.xml");
        toMkFacts = NotificationFacts.read(toMk);
        transitFacts = NotificationFacts.read(transit);
        if (rs.planOutbound(transit).deliveries().size() != 2 || rs.planOutbound(toMk).deliveries().size() != 1) {
            throw new IllegalStateException("the transit goes to BG and TR, the other to MK");
        }
        rs.admitInbound("MK", sample("mk-to-rs-exit.xml"));
    }

    private static byte[] sample(String name) throws java.io.IOException {
        return Files.readAllBytes(Notifications.repositoryRoot().resolve("config/samples/valid").resolve(name));
    }

    /** A pre-arrival to the next country: facts, version, flow, minimisation with one pseudonym. */
    @Benchmark
    public OutboundPlan outboundOneReceiver() throws Exception {
        return rs.planOutbound(toMk);
    }

    /** A transit: two receivers, each with its own minimised document. */
    @Benchmark
    public OutboundPlan outboundTransitTwoReceivers() throws Exception {
        return rs.planOutbound(transit);
    }

    /** The streaming read of the routing facts alone, the share of the above that is not the agreements'. */
    @Benchmark
    public NotificationFacts readFacts() {
        return NotificationFacts.read(toMk);
    }

    /** An exit notification from a partner: version, accept flow, allow-list check, recognitions, Recognition element. */
    @Benchmark
    public InboundAdmission inboundWithRecognitions() throws Exception {
        return rs.admitInbound("MK", exitFromMk);
    }

    /**
     * The rule evaluation proper, facts already read: for each country of the itinerary, the version in force,
     * the flow and the data-sharing clause (the transit: BG and TR, each looked up among 50 partners).
     */
    @Benchmark
    public AgreementEngine.Routing decideTransit() throws Exception {
        return rs.route(transitFacts, transitFacts.preparedAt().toLocalDate());
    }

    /** Facts already read: what choosing the version and flows and minimising costs on its own. */
    @Benchmark
    public OutboundPlan outboundFactsKnown() throws Exception {
        return rs.planOutbound(toMk, toMkFacts, toMkFacts.preparedAt().toLocalDate());
    }

    private static Agreement agreement(String partner, int version, LocalDate from, Optional<LocalDate> to) {
        String id = "RS-" + partner;
        String file = "bench/" + id + "-v" + version + ".yml";
        List<FlowClause> send = List.of(
                new FlowClause(NotificationType.PRE_ARRIVAL, Set.of(partner + "001001", partner + "005703", partner + "220100"),
                        new ClauseRef(id, version, "flows.send[0]", file, 10)),
                new FlowClause(NotificationType.EXIT, Set.of(), new ClauseRef(id, version, "flows.send[1]", file, 12)));
        List<FlowClause> accept = List.of(
                new FlowClause(NotificationType.PRE_ARRIVAL, Set.of("RS022128", "RS025101"), new ClauseRef(id, version, "flows.accept[0]", file, 15)),
                new FlowClause(NotificationType.EXIT, Set.of("RS022128"), new ClauseRef(id, version, "flows.accept[1]", file, 17)));
        Map<NotificationType, DataSharing> sharing = new EnumMap<>(NotificationType.class);
        sharing.put(NotificationType.PRE_ARRIVAL, sharing(id, version, file, NotificationType.PRE_ARRIVAL, STRICT_PRE_ARRIVAL,
                List.of("Parties/Consignor/Name")));
        sharing.put(NotificationType.EXIT, sharing(id, version, file, NotificationType.EXIT, EXIT, List.of()));
        AeoRecognition aeo = new AeoRecognition(Map.of("AEOF", Set.of(AeoBenefit.REDUCED_CONTROLS, AeoBenefit.PRIORITY_LANE),
                "AEOS", Set.of(AeoBenefit.REDUCED_CONTROLS)), "aeo/" + partner + ".csv",
                Map.of(partner + "4030000123456", new AeoIdentity(partner + "4030000123456", "AEOF", Optional.empty(), 2)),
                new ClauseRef(id, version, "aeo", file, 40));
        return new Agreement(id, version, partner, from, to, file, send, accept, sharing, UnsharedElements.STRIP,
                Optional.of(aeo), Optional.of(new ControlRecognition(Set.of("A1", "A2"), new ClauseRef(id, version, "control-results", file, 50))),
                Optional.of(new SealRecognition(List.of(new SealPractice(partner + " customs seal", Pattern.compile(partner + "-C \\d{7}"))),
                        true, new ClauseRef(id, version, "seals", file, 55))),
                new ValidationProfile(ValidationProfile.Profile.NON_EU, Set.of(), new ClauseRef(id, version, "validation", file, 6)),
                new ClauseRef(id, version, "agreement", file, 2));
    }

    private static DataSharing sharing(String id, int version, String file, NotificationType type, List<String> allow,
                                       List<String> pseudonymise) {
        String clause = "data-sharing." + type;
        List<ElementRule> allowed = new ArrayList<>();
        for (String path : allow) {
            allowed.add(new ElementRule(path, Set.of(path), new ClauseRef(id, version, clause + ".allow[" + allowed.size() + "]", file, 20)));
        }
        List<ElementRule> pseudonyms = new ArrayList<>();
        for (String path : pseudonymise) {
            pseudonyms.add(new ElementRule(path, Set.of(path), new ClauseRef(id, version, clause + ".pseudonymise[0]", file, 30)));
        }
        return new DataSharing(type, allowed, pseudonyms, new ClauseRef(id, version, clause, file, 19));
    }
}

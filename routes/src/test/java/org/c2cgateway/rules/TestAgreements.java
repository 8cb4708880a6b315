package org.c2cgateway.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.validation.PartnerSpecificRules;

/** Agreements built in code for the engine's tests: each clause as the loader would make it. */
final class TestAgreements {

    static final Path SAMPLES = Path.of("../config/samples/valid");

    private final String id;
    private final int version;
    private final String partner;
    private LocalDate from = LocalDate.of(2020, 1, 1);
    private LocalDate to;
    private final List<FlowClause> send = new ArrayList<>();
    private final List<FlowClause> accept = new ArrayList<>();
    private final Map<NotificationType, DataSharing> sharing = new EnumMap<>(NotificationType.class);
    private UnsharedElements unshared = UnsharedElements.STRIP;
    private AeoRecognition aeo;
    private ControlRecognition controls;
    private SealRecognition seals;
    private ValidationProfile.Profile profile = ValidationProfile.Profile.NON_EU;

    private TestAgreements(String id, int version, String partner) {
        this.id = id;
        this.version = version;
        this.partner = partner;
        for (NotificationType type : NotificationType.values()) {
            allowAll(type);
        }
    }

    static TestAgreements with(String partner, String id, int version) {
        return new TestAgreements(id, version, partner);
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ClauseRef ref(String clause) {
        return new ClauseRef(id, version, clause, "test/" + id + "-v" + version + ".yml", 1);
    }

    TestAgreements from(String day) {
        from = LocalDate.parse(day);
        return this;
    }

    TestAgreements to(String day) {
        to = LocalDate.parse(day);
        return this;
    }

    TestAgreements sends(NotificationType type, String... offices) {
        send.add(new FlowClause(type, Set.of(offices), ref("flows.send[" + send.size() + "]")));
        return this;
    }

    TestAgreements accepts(NotificationType type, String... offices) {
        accept.add(new FlowClause(type, Set.of(offices), ref("flows.accept[" + accept.size() + "]")));
        return this;
    }

    /** Every top-level element: the whole notification. */
    TestAgreements allowAll(NotificationType type) {
        Set<String> top = Set.of("MessageId", "MRN", "PreparationDateTime", "SecurityIndicator", "LRN", "UCR",
                "DeclarationType", "OfficeOfDeparture", "OfficeOfExit", "OfficeOfEntry", "OfficesOfTransit",
                "EstimatedArrivalDateTime", "CountryOfDispatch", "CountryOfDestination", "CountriesOfRouting",
                "BorderTransportMeans", "ContainerIndicator", "TransportEquipment", "PlaceOfLoading", "PlaceOfUnloading",
                "TotalGrossMass", "Parties", "PreviousDocuments", "SupportingDocuments", "TransportDocuments", "GoodsItems",
                "ControlResult", "ActualExitDateTime", "SealsState", "NewSeals", "Discrepancies");
        String clause = "data-sharing." + type;
        sharing.put(type, new DataSharing(type, List.of(new ElementRule("*", top, ref(clause + ".allow[0]"))), List.of(),
                ref(clause)));
        return this;
    }

    TestAgreements sharing(NotificationType type, List<String> allow, List<String> pseudonymise) {
        String clause = "data-sharing." + type;
        List<ElementRule> allowed = new ArrayList<>();
        for (String path : allow) {
            allowed.add(new ElementRule(path, Set.of(path), ref(clause + ".allow[" + allowed.size() + "]")));
        }
        List<ElementRule> pseudonyms = new ArrayList<>();
        for (String path : pseudonymise) {
            pseudonyms.add(new ElementRule(path, Set.of(path), ref(clause + ".pseudonymise[" + pseudonyms.size() + "]")));
        }
        sharing.put(type, new DataSharing(type, allowed, pseudonyms, ref(clause)));
        return this;
    }

    TestAgreements unshared(UnsharedElements mode) {
        unshared = mode;
        return this;
    }

    TestAgreements aeo(Map<String, Set<AeoBenefit>> programmes, AeoIdentity... identities) {
        Map<String, AeoIdentity> byId = new HashMap<>();
        for (AeoIdentity identity : identities) {
            byId.put(identity.identification(), identity);
        }
        aeo = new AeoRecognition(programmes, "aeo/test.csv", byId, ref("aeo"));
        return this;
    }

    TestAgreements controls(String... codes) {
        controls = new ControlRecognition(Set.of(codes), ref("control-results"));
        return this;
    }

    TestAgreements seals(boolean requireIntact, SealPractice... practices) {
        seals = new SealRecognition(List.of(practices), requireIntact, ref("seals"));
        return this;
    }

    TestAgreements profile(ValidationProfile.Profile base) {
        profile = base;
        return this;
    }

    Agreement build() {
        return build(send);
    }

    private Agreement build(List<FlowClause> sendFlows) {
        Set<String> rules = profile == ValidationProfile.Profile.EU ? PartnerSpecificRules.euProfile() : Set.of();
        return new Agreement(id, version, partner, from, Optional.ofNullable(to), "test/" + id + "-v" + version + ".yml",
                sendFlows, accept, sharing, unshared, Optional.ofNullable(aeo), Optional.ofNullable(controls),
                Optional.ofNullable(seals), new ValidationProfile(profile, rules, ref("validation")), ref("agreement"));
    }
}

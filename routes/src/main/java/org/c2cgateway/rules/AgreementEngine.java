package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationFinding;

/**
 * Applies the agreements in force to one notification. Outbound: who receives it (every country of its
 * itinerary after this one that an agreement lets receive it; the next country must) and what each receiver
 * gets. Inbound: whether the sender may send it to us, what is stripped, and what is recognised.
 *
 * <p>Every decision takes the agreement version in force on the notification's own day
 * ({@link NotificationFacts#preparedAt()}), so both gateways judge a notification by the same version however
 * long it waited in a queue. Each call takes {@link RulesInForce#current()} once, so a reload never changes
 * the rules halfway through a notification.
 */
public final class AgreementEngine {

    private final RulesInForce rules;
    private final OwnIdentity self;
    private final Minimiser minimiser;
    private final NotificationValidator validator;

    public AgreementEngine(RulesInForce rules, OwnIdentity self, Minimiser minimiser, NotificationValidator validator) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.self = Objects.requireNonNull(self, "self");
        this.minimiser = Objects.requireNonNull(minimiser, "minimiser");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public OwnIdentity self() {
        return self;
    }

    /**
     * Plans a notification this country sends.
     *
     * @param validatedXml a notification the validator accepted
     * @throws AgreementRefusedException when it may not be sent at all: it does not leave this country, the next
     *                                   country has no agreement or flow for it, or a receiver's validation
     *                                   profile rejects what it would receive
     */
    public OutboundPlan planOutbound(byte[] validatedXml) throws AgreementRefusedException {
        NotificationFacts facts = NotificationFacts.readItinerary(validatedXml); // routing needs no recognition facts
        return planOutbound(validatedXml, facts, facts.preparedAt().toLocalDate());
    }

    /** As {@link #planOutbound(byte[])}, on a chosen day (a dry run). */
    public OutboundPlan planOutbound(byte[] validatedXml, NotificationFacts facts, LocalDate day)
            throws AgreementRefusedException {
        Routing routing = route(facts, day);
        List<Delivery> deliveries = new ArrayList<>();
        for (Route route : routing.routes()) {
            deliveries.add(deliver(validatedXml, route));
        }
        return new OutboundPlan(facts, day, deliveries, routing.notSent());
    }

    /** One receiver as the agreements decide it, before its document is made. */
    public record Route(String partner, Agreement agreement, FlowClause flow, DataSharing sharing) {
    }

    /** The receivers and the countries left out, decided from the facts alone. */
    public record Routing(List<Route> routes, List<NotSent> notSent) {
    }

    /**
     * The decisions alone, from the notification's facts: for every country of its itinerary after this one,
     * the agreement version in force, the flow and the data-sharing clause, or why it is left out.
     *
     * @throws AgreementRefusedException as {@link #planOutbound(byte[])}, except for the validation profiles
     *                                   (checked on the documents)
     */
    public Routing route(NotificationFacts facts, LocalDate day) throws AgreementRefusedException {
        String root = "/" + facts.type().rootElement();
        if (!facts.sendingCountry().equals(self.country())) {
            throw new AgreementRefusedException(null, root + "/OfficeOfExit", "office of exit " + facts.officeOfExit()
                    + " is not in this gateway's country " + self.country() + "; only notifications leaving "
                    + self.country() + " are sent from here");
        }
        RuleSet ruleSet = rules.current();
        String next = facts.officeOfEntry().substring(0, 2);
        List<Route> routes = new ArrayList<>();
        List<NotSent> notSent = new ArrayList<>();
        for (String country : facts.countriesAfterSender()) { // distinct, the next country first
            boolean required = country.equals(next);
            String field = root + (required ? "/OfficeOfEntry" : "/CountriesOfRouting");
            Optional<Agreement> agreement = ruleSet.inForce(country, day);
            if (agreement.isEmpty()) {
                String reason = "no agreement with " + country + " is in force on " + day + versionsHeld(ruleSet, country);
                if (required) {
                    throw new AgreementRefusedException(nearest(ruleSet, country, day), field, reason);
                }
                notSent.add(new NotSent(country, reason, Optional.empty()));
                continue;
            }
            Set<String> offices = facts.officesIn(country);
            Optional<FlowClause> flow = agreement.get().sendFlow(facts.type(), offices);
            if (flow.isEmpty()) {
                ClauseRef clause = flowsClause(agreement.get(), "flows.send");
                String reason = agreement.get().label() + " has no send flow for " + facts.type()
                        + (offices.isEmpty() ? "" : " at " + String.join(", ", offices)) + describe(agreement.get().send());
                if (required) {
                    throw new AgreementRefusedException(clause, field, reason);
                }
                notSent.add(new NotSent(country, reason, Optional.of(clause)));
                continue;
            }
            routes.add(new Route(country, agreement.get(), flow.get(), sharing(agreement.get(), facts)));
        }
        return new Routing(routes, notSent);
    }

    private Delivery deliver(byte[] xml, Route route) throws AgreementRefusedException {
        MinimisedNotification minimised = minimiser.minimise(xml, route.sharing(), route.partner());
        checkProfile(route.agreement(), minimised.xml(), "would receive");
        return new Delivery(route.partner(), route.agreement(), route.flow(), minimised);
    }

    /**
     * Admits a notification {@code sender} sent to this country.
     *
     * @param validatedXml a notification the validator accepted
     * @throws AgreementRefusedException when no agreement with the sender is in force on its day, no accept flow
     *                                   covers it, it carries elements the agreement refuses, or the sender's
     *                                   validation profile rejects it
     */
    public InboundAdmission admitInbound(String sender, byte[] validatedXml) throws AgreementRefusedException {
        NotificationFacts facts = NotificationFacts.read(validatedXml);
        return admitInbound(sender, validatedXml, facts, facts.preparedAt().toLocalDate());
    }

    /** As {@link #admitInbound(String, byte[])}, on a chosen day (a dry run). */
    public InboundAdmission admitInbound(String sender, byte[] validatedXml, NotificationFacts facts, LocalDate day)
            throws AgreementRefusedException {
        String root = "/" + facts.type().rootElement();
        RuleSet ruleSet = rules.current();
        Agreement agreement = ruleSet.inForce(sender, day).orElseThrow(() -> new AgreementRefusedException(
                nearest(ruleSet, sender, day), root + "/PreparationDateTime", "no agreement with " + sender
                + " is in force on " + day + versionsHeld(ruleSet, sender)));
        Set<String> offices = facts.officesIn(self.country());
        FlowClause flow = agreement.acceptFlow(facts.type(), offices).orElseThrow(() -> new AgreementRefusedException(
                flowsClause(agreement, "flows.accept"), root + "/OfficeOfEntry", agreement.label()
                + " accepts no " + facts.type() + " from " + sender + (offices.isEmpty() ? "" : " at "
                + String.join(", ", offices)) + describe(agreement.accept())));
        DataSharing sharing = sharing(agreement, facts);
        // The sender pseudonymised already; here only what may be shared matters, so nothing is pseudonymised again.
        DataSharing acceptable = new DataSharing(sharing.type(), sharing.allow(), List.of(), sharing.ref());
        MinimisedNotification checked = minimiser.minimise(validatedXml, acceptable, sender);
        byte[] admitted = validatedXml;
        List<ElementAction> stripped = List.of();
        NotificationFacts admittedFacts = facts;
        if (!checked.removed().isEmpty()) {
            if (agreement.inboundUnshared() == UnsharedElements.REFUSE) {
                throw new AgreementRefusedException(sharing.ref(), checked.removed().get(0).path(), sender
                        + " may not share " + paths(checked.removed()) + " under " + sharing.ref().label()
                        + " (data-sharing.unshared-inbound: REFUSE)");
            }
            admitted = checked.xml();
            stripped = checked.removed();
            admittedFacts = NotificationFacts.read(admitted);
        }
        checkProfile(agreement, admitted, "sent");
        RecognitionMarks marks = Recognitions.of(agreement, admittedFacts, day);
        return new InboundAdmission(agreement, flow, stripped, marks, RecognitionElement.append(admitted, marks));
    }

    private void checkProfile(Agreement agreement, byte[] xml, String verb) throws AgreementRefusedException {
        List<ValidationFinding> findings = validator.validatePartnerRules(xml, agreement.validation().rules());
        if (!findings.isEmpty()) {
            ValidationFinding first = findings.get(0);
            throw new AgreementRefusedException(agreement.validation().ref(), first.path(), "the data " + agreement.partner()
                    + " " + verb + " breaks its validation profile " + agreement.validation().profile() + ": "
                    + findings.stream().map(f -> f.rule() + " " + f.message()).collect(Collectors.joining("; ")));
        }
    }

    private static DataSharing sharing(Agreement agreement, NotificationFacts facts) throws AgreementRefusedException {
        DataSharing sharing = agreement.sharing().get(facts.type());
        if (sharing == null) {
            throw new AgreementRefusedException(flowsClause(agreement, "data-sharing"), "/" + facts.type().rootElement(),
                    agreement.label() + " has no data-sharing clause for " + facts.type());
        }
        return sharing;
    }

    private static ClauseRef flowsClause(Agreement agreement, String clause) {
        ClauseRef header = agreement.ref();
        return new ClauseRef(agreement.id(), agreement.version(), clause, header.file(), header.line());
    }

    /**
     * For a refusal without an agreement in force, the version nearest the day (the last to take effect before
     * it, or the first when the day precedes them all), so the operator sees which file to look at.
     */
    private static ClauseRef nearest(RuleSet ruleSet, String country, LocalDate day) {
        List<Agreement> versions = ruleSet.versions(country);
        if (versions.isEmpty()) {
            return null;
        }
        Agreement nearest = versions.get(0);
        for (Agreement version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                nearest = version;
            }
        }
        return nearest.ref();
    }

    private static String versionsHeld(RuleSet ruleSet, String country) {
        List<Agreement> versions = ruleSet.versions(country);
        if (versions.isEmpty()) {
            return " (this gateway holds no agreement with " + country + ")";
        }
        return " (versions held: " + versions.stream().map(a -> a.label() + " " + a.effectiveFrom() + ".."
                + a.effectiveTo().map(LocalDate::toString).orElse("")).collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(List<FlowClause> flows) {
        if (flows.isEmpty()) {
            return "; it has no such flows at all";
        }
        return "; its flows: " + flows.stream().map(f -> f.ref().clause() + " " + f.type()
                + (f.offices().isEmpty() ? "" : " at " + f.offices().stream().sorted().collect(Collectors.joining(","))))
                .collect(Collectors.joining("; "));
    }

    private static String paths(List<ElementAction> actions) {
        return actions.stream().map(ElementAction::path).collect(Collectors.joining(", "));
    }
}

package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;

/**
 * The {@link Explainer} over the {@link AgreementEngine}: the very decisions the routes make, taken without
 * sending, tracing or keeping anything. A notification leaving this country is explained as the sender
 * (who receives it, what each gets); one from a partner as its receiver (admitted or not, what is stripped,
 * what is recognised).
 */
public final class RuleExplainer implements Explainer {

    private final AgreementEngine engine;
    private final NotificationValidator validator;

    public RuleExplainer(AgreementEngine engine, NotificationValidator validator) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Explanation explain(byte[] xml, Optional<LocalDate> day) {
        ValidationReport report = validator.validate(xml);
        if (!report.accepted()) {
            ValidationFinding first = report.errors().get(0);
            return new Explanation("UNKNOWN", "UNKNOWN", "", day.orElse(null), List.of(), Optional.of(new Explanation.Refusal(
                    "validation", "", first.path(), "the notification breaks " + report.errors().size() + " rule(s): "
                    + report.errors().stream().map(f -> f.rule() + " at " + f.path() + ": " + f.message())
                    .collect(Collectors.joining("; ")))));
        }
        NotificationFacts facts = NotificationFacts.read(xml);
        LocalDate on = day.orElse(facts.preparedAt().toLocalDate());
        boolean outbound = facts.sendingCountry().equals(engine.self().country());
        try {
            return outbound ? outbound(xml, facts, on) : inbound(xml, facts, on);
        } catch (AgreementRefusedException e) {
            ClauseRef clause = e.clause();
            return new Explanation(outbound ? "OUTBOUND" : "INBOUND", facts.type().name(), facts.mrn(), on, List.of(),
                    Optional.of(new Explanation.Refusal(clause == null ? "none" : clause.label(),
                            clause == null ? "" : clause.location(), e.field(), e.reason())));
        }
    }

    private Explanation outbound(byte[] xml, NotificationFacts facts, LocalDate day) throws AgreementRefusedException {
        OutboundPlan plan = engine.planOutbound(xml, facts, day);
        List<Explanation.PartnerOutcome> outcomes = new ArrayList<>();
        for (Delivery delivery : plan.deliveries()) {
            // AEO recognition is mutual and the exchanged list holds both sides' operators, so our copy tells which
            // of our parties the partner recognises. Control results and seals are recognised one way only (ours
            // of the partner's), so our copy says nothing about what the partner will make of ours.
            RecognitionMarks marks = Recognitions.of(delivery.agreement(),
                    NotificationFacts.read(delivery.notification().xml()), day);
            MinimisedNotification sent = delivery.notification();
            outcomes.add(new Explanation.PartnerOutcome(delivery.partner(), true, "sent under " + delivery.flow().ref().label(),
                    Optional.of(delivery.agreement().label()), Optional.of(delivery.flow().ref().label()), sent.kept(),
                    sent.removed(), sent.pseudonymised(), marks.aeo(), Optional.empty(), Optional.empty(),
                    List.copyOf(delivery.agreement().validation().rules())));
        }
        for (NotSent skipped : plan.notSent()) {
            outcomes.add(new Explanation.PartnerOutcome(skipped.country(), false, skipped.reason(),
                    skipped.clause().map(c -> c.agreementId() + " v" + c.version()), Optional.empty(), List.of(), List.of(),
                    List.of(), List.of(), Optional.empty(), Optional.empty(), List.of()));
        }
        return new Explanation("OUTBOUND", facts.type().name(), facts.mrn(), day, outcomes, Optional.empty());
    }

    private Explanation inbound(byte[] xml, NotificationFacts facts, LocalDate day) throws AgreementRefusedException {
        String sender = facts.sendingCountry();
        InboundAdmission admission = engine.admitInbound(sender, xml, facts, day);
        RecognitionMarks marks = admission.marks();
        Explanation.PartnerOutcome outcome = new Explanation.PartnerOutcome(sender, true, "accepted under "
                + admission.flow().ref().label() + (admission.stripped().isEmpty() ? "" : "; elements stripped under "
                + admission.agreement().id() + " v" + admission.agreement().version() + " data-sharing.unshared-inbound: STRIP"),
                Optional.of(admission.agreement().label()), Optional.of(admission.flow().ref().label()), List.of(),
                admission.stripped(), List.of(), marks.aeo(), marks.control(), marks.seals(),
                List.copyOf(admission.agreement().validation().rules()));
        return new Explanation("INBOUND", facts.type().name(), facts.mrn(), day, List.of(outcome), Optional.empty());
    }
}

package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.validation.NotificationValidator;

/** The {@link Explainer} over the {@link AgreementEngine}: the same decisions, made without side effects. */
public final class RuleExplainer implements Explainer {

    private final AgreementEngine engine;
    private final NotificationValidator validator;

    public RuleExplainer(AgreementEngine engine, NotificationValidator validator) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Explanation explain(byte[] xml, Optional<LocalDate> day) {
        throw new UnsupportedOperationException("being written");
    }
}

package org.c2cgateway.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set the gateway works with now, and the outcome of the last attempt to load one. Each
 * notification takes {@link #current()} once; a reload that fails lint leaves the set in force untouched
 * and is only reported ({@link #lastLoad()}).
 */
public final class RulesInForce {

    /** The outcome of one load: when, and the problems found (none when it was put in force). */
    public record LoadOutcome(Instant at, boolean applied, List<LintFinding> findings) {
        public LoadOutcome {
            Objects.requireNonNull(at, "at");
            findings = List.copyOf(findings);
        }
    }

    private final AtomicReference<RuleSet> current;
    private final AtomicReference<LoadOutcome> lastLoad;

    public RulesInForce(RuleSet initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.lastLoad = new AtomicReference<>(new LoadOutcome(Instant.now(), true, List.of()));
    }

    public RuleSet current() {
        return current.get();
    }

    public LoadOutcome lastLoad() {
        return lastLoad.get();
    }

    /** Puts {@code replacement} in force for every notification handled from now on. */
    public synchronized void replace(RuleSet replacement) {
        current.set(Objects.requireNonNull(replacement, "replacement"));
        lastLoad.set(new LoadOutcome(Instant.now(), true, List.of()));
    }

    /** Records a load that failed lint; the set in force stays. */
    public synchronized void refused(List<LintFinding> findings) {
        lastLoad.set(new LoadOutcome(Instant.now(), false, findings));
    }
}

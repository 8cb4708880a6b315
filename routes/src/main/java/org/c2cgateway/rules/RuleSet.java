package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every agreement version this gateway holds, by partner. Immutable; a reload builds a new one and swaps it
 * in ({@link RulesInForce}), so a notification is judged by one consistent set from start to end.
 */
public final class RuleSet {

    private static final RuleSet EMPTY = new RuleSet(List.of());

    private final Map<String, List<Agreement>> byPartner;

    public RuleSet(List<Agreement> agreements) {
        Map<String, List<Agreement>> grouped = new TreeMap<>();
        for (Agreement agreement : agreements) {
            grouped.computeIfAbsent(agreement.partner(), p -> new ArrayList<>()).add(agreement);
        }
        grouped.replaceAll((partner, versions) -> versions.stream()
                .sorted(Comparator.comparing(Agreement::effectiveFrom).thenComparing(Agreement::version)).toList());
        this.byPartner = Map.copyOf(grouped);
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    /**
     * The version in force with {@code partner} on {@code day}. Lint refuses overlapping versions, so at most
     * one is; should a set hold overlaps all the same, the one that took effect last wins.
     */
    public Optional<Agreement> inForce(String partner, LocalDate day) {
        List<Agreement> versions = byPartner.getOrDefault(partner, List.of());
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).inForceOn(day)) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every version held with {@code partner}, oldest first. */
    public List<Agreement> versions(String partner) {
        return byPartner.getOrDefault(partner, List.of());
    }

    /** The partners that have at least one agreement version. */
    public java.util.Set<String> partners() {
        return byPartner.keySet();
    }

    public List<Agreement> all() {
        return byPartner.values().stream().flatMap(List::stream).toList();
    }
}

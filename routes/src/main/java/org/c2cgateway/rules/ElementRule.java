package org.c2cgateway.rules;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of a data-sharing list, as written and as resolved against the canonical schema.
 *
 * @param written what the agreement says: a WCO Data Model ID ({@code R021}) or an element path relative to
 *                the notification's root ({@code Parties/Consignor/Name})
 * @param paths   the element paths it stands for, relative to the root, without indices
 *                ({@code Parties/Consignor}); a WCO ID can stand for several
 * @param ref     the clause
 */
public record ElementRule(String written, Set<String> paths, ClauseRef ref) {

    public ElementRule {
        Objects.requireNonNull(written, "written");
        paths = Set.copyOf(paths);
        Objects.requireNonNull(ref, "ref");
    }
}

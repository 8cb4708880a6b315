package org.c2cgateway.rules;

import java.util.Objects;

/**
 * What data minimisation did to one element, and which clause decided it.
 *
 * @param path   the element's path with positions, from the root: {@code /PreArrivalNotification/Parties/Consignee[1]/Name[1]}
 *               (positions only on repeatable elements)
 * @param clause the clause that decided: the allow-list (for a removal, the data-sharing clause that does not
 *               list it) or the pseudonymisation entry
 */
public record ElementAction(String path, ClauseRef clause) {

    public ElementAction {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(clause, "clause");
    }
}

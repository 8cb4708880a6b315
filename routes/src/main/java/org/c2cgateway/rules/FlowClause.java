package org.c2cgateway.rules;

import java.util.Objects;
import java.util.Set;

import org.c2cgateway.model.NotificationType;

/**
 * One flow of an agreement: a notification type that this country sends to the partner (a send flow) or
 * accepts from it (an accept flow), optionally only for some offices.
 *
 * @param type    the notification type
 * @param offices the customs offices (office references) the flow covers: for a send flow, offices in the
 *                partner's country (of entry, transit or destination); for an accept flow, offices in this
 *                country. Empty means every office.
 * @param ref     the clause
 */
public record FlowClause(NotificationType type, Set<String> offices, ClauseRef ref) {

    public FlowClause {
        Objects.requireNonNull(type, "type");
        offices = Set.copyOf(offices);
        Objects.requireNonNull(ref, "ref");
    }

    /** Whether this flow covers a notification of {@code notificationType} that names these offices (in the country concerned). */
    public boolean covers(NotificationType notificationType, Set<String> officesConcerned) {
        if (type != notificationType) {
            return false;
        }
        return offices.isEmpty() || officesConcerned.stream().anyMatch(offices::contains);
    }
}

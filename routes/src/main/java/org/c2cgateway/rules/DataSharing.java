package org.c2cgateway.rules;

import java.util.List;
import java.util.Objects;

import org.c2cgateway.model.NotificationType;

/**
 * The data elements of one notification type that may cross the border under an agreement. Everything not
 * allowed is removed before signing (data minimisation); pseudonymised elements are kept, with their value
 * replaced by a keyed one-way hash that is stable per partner.
 *
 * @param type         the notification type
 * @param allow        the allow-list; an allowed element brings its whole subtree and the elements that
 *                     contain it
 * @param pseudonymise elements, each within the allow-list, whose value is replaced
 * @param ref          the clause ({@code data-sharing.PRE_ARRIVAL})
 */
public record DataSharing(NotificationType type, List<ElementRule> allow, List<ElementRule> pseudonymise,
                          ClauseRef ref) {

    public DataSharing {
        Objects.requireNonNull(type, "type");
        allow = List.copyOf(allow);
        pseudonymise = List.copyOf(pseudonymise);
        Objects.requireNonNull(ref, "ref");
    }
}

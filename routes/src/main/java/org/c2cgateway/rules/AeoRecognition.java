package org.c2cgateway.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The AEO clause of an agreement: which of the partner's AEO programmes are recognised, with the benefits
 * each brings, and the exchanged list of identities whose status is recognised. A party's status is
 * recognised when its AEO identifier is on the list, valid on the notification's day, under a recognised
 * programme. The list is a file of its own because the administrations exchange it more often than the
 * agreement changes; it is reloaded with the rule files.
 *
 * @param programmes     recognised programme → the benefits it brings
 * @param identitiesFile the list's file, as written in the agreement (relative to the agreement's file)
 * @param identities     the list, by identifier
 * @param ref            the clause ({@code aeo})
 */
public record AeoRecognition(Map<String, Set<AeoBenefit>> programmes, String identitiesFile,
                             Map<String, AeoIdentity> identities, ClauseRef ref) {

    public AeoRecognition {
        programmes = Map.copyOf(programmes);
        Objects.requireNonNull(identitiesFile, "identitiesFile");
        identities = Map.copyOf(identities);
        Objects.requireNonNull(ref, "ref");
    }

    public Optional<AeoIdentity> identity(String identification) {
        return Optional.ofNullable(identities.get(identification));
    }
}

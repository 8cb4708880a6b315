package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.c2cgateway.security.Certificates;

/**
 * Checks of the partners' trust as configured, at start-up.
 *
 * <ul>
 * <li>A pinned certificate that can never be accepted (not issued by the partner's CAs, too weak a
 * key, the wrong key usage) is a configuration error: the gateway does not start.</li>
 * <li>One that is expired, not yet valid, revoked or of unknown revocation status is only warned
 * about: time or a CRL can change that, and during a key rotation a partner's old key may expire
 * while its next one, not yet valid, is already pinned. Messages signed with it are refused all the
 * same.</li>
 * <li>A certificate that two partners would accept for the same use is a configuration error: a
 * message could then claim either partner.</li>
 * </ul>
 */
public final class TrustConfiguration {

    private static final Set<RefusalReason> PERMANENT = EnumSet.of(RefusalReason.UNTRUSTED_ISSUER,
            RefusalReason.WEAK_KEY, RefusalReason.WRONG_KEY_USAGE);

    private TrustConfiguration() {
    }

    /**
     * @return warnings about pinned certificates that are refused at {@code now} but may be accepted later
     * @throws IllegalArgumentException naming the partner, the certificate and why it can never be accepted
     */
    public static List<String> check(Collection<PartnerTrust> partners, CertificateValidator validator, Instant now) {
        List<String> warnings = new ArrayList<>();
        for (PartnerTrust trust : partners) {
            for (CertificateUse use : CertificateUse.values()) {
                for (X509Certificate pin : trust.accepted(use).pins()) {
                    CertificateVerdict verdict = validator.check(pin, use, trust, now);
                    List<CertificateFinding> permanent = verdict.findings().stream()
                            .filter(f -> PERMANENT.contains(f.reason())).toList();
                    if (!permanent.isEmpty()) {
                        throw new IllegalArgumentException(
                                CertificateRefusedException.describe(trust.partner(), use, pin, permanent));
                    }
                    if (!verdict.accepted()) {
                        warnings.add(CertificateRefusedException.describe(trust.partner(), use, pin, verdict.findings()));
                    }
                }
            }
        }
        requireUnambiguous(partners);
        return warnings;
    }

    private static void requireUnambiguous(Collection<PartnerTrust> partners) {
        for (PartnerTrust owner : partners) {
            for (PartnerTrust other : partners) {
                if (owner == other) {
                    continue;
                }
                for (CertificateUse use : CertificateUse.values()) {
                    List<X509Certificate> shared = owner.accepted(use).pins().stream()
                            .filter(pin -> other.issuerOf(pin).isPresent() && other.accepted(use).accepts(pin))
                            .toList();
                    if (!shared.isEmpty()) {
                        throw new IllegalArgumentException("the " + use.label() + " pinned for partner " + owner.partner()
                                + " is also accepted for partner " + other.partner() + ": " + shared.stream()
                                .map(Certificates::describe).collect(Collectors.joining("; ")));
                    }
                }
            }
        }
    }
}

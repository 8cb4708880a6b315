package org.c2cgateway.app.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.KeyGenerations;
import org.c2cgateway.keys.KeyRing;
import org.c2cgateway.keys.MessageKeyPurpose;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.security.PrivateKeyEntry;

/**
 * What the operator checks at each step of a key rollover: which own key is in which slot, which certificate
 * each partner's messages are encrypted for, and which signing certificates are accepted from it. Certificates
 * only; never a key or a password.
 *
 * @param signing      own RSA signing keys (eDelivery AS4 1.x) by slot (current, next)
 * @param encryption   own RSA encryption keys by slot (current, next, previous)
 * @param signingEc    own Ed25519 signing keys (the EC suite) by slot; empty without any
 * @param encryptionEc own X25519 encryption keys by slot; empty without any
 * @param partners     per partner, in country order
 * @param warnings     certificates configured but refused now (expired, not yet valid, revoked), from a reload
 */
@Serdeable
public record KeysView(Map<String, CertificateView> signing, Map<String, CertificateView> encryption,
                       Map<String, CertificateView> signingEc, Map<String, CertificateView> encryptionEc,
                       List<PartnerView> partners, List<String> warnings) {

    /** Empty collections may be left out of the JSON; read back, they are empty again, not null. */
    public KeysView {
        signing = slotsOrEmpty(signing);
        encryption = slotsOrEmpty(encryption);
        signingEc = slotsOrEmpty(signingEc);
        encryptionEc = slotsOrEmpty(encryptionEc);
        partners = partners == null ? List.of() : List.copyOf(partners);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** One certificate, identified as an operator compares it with the file: subject, serial and fingerprint. */
    @Serdeable
    public record CertificateView(String subject, String issuer, String serial, String sha256, Instant notBefore,
                                  Instant notAfter) {

        static CertificateView of(X509Certificate c) {
            return new CertificateView(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getSerialNumber().toString(16), fingerprint(c), c.getNotBefore().toInstant(),
                    c.getNotAfter().toInstant());
        }
    }

    /**
     * @param encryptTo              the certificate messages are encrypted for now: the first valid one
     * @param encryptionCertificates all of them, in the configured order
     * @param signingCertificates    the pinned signing certificates accepted from the partner
     */
    @Serdeable
    public record PartnerView(String country, @Nullable CertificateView encryptTo,
                              List<CertificateView> encryptionCertificates, List<CertificateView> signingCertificates) {

        public PartnerView {
            encryptionCertificates = encryptionCertificates == null ? List.of() : List.copyOf(encryptionCertificates);
            signingCertificates = signingCertificates == null ? List.of() : List.copyOf(signingCertificates);
        }
    }

    private static Map<String, CertificateView> slotsOrEmpty(Map<String, CertificateView> slots) {
        return slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    static KeysView of(Credentials credentials, List<String> warnings) {
        KeyRing ring = credentials.keys();
        return new KeysView(slots(ring, MessageKeyPurpose.SIGNING), slots(ring, MessageKeyPurpose.ENCRYPTION),
                slots(ring, MessageKeyPurpose.SIGNING_EC), slots(ring, MessageKeyPurpose.ENCRYPTION_EC),
                credentials.partners().all().stream().sorted(java.util.Comparator.comparing(Partner::country))
                        .map(KeysView::partner).toList(), List.copyOf(warnings));
    }

    private static Map<String, CertificateView> slots(KeyRing ring, MessageKeyPurpose purpose) {
        return ring.generations(purpose).map(KeysView::slots).orElse(Map.of());
    }

    private static Map<String, CertificateView> slots(KeyGenerations keys) {
        Map<String, CertificateView> slots = new LinkedHashMap<>();
        slots.put("current", CertificateView.of(keys.current().certificate()));
        put(slots, "next", keys.next());
        put(slots, "previous", keys.previous());
        return slots;
    }

    private static void put(Map<String, CertificateView> slots, String slot, PrivateKeyEntry key) {
        if (key != null) {
            slots.put(slot, CertificateView.of(key.certificate()));
        }
    }

    private static PartnerView partner(Partner p) {
        CertificateView encryptTo;
        try {
            encryptTo = CertificateView.of(p.encryptionCertificate(Instant.now()));
        } catch (IllegalStateException e) {
            encryptTo = null; // none valid now: every send fails until the configuration is fixed
        }
        return new PartnerView(p.country(), encryptTo,
                p.encryptionCertificates().stream().map(CertificateView::of).toList(),
                p.trust().signing().pins().stream().map(CertificateView::of).toList());
    }

    /** One line for the log: the serial numbers by slot and, per partner, the one messages are encrypted for. */
    String summary() {
        return "signing " + serials(signing) + ", encryption " + serials(encryption)
                + (signingEc.isEmpty() ? "" : ", signing-ec " + serials(signingEc))
                + (encryptionEc.isEmpty() ? "" : ", encryption-ec " + serials(encryptionEc)) + ", partners "
                + partners.stream().map(p -> p.country() + " encrypt-to " + (p.encryptTo() == null ? "none"
                        : p.encryptTo().serial()) + " signing " + p.signingCertificates().stream()
                        .map(CertificateView::serial).toList()).collect(Collectors.joining("; "));
    }

    private static String serials(Map<String, CertificateView> slots) {
        return slots.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().serial())
                .collect(Collectors.joining(" ", "[", "]"));
    }

    /** The SHA-256 fingerprint of the certificate, in upper-case hex as {@code keytool} and browsers show it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}

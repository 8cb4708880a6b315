package org.c2cgateway.partner;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.c2cgateway.as4.SenderTrust;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.trust.CertificateRefusedException;
import org.c2cgateway.trust.CertificateUse;
import org.c2cgateway.trust.CertificateValidator;

/**
 * Proves that what a message came with belongs to one partner: the TLS client certificate, the
 * WS-Security signing certificate and the claimed eb:From party are checked against that party's
 * trust, so a valid certificate of another partner (even from the same CA) never speaks for it.
 * Receipts are checked the same way. Thread-safe; each reception gets its own {@link Check}.
 */
public final class PartnerAuthentication {

    private final CertificateValidator validator;

    public PartnerAuthentication(CertificateValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * The checks of one message or receipt, against the partners as they are configured when it was
     * received (a key rollover may replace them while other messages are in flight).
     */
    public Check at(PartnerDirectory partners, Instant receivedAt) {
        return new Check(partners, receivedAt);
    }

    /**
     * One reception's checks. Keeps the warnings of certificates accepted although their revocation
     * status is unknown (fail open), for that reception's trace. Not shared between threads.
     */
    public final class Check implements SenderTrust {

        private final PartnerDirectory partners;
        private final Instant at;
        private final List<String> warnings = new ArrayList<>();

        private Check(PartnerDirectory partners, Instant at) {
            this.partners = Objects.requireNonNull(partners, "partners");
            this.at = Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean knowsParty(String fromPartyId) {
            return partners.byPartyId(fromPartyId).isPresent();
        }

        @Override
        public List<X509Certificate> pinnedSigningCertificates(String fromPartyId) {
            return partners.byPartyId(fromPartyId).map(p -> p.trust().signing().pins()).orElse(List.of());
        }

        @Override
        public void verifySigner(String fromPartyId, X509Certificate signer) throws CertificateRefusedException {
            Partner partner = partners.byPartyId(fromPartyId).orElseThrow(() ->
                    new IllegalArgumentException("party " + fromPartyId + " is not a partner"));
            warnings.addAll(validator.verify(signer, CertificateUse.SIGNING, partner.trust(), at));
        }

        @Override
        public CryptoSuite agreedSuite(String fromPartyId) {
            return partners.byPartyId(fromPartyId).map(Partner::suite).orElse(CryptoSuite.EDELIVERY_AS4_1);
        }

        /** Refuses a TLS client certificate that is not accepted for {@code partner} now. */
        public void verifyTransport(Partner partner, X509Certificate tlsClient) throws CertificateRefusedException {
            warnings.addAll(validator.verify(tlsClient, CertificateUse.TLS_CLIENT, partner.trust(), at));
        }

        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /** The warnings as appended to the detail of the reception's trace event; empty when there are none. */
        public String traceNote() {
            return warnings.stream().map(w -> "; warning: " + w).collect(Collectors.joining());
        }
    }
}

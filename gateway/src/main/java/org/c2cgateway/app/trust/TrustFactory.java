package org.c2cgateway.app.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.RevocationConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.trust.CertificateExpiry;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.CrlSource;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.TrustConfiguration;
import org.c2cgateway.trust.WatchedCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the partners' trust: the CRLs of their CAs (loaded once before the first message is judged),
 * the certificate validator, the authentication of partner messages after checking the configured
 * certificates (see {@link TrustConfiguration}), and the list of certificates whose expiry is watched.
 */
@Factory
public class TrustFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TrustFactory.class);

    @Singleton
    RevocationLists revocationLists(RevocationConfiguration configured, GatewayConfiguration gateway,
                                    PartnerDirectory partners, Environment settings) {
        RevocationConfiguration revocation = configured.checked(settings);
        List<CrlSource> sources;
        try {
            sources = revocation.crlLocations().stream()
                    .map(location -> CrlSource.of(location, gateway.resolve("."))).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("c2c.revocation.crls: " + e.getMessage(), e);
        }
        RevocationLists lists;
        try {
            lists = new RevocationLists(sources, partners.all().stream()
                    .flatMap(p -> p.trust().issuingCas().stream()).distinct().toList(), revocation.effectiveRefreshInterval());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("c2c.revocation.refresh-interval: " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            LOG.warn("no CRL is configured (c2c.revocation.crls): partner certificates are not checked for revocation");
        }
        lists.refreshAll(Instant.now());
        return lists;
    }

    @Singleton
    CertificateValidator certificateValidator(RevocationLists lists, RevocationConfiguration revocation) {
        return new CertificateValidator(lists, revocation.effectiveOnUnavailable());
    }

    /**
     * Every certificate whose end must be seen coming: this gateway's signing and TLS certificates, and
     * each partner's issuing CAs, pinned certificates and encryption certificate.
     */
    @Singleton
    CertificateExpiry certificateExpiry(OwnIdentity self, GatewayConfiguration gateway, TlsConfiguration tls,
                                        PartnerDirectory partners) {
        List<WatchedCertificate> watched = new ArrayList<>();
        watched.add(new WatchedCertificate(WatchedCertificate.OWN, "signing", self.messageKey().certificate()));
        watched.add(new WatchedCertificate(WatchedCertificate.OWN, "tls", KeyStores.loadPrivateKeyEntry(
                gateway.resolve(tls.keyStore()), tls.password().toCharArray(), null).certificate()));
        for (Partner partner : partners.all()) {
            PartnerTrust trust = partner.trust();
            trust.issuingCas().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "issuing-ca", c)));
            trust.signing().pins().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "signing", c)));
            trust.tls().pins().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "tls", c)));
            if (trust.signing().pins().stream().noneMatch(c -> Certificates.sameCertificate(c, partner.encryptionCertificate()))) {
                watched.add(new WatchedCertificate(partner.country(), "encryption", partner.encryptionCertificate()));
            }
        }
        return new CertificateExpiry(watched, CertificateExpiry.DEFAULT_WARN_BEFORE);
    }

    @Singleton
    PartnerAuthentication partnerAuthentication(PartnerDirectory partners, CertificateValidator validator) {
        try {
            TrustConfiguration.check(partners.all().stream().map(Partner::trust).toList(), validator, Instant.now())
                    .forEach(warning -> LOG.warn("configured partner certificate: {}", warning));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("c2c.partners: " + e.getMessage(), e);
        }
        return new PartnerAuthentication(partners, validator);
    }
}

package org.c2cgateway.app.trust;

import java.security.cert.X509Certificate;
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
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.keys.KeyGenerations;
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
                                    CredentialsInForce credentials, Environment settings) {
        PartnerDirectory partners = credentials.current().partners();
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
     * Every certificate whose end must be seen coming: this gateway's message keys (in every slot of a
     * rollover) and TLS certificate, and each partner's issuing CAs, pinned certificates and encryption
     * certificates; always those in force, so a key reload changes what is watched.
     */
    @Singleton
    CertificateExpiry certificateExpiry(CredentialsInForce credentials, GatewayConfiguration gateway,
                                        TlsConfiguration tls) {
        X509Certificate ownTls = KeyStores.loadPrivateKeyEntry(gateway.resolve(tls.keyStore()),
                tls.password().toCharArray(), null).certificate();
        return new CertificateExpiry(() -> watched(credentials.current(), ownTls), CertificateExpiry.DEFAULT_WARN_BEFORE);
    }

    private static List<WatchedCertificate> watched(Credentials credentials, X509Certificate ownTls) {
        List<WatchedCertificate> watched = new ArrayList<>();
        credentials.keys().generations().forEach((purpose, keys) -> own(watched, purpose.configName(), keys));
        watched.add(new WatchedCertificate(WatchedCertificate.OWN, "tls", ownTls));
        for (Partner partner : credentials.partners().all()) {
            PartnerTrust trust = partner.trust();
            trust.issuingCas().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "issuing-ca", c)));
            trust.signing().pins().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "signing", c)));
            trust.tls().pins().forEach(c -> watched.add(new WatchedCertificate(partner.country(), "tls", c)));
            partner.encryptionCertificates().stream()
                    .filter(e -> trust.signing().pins().stream().noneMatch(c -> Certificates.sameCertificate(c, e)))
                    .forEach(e -> watched.add(new WatchedCertificate(partner.country(), "encryption", e)));
        }
        return watched;
    }

    /**
     * The current key is {@code own}: unusable, it makes the gateway DOWN. A next or previous key is owned by
     * {@code own-next} or {@code own-previous}: not in use for signing, its expiry calls for action but a next key
     * not yet valid is no fault, like a partner's.
     */
    private static void own(List<WatchedCertificate> watched, String purpose, KeyGenerations keys) {
        watched.add(new WatchedCertificate(WatchedCertificate.OWN, purpose, keys.current().certificate()));
        if (keys.next() != null) {
            watched.add(new WatchedCertificate(WatchedCertificate.OWN + "-next", purpose, keys.next().certificate()));
        }
        if (keys.previous() != null) {
            watched.add(new WatchedCertificate(WatchedCertificate.OWN + "-previous", purpose,
                    keys.previous().certificate()));
        }
    }

    @Singleton
    PartnerAuthentication partnerAuthentication(CredentialsInForce credentials, CertificateValidator validator) {
        PartnerDirectory partners = credentials.current().partners();
        try {
            TrustConfiguration.check(partners.all().stream().map(Partner::trust).toList(), validator, Instant.now())
                    .forEach(warning -> LOG.warn("configured partner certificate: {}", warning));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("c2c.partners: " + e.getMessage(), e);
        }
        return new PartnerAuthentication(validator);
    }
}

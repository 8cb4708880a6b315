package org.c2cgateway.app.trust;

import java.time.Instant;
import java.util.List;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.RevocationConfiguration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.CrlSource;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.TrustConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the partners' trust: the CRLs of their CAs (loaded once before the first message is judged),
 * the certificate validator, and the authentication of partner messages, after checking the
 * configured certificates (see {@link TrustConfiguration}).
 */
@Factory
public class TrustFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TrustFactory.class);

    @Singleton
    RevocationLists revocationLists(RevocationConfiguration revocation, GatewayConfiguration gateway,
                                    CredentialsInForce credentials) {
        PartnerDirectory partners = credentials.current().partners();
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
                    .flatMap(p -> p.trust().issuingCas().stream()).distinct().toList(), revocation.refreshInterval());
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
        return new CertificateValidator(lists, revocation.onUnavailable());
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

package org.c2cgateway.app.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.TrustConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the gateway's configuration file again and puts its keys and partner certificates in force, without a
 * restart and without disturbing messages in flight. Everything is loaded and checked before anything changes:
 * a file with a bad key, certificate or setting leaves the credentials in force as they were, and the error
 * names the setting.
 *
 * <p>What a reload does not change: the set of partners (each has its own queue and route) and their issuing CAs
 * (the CRLs are checked against them); those need a restart, and a reload that would change them is refused.
 */
@Singleton
public class KeyReload {

    private static final Logger LOG = LoggerFactory.getLogger(KeyReload.class);

    private final ConfigurationSources sources;
    private final CredentialsInForce inForce;
    private final CertificateValidator validator;
    private final ApplicationEventPublisher<KeysReloaded> events;

    public KeyReload(ConfigurationSources sources, CredentialsInForce inForce, CertificateValidator validator,
                     ApplicationEventPublisher<KeysReloaded> events) {
        this.sources = sources;
        this.inForce = inForce;
        this.validator = validator;
        this.events = events;
    }

    /** What was put in force, with warnings about certificates that are refused now but may be accepted later. */
    public record Reloaded(Credentials credentials, List<String> warnings) {
    }

    /** @throws KeyConfigurationException naming what cannot be put in force; nothing changed then */
    public synchronized Reloaded reload() {
        Instant now = Instant.now();
        Credentials candidate;
        List<String> warnings;
        try {
            candidate = CredentialsLoader.load(ConfigurationOnlyContext.read(sources, KeySettings::from), now);
            warnings = checkTrust(candidate, validator, now);
            requireSameIssuingCas(inForce.current(), candidate);
            inForce.replace(candidate);
        } catch (KeyConfigurationException e) {
            LOG.warn("keys not reloaded from {}, those in force stay: {}", sources.configFile(), e.getMessage());
            throw e;
        }
        LOG.info("keys reloaded from {}: {}", sources.configFile(), KeysView.of(candidate, warnings).summary());
        warnings.forEach(warning -> LOG.warn("configured partner certificate: {}", warning));
        events.publishEvent(new KeysReloaded(candidate));
        return new Reloaded(candidate, warnings);
    }

    /** The partners' trust checks of the start-up ({@link TrustConfiguration}), for candidate credentials. */
    static List<String> checkTrust(Credentials candidate, CertificateValidator validator, Instant now) {
        try {
            return TrustConfiguration.check(candidate.partners().all().stream().map(Partner::trust).toList(), validator,
                    now);
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException("c2c.partners", e.getMessage(), e);
        }
    }

    private static void requireSameIssuingCas(Credentials before, Credentials after) {
        for (Partner partner : after.partners().all()) {
            Set<String> has = fingerprints(partner.trust().issuingCas());
            before.partners().byCountry(partner.country()).map(p -> fingerprints(p.trust().issuingCas()))
                    .filter(had -> !had.equals(has))
                    .ifPresent(had -> {
                        throw new KeyConfigurationException("c2c.partners." + partner.country() + ".trust.issuing-cas",
                                "the issuing CAs are read at start, with the CRLs checked against them; restart the "
                                        + "gateway to change them");
                    });
        }
    }

    private static Set<String> fingerprints(List<X509Certificate> certificates) {
        Set<String> fingerprints = new HashSet<>();
        certificates.forEach(c -> fingerprints.add(KeysView.fingerprint(c)));
        return fingerprints;
    }
}

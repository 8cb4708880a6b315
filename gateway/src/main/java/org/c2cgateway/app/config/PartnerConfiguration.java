package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.c2cgateway.partner.Partner;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.PartnerTrust;

/**
 * One partner administration's gateway, keyed by its country code under {@code c2c.partners}.
 *
 * @param country               the key: the partner's ISO 3166 code
 * @param partyId               its AS4 party id (defaults to the country)
 * @param endpoint              where its AS4 endpoint listens
 * @param encryptionCertificates the certificates of its decryption keys (PEM), in order of preference: messages
 *                               to it are encrypted for the first one valid at the time; the others are accepted
 *                               alternatives, e.g. its new key listed ahead of time, or its old one until it is
 *                               removed. Under the EC suite its X25519 certificates. Defaults to
 *                               {@code trust.signing-certificates}, for a partner whose one RSA key signs and
 *                               decrypts
 * @param trust                  which certificates speak for it
 * @param suite                  the crypto suite of the agreement: {@code EDELIVERY_AS4_1} (the default)
 *                               or {@code EDELIVERY_AS4_2_EC} (Ed25519 signing, X25519 encryption)
 * @param retry                  how failed sends to it are retried, where it differs from {@code c2c.delivery.retry}
 */
@EachProperty("c2c.partners")
public record PartnerConfiguration(
        @Parameter String country,
        @Nullable String partyId,
        @NotNull URI endpoint,
        @Nullable List<String> encryptionCertificates,
        @NotNull Trust trust,
        @Nullable CryptoSuite suite,
        @Nullable Retry retry) {

    /** A partner's own retry settings; each one left out is taken from {@code c2c.delivery.retry}. */
    @ConfigurationProperties("retry")
    public record Retry(@Nullable Duration initialDelay, @Nullable Double multiplier, @Nullable Duration maxDelay,
                        @Nullable Duration timeToLive, @Nullable Double jitter, @Nullable Integer maxAttempts) {
    }

    /**
     * Which certificates speak for the partner, under {@code c2c.partners.<CC>.trust}. For each use
     * (signing, TLS) at least pinned certificates or a subject pattern must be set: the CAs alone
     * issue to other parties too.
     *
     * @param issuingCas          the CAs that issue the partner's certificates (PEM files)
     * @param signingCertificates its accepted signing certificates (PEM files); several during a key rotation
     * @param signingSubject      a regular expression the whole RFC 2253 subject of a signing certificate
     *                            must match, e.g. {@code CN=MK customs gateway signing,O=Customs administration MK,C=MK}
     * @param tlsCertificates     its accepted TLS client certificates (PEM files)
     * @param tlsSubject          the same as signing-subject, for TLS client certificates
     */
    @ConfigurationProperties("trust")
    public record Trust(
            @NotEmpty List<String> issuingCas,
            @Nullable List<String> signingCertificates,
            @Nullable String signingSubject,
            @Nullable List<String> tlsCertificates,
            @Nullable String tlsSubject) {
    }

    /** Micronaut lower-cases the keys of {@code c2c.partners}; country codes are upper case. */
    public String countryCode() {
        return country.toUpperCase(java.util.Locale.ROOT);
    }

    public String effectivePartyId() {
        return partyId == null || partyId.isBlank() ? countryCode() : partyId;
    }

    /**
     * The partner as the engine knows it, with its certificates loaded.
     *
     * @param resolve resolves a configured path against the gateway's home
     * @throws ConfigurationException naming the key whose value is missing, unreadable or inconsistent
     */
    public Partner toPartner(Function<String, Path> resolve) {
        List<X509Certificate> signingPins = certificates(key("signing-certificates"), trust.signingCertificates(), resolve);
        PartnerTrust partnerTrust;
        try {
            partnerTrust = new PartnerTrust(countryCode(),
                    certificates(key("issuing-cas"), trust.issuingCas(), resolve),
                    accepted("signing", signingPins, trust.signingSubject()),
                    accepted("tls", certificates(key("tls-certificates"), trust.tlsCertificates(), resolve), trust.tlsSubject()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key("issuing-cas") + ": " + e.getMessage(), e);
        }
        try {
            return new Partner(countryCode(), effectivePartyId(), endpoint, partnerTrust,
                    encryptionCertificates(signingPins, resolve), suite);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("c2c.partners." + countryCode() + ".suite: " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> encryptionCertificates(List<X509Certificate> signingPins,
                                                         Function<String, Path> resolve) {
        String name = "c2c.partners." + countryCode() + ".encryption-certificates";
        if (encryptionCertificates != null && !encryptionCertificates.isEmpty()) {
            return certificates(name, encryptionCertificates, resolve);
        }
        if (signingPins.isEmpty()) {
            throw new ConfigurationException(name + " must be set when " + key("signing-certificates")
                    + " is not: messages to the partner are encrypted for them");
        }
        return signingPins;
    }

    private AcceptedCertificates accepted(String use, List<X509Certificate> pins, String subject) {
        if (pins.isEmpty() && (subject == null || subject.isBlank())) {
            throw new ConfigurationException("c2c.partners." + countryCode() + ".trust: neither " + use + "-certificates nor " + use + "-subject is set "
                    + "for partner " + countryCode() + ": any certificate of its issuing CAs would be accepted as its "
                    + use + " certificate");
        }
        try {
            return new AcceptedCertificates(pins, subject == null || subject.isBlank() ? null : Pattern.compile(subject));
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException(key(use + "-subject") + " is not a regular expression: " + e.getMessage(), e);
        }
    }

    /** @param setting the full configuration key of the list, to name the entry that cannot be loaded */
    private static List<X509Certificate> certificates(String setting, List<String> paths, Function<String, Path> resolve) {
        List<X509Certificate> loaded = new ArrayList<>();
        if (paths != null) {
            for (int i = 0; i < paths.size(); i++) {
                loaded.add(load(setting + "[" + i + "]", paths.get(i), resolve));
            }
        }
        return loaded;
    }

    private static X509Certificate load(String key, String path, Function<String, Path> resolve) {
        try {
            return KeyStores.loadCertificate(resolve.apply(path));
        } catch (RuntimeException e) {
            throw new ConfigurationException(key + ": " + e.getMessage(), e);
        }
    }

    private String key(String name) {
        return "c2c.partners." + countryCode() + ".trust." + name;
    }
}

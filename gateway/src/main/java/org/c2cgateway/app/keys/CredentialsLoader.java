package org.c2cgateway.app.keys;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.exceptions.ConfigurationException;

import org.c2cgateway.app.config.KeyStoreSlot;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.keys.KeyGenerations;
import org.c2cgateway.keys.KeyRing;
import org.c2cgateway.keys.MessageKeyPurpose;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;

/**
 * Loads the keys and certificates the settings name, and checks what can be checked without a partner: every
 * file opens, the current keys are valid now, and each partner has an encryption certificate valid now. The same
 * at start and on reload, so a file a restart would refuse is refused by a reload too.
 */
final class CredentialsLoader {

    private CredentialsLoader() {
    }

    /** @throws KeyConfigurationException naming the setting that cannot be put in force, and why */
    static Credentials load(KeySettings settings, Instant now) {
        Map<MessageKeyPurpose, KeyGenerations> generations = new EnumMap<>(MessageKeyPurpose.class);
        for (MessageKeyPurpose purpose : MessageKeyPurpose.values()) {
            List<KeyStoreSlot> slots = settings.ownKeys().stream().filter(s -> s.purpose() == purpose).toList();
            boolean required = purpose == MessageKeyPurpose.SIGNING || purpose == MessageKeyPurpose.ENCRYPTION;
            if (required || !slots.isEmpty()) {
                generations.put(purpose, generations(purpose, slots, settings, now));
            }
        }
        KeyRing keys = new KeyRing(generations);
        OwnKeys own = keys.ownKeys();
        return new Credentials(keys, new PartnerDirectory(settings.partners().stream()
                .map(p -> partner(p, own, settings, now)).toList()));
    }

    private static KeyGenerations generations(MessageKeyPurpose purpose, List<KeyStoreSlot> slots,
                                              KeySettings settings, Instant now) {
        String setting = "c2c.message-keys." + purpose.configName();
        Map<String, PrivateKeyEntry> bySlot = new HashMap<>();
        for (KeyStoreSlot slot : slots) {
            PrivateKeyEntry key = key(slot, settings);
            try {
                purpose.requireKeyType(key);
            } catch (IllegalArgumentException e) {
                throw new KeyConfigurationException(slot.setting(), e.getMessage(), e);
            }
            bySlot.put(slot.slot(), key);
        }
        PrivateKeyEntry current = bySlot.get("current");
        if (current == null) {
            throw new KeyConfigurationException(setting + ".current", purpose == MessageKeyPurpose.SIGNING
                    || purpose == MessageKeyPurpose.ENCRYPTION
                    ? "is not configured (c2c.message-keys replaces c2c.message-key)"
                    : "is not configured, though other slots of " + setting + " are");
        }
        requireValid(setting + ".current", current.certificate(), now);
        PrivateKeyEntry next = bySlot.get("next");
        if (next != null && now.isAfter(next.certificate().getNotAfter().toInstant())) {
            throw new KeyConfigurationException(setting + ".next", "the certificate expired on "
                    + next.certificate().getNotAfter().toInstant() + ": " + Certificates.describe(next.certificate()));
        }
        return new KeyGenerations(current, next, bySlot.get("previous"));
    }

    private static PrivateKeyEntry key(KeyStoreSlot slot, KeySettings settings) {
        try {
            return KeyStores.loadPrivateKeyEntry(settings.gateway().resolve(slot.keyStore()),
                    slot.password().toCharArray(), slot.alias());
        } catch (RuntimeException e) {
            throw new KeyConfigurationException(slot.setting(), e.getMessage(), e);
        }
    }

    /** A current key partners would refuse is no key to work with. */
    private static void requireValid(String setting, X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new KeyConfigurationException(setting, "the certificate is not valid now (valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + "): "
                    + Certificates.describe(certificate), e);
        }
    }

    private static Partner partner(PartnerConfiguration configuration, OwnKeys own, KeySettings settings,
                                   Instant now) {
        Partner partner;
        try {
            partner = configuration.toPartner(settings.gateway()::resolve);
        } catch (ConfigurationException e) {
            // its messages start with the setting at fault: "c2c.partners.MK.trust.issuing-cas[0]: ..."
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw message.startsWith("c2c.") && colon > 0
                    ? new KeyConfigurationException(message.substring(0, colon), message.substring(colon + 2), e)
                    : new KeyConfigurationException("c2c.partners." + configuration.countryCode(), message, e);
        }
        if (!own.supports(partner.suite())) {
            throw new KeyConfigurationException("c2c.partners." + partner.country() + ".suite", "is " + partner.suite()
                    + ", but this gateway holds no " + partner.suite().signingKeyType().label() + " signing and "
                    + partner.suite().encryptionKeyType().label() + " encryption key for it (c2c.message-keys."
                    + MessageKeyPurpose.SIGNING_EC.configName() + " and ." + MessageKeyPurpose.ENCRYPTION_EC.configName()
                    + ")");
        }
        try {
            partner.encryptionCertificate(now);
        } catch (IllegalStateException e) {
            throw new KeyConfigurationException("c2c.partners." + partner.country() + ".encryption-certificates",
                    e.getMessage(), e);
        }
        return partner;
    }
}

package org.c2cgateway.app.engine;

import java.util.List;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.app.config.MessageKeyConfiguration;
import org.c2cgateway.app.config.MessageKeysEcConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.ErrorSignalBuilder;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.model.NotificationJson;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.transport.HttpsPartnerTransport;
import org.c2cgateway.transport.TlsMaterial;
import org.c2cgateway.validation.NotificationValidator;

/** Builds the engine's plain-Java parts from the typed configuration. */
@Factory
public class EngineFactory {

    @Singleton
    OwnIdentity ownIdentity(GatewayConfiguration gateway, MessageKeyConfiguration key,
                            @Nullable MessageKeysEcConfiguration ec) {
        List<PrivateKeyEntry> ecKeys = ec == null ? List.of() : List.of(
                KeyStores.loadPrivateKeyEntry(gateway.resolve(ec.signingKeyStore()), ec.password().toCharArray(),
                        ec.signingAlias()),
                KeyStores.loadPrivateKeyEntry(gateway.resolve(ec.encryptionKeyStore()), ec.password().toCharArray(),
                        ec.encryptionAlias()));
        if (ec != null && !OwnKeys.of(ecKeys, ecKeys).supports(CryptoSuite.EDELIVERY_AS4_2_EC)) {
            throw new IllegalArgumentException("c2c.message-keys-ec must name an Ed25519 signing key and an X25519 "
                    + "encryption key, found " + ecKeys);
        }
        return new OwnIdentity(gateway.country(), gateway.effectivePartyId(), KeyStores.loadPrivateKeyEntry(
                gateway.resolve(key.keyStore()), key.password().toCharArray(), key.alias()), ecKeys);
    }

    /** Each partner with its agreed suite; a suite this gateway holds no keys for stops the start. */
    @Singleton
    PartnerDirectory partnerDirectory(GatewayConfiguration gateway, List<PartnerConfiguration> partners,
                                      OwnIdentity self) {
        return new PartnerDirectory(partners.stream().map(p -> {
            Partner partner = p.toPartner(gateway::resolve);
            if (!self.keys().supports(partner.suite())) {
                throw new IllegalArgumentException("c2c.partners." + partner.country() + ".suite is " + partner.suite()
                        + ", but this gateway holds no " + partner.suite().signingKeyType().label() + " signing and "
                        + partner.suite().encryptionKeyType().label() + " encryption key for it (c2c.message-keys-ec)");
            }
            return partner;
        }).toList());
    }

    @Singleton
    TlsMaterial tlsMaterial(GatewayConfiguration gateway, TlsConfiguration tls) {
        return TlsMaterial.load(gateway.resolve(tls.keyStore()), tls.password().toCharArray(),
                gateway.resolve(tls.trustStore()), tls.trustStorePassword().toCharArray());
    }

    @Singleton
    HttpsPartnerTransport partnerTransport(TlsMaterial material, TlsConfiguration tls) { // also the PartnerProbe
        return new HttpsPartnerTransport(material, tls.connectTimeout(), tls.requestTimeout());
    }

    @Singleton
    NotificationValidator notificationValidator(GatewayConfiguration gateway) {
        return new NotificationValidator(gateway.maxPayloadBytes());
    }

    @Singleton
    NotificationJson notificationJson() {
        return new NotificationJson();
    }

    @Singleton
    NotificationReader notificationReader() {
        return new NotificationReader();
    }

    @Singleton
    As4MessageBuilder as4MessageBuilder() {
        return new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE, Collaboration.SERVICE_TYPE);
    }

    @Singleton
    As4MessageOpener as4MessageOpener(InboundConfiguration inbound) {
        return new As4MessageOpener(inbound.limits());
    }

    @Singleton
    ReceiptBuilder receiptBuilder() {
        return new ReceiptBuilder();
    }

    @Singleton
    ReceiptVerifier receiptVerifier() {
        return new ReceiptVerifier();
    }

    @Singleton
    ErrorSignalBuilder errorSignalBuilder() {
        return new ErrorSignalBuilder();
    }
}

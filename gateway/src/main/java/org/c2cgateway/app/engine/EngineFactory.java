package org.c2cgateway.app.engine;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
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
import org.c2cgateway.transport.HttpsPartnerTransport;
import org.c2cgateway.transport.TlsMaterial;
import org.c2cgateway.validation.NotificationValidator;

/** Builds the engine's plain-Java parts from the typed configuration. */
@Factory
public class EngineFactory {

    @Singleton
    OwnIdentity ownIdentity(GatewayConfiguration gateway) {
        return new OwnIdentity(gateway.country(), gateway.effectivePartyId());
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

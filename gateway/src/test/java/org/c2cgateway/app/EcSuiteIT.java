package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.CryptoSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS and MK agreed on the eDelivery AS4 2.0 EC suite: the notification travels signed with Ed25519 and
 * encrypted under an X25519 agreement, and MK's receipt comes back signed with Ed25519, between two real
 * gateways (persistent journals, H2 traces, mutual TLS on loopback).
 */
class EcSuiteIT {

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;
    static NationalSystemClient mkNational;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data, ecAgreement("rs", "MK"), ecAgreement("mk", "RS"));
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
    }

    /** Own EC keys of {@code own} and its agreement with {@code partner} on the EC suite. */
    static Map<String, Object> ecAgreement(String own, String partner) {
        String partnerDir = "certs-dev/pki/" + partner.toLowerCase() + "/";
        return Map.of(
                "c2c.message-keys-ec.signing-key-store", "certs-dev/pki/" + own + "/signing-ed25519.p12",
                "c2c.message-keys-ec.encryption-key-store", "certs-dev/pki/" + own + "/encryption-x25519.p12",
                "c2c.message-keys-ec.password", "changeit",
                "c2c.partners." + partner + ".suite", "EDELIVERY_AS4_2_EC",
                "c2c.partners." + partner + ".signing-certificate", partnerDir + "signing-ed25519.crt",
                "c2c.partners." + partner + ".encryption-certificate", partnerDir + "encryption-x25519.crt");
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void both_gateways_hold_the_ec_agreement() {
        assertEquals(CryptoSuite.EDELIVERY_AS4_2_EC,
                gateways.rs.getBean(PartnerDirectory.class).byCountry("MK").orElseThrow().suite());
        assertEquals(CryptoSuite.EDELIVERY_AS4_2_EC,
                gateways.mk.getBean(PartnerDirectory.class).byCountry("RS").orElseThrow().suite());
    }

    @Test
    void notification_travels_on_the_ec_suite_and_the_ed25519_receipt_is_verified() throws Exception {
        byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);

        NationalSystemClient.Response response = rsNational.submit(notification);
        assertEquals(202, response.status(), response.text());
        SubmissionAccepted accepted = rsNational.read(response, SubmissionAccepted.class);

        InboxController.Item item = Await.until("MK's inbox to offer " + accepted.messageId(),
                ExchangeEndToEndIT.TIMEOUT, () -> mkNational.inbox().stream()
                        .filter(i -> i.messageId().equals(accepted.messageId())).findFirst());
        assertArrayEquals(notification, Base64.getDecoder().decode(item.payload()));

        MessageController.Timeline sent = Await.until("RS to record the verified receipt",
                ExchangeEndToEndIT.TIMEOUT, () -> Optional.ofNullable(rsNational.trace(accepted.messageId()))
                        .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        assertEquals(List.of("RECEIVED", "VALIDATED", "QUEUED", "SENT", "RECEIPT_VERIFIED"),
                ExchangeEndToEndIT.events(sent));
        String receipt = gateways.rs.getBean(TracedMessageRepository.class).findById(accepted.messageId())
                .orElseThrow().receipt();
        assertTrue(receipt.contains("Algorithm=\"http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519\""), receipt);
        assertEquals(List.of("RECEIVED_FROM_PARTNER", "VERIFIED", "QUEUED", "DELIVERED"),
                ExchangeEndToEndIT.events(mkNational.trace(accepted.messageId())));
    }
}

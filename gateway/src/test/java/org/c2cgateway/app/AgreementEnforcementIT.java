package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.as4.EbmsError;

/**
 * The demo agreements between RS and MK, enforced by two real gateways: RS sends only what its copy lets it
 * send, MK accepts only what its own copy lets it accept, and both trace the agreement version on every step.
 */
class AgreementEnforcementIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data);
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    /** The sample moved to 2024, a year before the first version of RS-MK-SEED took effect. */
    private static byte[] preparedIn2024() throws Exception {
        return new String(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK), StandardCharsets.UTF_8)
                .replace("2026-03-10T", "2024-03-10T").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_agreement_version_in_force_is_traced_on_every_step_of_both_gateways() throws Exception {
        NationalSystemClient.Response response = rsNational.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, response.status(), response.text());
        SubmissionAccepted accepted = rsNational.read(response, SubmissionAccepted.class);
        assertEquals("RS-MK-SEED v2", accepted.deliveries().get(0).agreement());

        MessageController.Timeline sent = Await.until("RS to record the receipt", TIMEOUT, () ->
                Optional.ofNullable(rsNational.trace(accepted.messageId())).filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        MessageController.Timeline received = TwoGateways.nationalSystem("mk", gateways.mkPort).trace(accepted.messageId());

        for (MessageController.Timeline timeline : new MessageController.Timeline[] {sent, received}) {
            assertEquals("RS-MK-SEED v2", timeline.agreement());
            timeline.events().forEach(step -> assertEquals("RS-MK-SEED v2", step.agreement(), step.toString()));
            assertTrue(timeline.events().stream().anyMatch(step -> step.event().equals("AGREEMENT_APPLIED")),
                    timeline.events().toString());
        }
        String appliedOnMk = received.events().stream().filter(step -> step.event().equals("AGREEMENT_APPLIED"))
                .findFirst().orElseThrow().detail();
        assertTrue(appliedOnMk.contains("AEO recognised: Consignor RS100123456"), appliedOnMk);
    }

    @Test
    void rs_refuses_to_send_without_an_agreement_in_force_on_the_notifications_day_naming_the_clause() throws Exception {
        NationalSystemClient.Response response = rsNational.submit(preparedIn2024());

        assertEquals(400, response.status(), response.text());
        assertTrue(response.text().contains("AGREEMENT:RS-MK-SEED v1 agreement"), "the nearest version: " + response.text());
        assertTrue(response.text().contains("no agreement with MK is in force on 2024-03-10"), response.text());
        assertTrue(response.text().contains("/PreArrivalNotification/OfficeOfEntry"), response.text());
    }

    @Test
    void mk_refuses_what_its_own_copy_does_not_accept_with_an_ebms_error_naming_the_agreement() throws Exception {
        TestPartner rs = TestPartner.rsSendingToMk(gateways.mkAs4Port);
        RefusalCheck check = RefusalCheck.before(gateways.mk);

        check.assertRefused(rs.post(rs.genuine(rs.message("agreement-test-" + System.nanoTime() + "@rs", preparedIn2024()))),
                EbmsError.PROCESSING_MODE_MISMATCH, "refused by agreement RS-MK-SEED v1 agreement",
                "no agreement with RS is in force on 2024-03-10");
        RefusalCheck.assertStillServing(gateways.mk, rs);
    }
}

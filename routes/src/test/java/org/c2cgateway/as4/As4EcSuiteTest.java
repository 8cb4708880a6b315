package org.c2cgateway.as4;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eDelivery AS4 2.0 EC suite end to end in the engine: build, open, receipt, receipt check. */
class As4EcSuiteTest {

    private final As4MessageOpener opener = new As4MessageOpener();

    @Test
    void ec_message_opens_with_every_field_and_the_payload_intact() throws Exception {
        UserMessage sent = As4Fixtures.sampleMessage();
        OutboundAs4Message out = As4Fixtures.buildAtoBEc(sent);

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayAEc(),
                As4Fixtures.keysOfB());

        assertEquals(sent, in.message());
        assertEquals(CryptoSuite.EDELIVERY_AS4_2_EC, in.suite());
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayAEd25519().certificate(), in.signingCertificate()));
    }
}

package org.c2cgateway.as4;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

/** Whether a receipt kept from a first reception may answer a repeat: only one of the very same envelope. */
class ReceiptRepeatTest {

    private final ReceiptBuilder receipts = new ReceiptBuilder();

    @Test
    void receipt_acknowledges_the_same_envelope_sent_again() throws Exception {
        OutboundAs4Message sent = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());
        byte[] receipt = receipts.build(open(sent), TestKeys.gatewayB());

        assertTrue(receipts.acknowledges(receipt, open(sent)));
    }

    @Test
    void receipt_does_not_acknowledge_the_message_signed_anew() throws Exception {
        UserMessage message = As4Fixtures.sampleMessage();
        byte[] receipt = receipts.build(open(As4Fixtures.buildAtoB(message)), TestKeys.gatewayB());

        assertFalse(receipts.acknowledges(receipt, open(As4Fixtures.buildAtoB(message))));
    }

    @Test
    void garbage_acknowledges_nothing() throws Exception {
        OutboundAs4Message sent = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());

        assertFalse(receipts.acknowledges("<not-a-receipt/>".getBytes(StandardCharsets.UTF_8), open(sent)));
    }

    private static InboundUserMessage open(OutboundAs4Message sent) throws As4Exception {
        return new As4MessageOpener().open(sent.body(), sent.contentType(), As4Fixtures.trustGatewayA(), TestKeys.gatewayB());
    }
}

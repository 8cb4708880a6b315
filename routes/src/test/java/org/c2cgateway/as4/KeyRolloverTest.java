package org.c2cgateway.as4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

/** A receiver in the middle of a key rollover decrypts with whichever of its keys the sender chose. */
class KeyRolloverTest {

    private static final PrivateKeyEntry B_NEXT = TestKeys.issue(TestKeys.testCa(), "gw-b");

    private final As4MessageOpener opener = new As4MessageOpener();

    @Test
    void message_encrypted_to_the_next_key_is_opened_and_says_which_key_decrypted_it() throws Exception {
        UserMessage sent = As4Fixtures.sampleMessage();
        OutboundAs4Message out = new As4MessageBuilder().build(sent, TestKeys.gatewayA(), B_NEXT.certificate());

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                OwnKeys.of(List.of(), List.of(TestKeys.gatewayB(), B_NEXT)));

        assertArrayEquals(sent.payload(), in.message().payload());
        assertTrue(Certificates.sameCertificate(B_NEXT.certificate(), in.decryptionCertificate()));
    }

    @Test
    void message_encrypted_to_the_current_key_is_still_opened_while_a_next_one_is_held() throws Exception {
        OutboundAs4Message out = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                OwnKeys.of(List.of(), List.of(B_NEXT, TestKeys.gatewayB())));

        assertTrue(Certificates.sameCertificate(TestKeys.gatewayB().certificate(), in.decryptionCertificate()));
    }

    @Test
    void message_encrypted_to_a_key_no_longer_held_is_refused_naming_its_certificate() {
        OutboundAs4Message out = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());

        As4Exception e = assertThrows(As4Exception.class, () -> opener.open(out.body(), out.contentType(),
                As4Fixtures.trustGatewayA(), OwnKeys.of(List.of(), List.of(B_NEXT))));

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error());
        assertTrue(e.detail().contains("not ours") && e.detail().contains(
                TestKeys.gatewayB().certificate().getSerialNumber().toString(16)), e.detail());
    }
}

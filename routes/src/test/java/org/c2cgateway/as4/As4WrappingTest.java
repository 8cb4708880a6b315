package org.c2cgateway.as4;

import org.c2cgateway.as4.HostileMessages.Hideout;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XML signature wrapping: a validly signed message rearranged so that the signature still verifies, over
 * the original moved out of the way, while an unsigned copy sits where the processor reads. The signature
 * alone cannot catch it; the opener must check that what it reads is what was signed.
 */
class As4WrappingTest {

    private final As4MessageOpener opener = new As4MessageOpener();

    private As4Exception openFails(As4Fixtures.Wire w) {
        return assertThrows(As4Exception.class, () -> opener.open(w.body(), w.contentType(),
                As4Fixtures.trustGatewayA(), TestKeys.gatewayB()));
    }

    private static As4Fixtures.Wire signedMessage() {
        return As4Fixtures.wire(As4Fixtures.buildAtoB(As4Fixtures.sampleMessage()));
    }

    @Test
    void messaging_hidden_in_the_security_header_with_an_unsigned_copy_in_its_place_is_refused_as_wrapping() {
        As4Exception e = openFails(HostileMessages.wrapMessaging(signedMessage(), Hideout.SECURITY_HEADER, "replayed@x"));

        assertWrapping(e, "eb:Messaging");
        assertEquals("replayed@x", e.refToMessageId(), "the id read is the copy's: only the check above stops it");
    }

    @Test
    void messaging_hidden_in_a_header_block_of_its_own_is_refused_as_wrapping() {
        assertWrapping(openFails(HostileMessages.wrapMessaging(signedMessage(), Hideout.NEW_HEADER_BLOCK, "replayed@x")),
                "eb:Messaging");
    }

    @Test
    void unsigned_copy_keeping_the_signed_ones_wsu_id_is_refused_as_ambiguous_before_the_signature_is_checked() {
        As4Exception e = openFails(HostileMessages.wrapMessagingKeepingItsId(signedMessage(), "replayed@x"));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
        assertTrue(e.detail().startsWith("two elements carry the id 'msg-") && e.detail().contains("signature wrapping"),
                e.detail());
    }

    @Test
    void body_hidden_in_the_security_header_with_an_unsigned_body_in_its_place_is_refused_as_wrapping() {
        assertWrapping(openFails(HostileMessages.wrapBody(signedMessage(), Hideout.SECURITY_HEADER)), "SOAP Body");
    }

    @Test
    void body_hidden_in_a_header_block_of_its_own_is_refused_as_wrapping() {
        assertWrapping(openFails(HostileMessages.wrapBody(signedMessage(), Hideout.NEW_HEADER_BLOCK)), "SOAP Body");
    }

    @Test
    void a_second_unsigned_body_before_the_signed_one_is_refused_before_any_signature_is_checked() {
        As4Exception e = openFails(HostileMessages.secondBody(signedMessage()));

        assertEquals(EbmsError.INVALID_HEADER, e.error(), e.getMessage());
        assertTrue(e.detail().contains("a Header and then a Body, nothing else") && e.detail().contains("Header, Body, Body"),
                e.detail());
    }

    private static void assertWrapping(As4Exception e, String element) {
        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error(), e.getMessage());
        assertTrue(e.detail().startsWith("the " + element + (element.equals("SOAP Body") ? "" : " header") + " is not signed"),
                e.detail());
        assertTrue(e.detail().contains("signature wrapping"), e.detail());
    }
}

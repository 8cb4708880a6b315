package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.c2cgateway.security.TestKeys;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.xml.XmlLimits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opener's limits: each refusal names the limit and its value, and comes before the costly steps. */
class As4MessageOpenerLimitsTest {

    private static final As4Limits SMALL = new As4Limits(4L << 20, 64 * 1024, 256 * 1024, new XmlLimits(16, 300, 16));

    private final As4MessageOpener opener = new As4MessageOpener(SMALL);

    private As4Exception openFails(As4Fixtures.Wire w) {
        return assertThrows(As4Exception.class, () -> opener.open(w.body(), w.contentType(),
                As4Fixtures.trustGatewayA(), TestKeys.gatewayB()));
    }

    private static As4Fixtures.Wire signedMessage(byte[] payload) {
        return As4Fixtures.wire(As4Fixtures.buildAtoB(As4Fixtures.sampleMessage(payload)));
    }

    @Test
    void an_attachment_over_the_limit_is_refused_naming_the_limit() {
        byte[] noise = new byte[100 * 1024];
        new Random(4).nextBytes(noise); // does not compress: the attachment stays over 64 KiB

        As4Exception e = openFails(signedMessage(noise));

        assertEquals(EbmsError.OTHER, e.error(), e.getMessage());
        assertTrue(e.detail().contains("exceeds the maximum attachment size of 65536 bytes"), e.detail());
        assertTrue(e.refToMessageId() != null, "the claimed id is reported");
    }

    @Test
    void a_payload_decompressing_past_the_limit_is_a_decompression_failure_naming_the_limit() {
        As4Exception e = openFails(signedMessage(new byte[300 * 1024]));

        assertEquals(EbmsError.DECOMPRESSION_FAILURE, e.error(), e.getMessage());
        assertTrue(e.detail().contains("maximum payload size of 262144 bytes"), e.detail());
    }

    @Test
    void an_envelope_nested_past_the_limit_is_refused_before_it_is_parsed_naming_the_limit() {
        As4Fixtures.Wire deep = As4Fixtures.tamperEnvelope(signedMessage(As4Fixtures.PAYLOAD),
                env -> env.replace("</S12:Header>", "<x:Deep xmlns:x='urn:x'>" + "<x:d>".repeat(20) + "</x:d>".repeat(20)
                        + "</x:Deep></S12:Header>"));

        As4Exception e = openFails(deep);

        assertEquals(EbmsError.INVALID_HEADER, e.error(), e.getMessage());
        assertTrue(e.detail().startsWith("the SOAP envelope is refused: ")
                && e.detail().contains("maximum XML nesting depth of 16"), e.detail());
    }

    @Test
    void an_envelope_with_more_elements_than_the_limit_is_refused_naming_the_limit() {
        As4Fixtures.Wire wide = As4Fixtures.tamperEnvelope(signedMessage(As4Fixtures.PAYLOAD),
                env -> env.replace("</S12:Header>", "<x:Wide xmlns:x='urn:x'>" + "<x:e/>".repeat(300) + "</x:Wide></S12:Header>"));

        As4Exception e = openFails(wide);

        assertEquals(EbmsError.INVALID_HEADER, e.error(), e.getMessage());
        assertTrue(e.detail().contains("more than the maximum of 300 XML elements"), e.detail());
    }

    @Test
    void a_message_id_longer_than_the_trace_can_key_is_refused() {
        String longId = "x".repeat(EbmsHeaderReader.MAX_MESSAGE_ID_LENGTH + 1);
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(As4Fixtures.wire(As4Fixtures.buildAtoB(m)),
                env -> env.replace(m.messageId(), longId));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.INVALID_HEADER, e.error(), e.getMessage());
        assertTrue(e.detail().contains("201 characters long"), e.detail());
    }

    @Test
    void a_conversation_id_longer_than_the_trace_can_search_is_refused() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(As4Fixtures.wire(As4Fixtures.buildAtoB(m)),
                env -> env.replace(">" + m.conversationId() + "<", ">" + "c".repeat(EbmsHeaderReader.MAX_MESSAGE_ID_LENGTH + 1) + "<"));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.INVALID_HEADER, e.error(), e.getMessage());
        assertTrue(e.detail().startsWith("eb:ConversationId is 201 characters long"), e.detail());
        assertEquals(m.messageId(), e.refToMessageId());
    }

    @Test
    void read_reports_what_the_message_claims_before_anything_is_verified() throws As4Exception {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire forged = As4Fixtures.tamperEnvelope(As4Fixtures.wire(As4Fixtures.buildAtoB(m)),
                env -> env.replace("SubmitDeclaration", "CancelDeclaration"));

        ClaimedUserMessage claimed = opener.read(forged.body(), forged.contentType());

        assertEquals(m.messageId(), claimed.messageId());
        assertEquals("gw-a", claimed.fromParty());
        assertEquals(EbmsError.FAILED_AUTHENTICATION, assertThrows(As4Exception.class,
                () -> opener.open(claimed, As4Fixtures.trustGatewayA(), OwnKeys.of(TestKeys.gatewayB()))).error());
        assertTrue(new String(forged.body(), StandardCharsets.ISO_8859_1).contains("CancelDeclaration"));
    }
}

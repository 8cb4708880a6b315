package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.wss4j.dom.WSConstants;
import org.c2cgateway.app.trace.InboundRefusal;
import org.c2cgateway.as4.As4Fixtures;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.HostileMessages;
import org.c2cgateway.as4.HostileMessages.Hideout;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.security.WsSecurityFixtures.Algorithms;
import org.c2cgateway.transport.CountingZeros;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile AS4 input against a real receiving gateway (MK) over real mutual TLS on loopback, sent by a
 * test-side RS that builds real messages with RS's development keys and then tampers with them. Every case
 * ends the same way: an ebMS error naming the cause, nothing on MK's national queue, a refusal traced, and
 * (after each test) a genuine message still delivered. MK runs with smaller size limits than the defaults so
 * that the oversized cases stay cheap; they are set below.
 */
class HostileInputIT {

    static final long MAX_REQUEST = 4L << 20;
    static final long MAX_ATTACHMENT = 2L << 20;
    static final long MAX_DECOMPRESSED = 8L << 20;
    /** Far above what these tests send, so that every refusal is kept; the rate itself is {@link InboundRefusalTraceIT}'s. */
    static final int REFUSALS_PER_SECOND = 1000;

    @RegisterExtension
    static final ReceivingGateway mk = new ReceivingGateway(Map.of(
            "c2c.inbound.max-request-bytes", MAX_REQUEST,
            "c2c.inbound.max-attachment-bytes", MAX_ATTACHMENT,
            "c2c.inbound.max-decompressed-bytes", MAX_DECOMPRESSED,
            "c2c.inbound.refusals-per-second", REFUSALS_PER_SECOND));
    static TestPartner rs;

    @BeforeAll
    static void senderIsRs() {
        rs = mk.rs();
    }

    private static As4Fixtures.Wire genuine() throws IOException {
        return rs.genuine(rs.message());
    }

    private static InboundRefusal refused(As4Fixtures.Wire hostile, EbmsError error, String... cause) throws Exception {
        RefusalCheck check = RefusalCheck.before(mk.context());
        return check.assertRefused(rs.post(hostile), error, cause);
    }

    // 1. A signature that does not verify

    @Test
    void tampered_eb_messaging_is_refused_as_failed_authentication_and_the_claims_are_traced() throws Exception {
        UserMessage m = rs.message();
        As4Fixtures.Wire tampered = As4Fixtures.tamperEnvelope(rs.genuine(m),
                env -> env.replace("<eb:Action>PreArrivalNotification", "<eb:Action>ExitNotification"));

        InboundRefusal refusal = refused(tampered, EbmsError.FAILED_AUTHENTICATION, "signature");

        assertEquals("127.0.0.1", refusal.remoteAddress());
        assertTrue(refusal.tlsClientSubject().contains("CN=RS customs gateway TLS"), refusal.tlsClientSubject());
        assertEquals("RS", refusal.claimedFrom());
        assertEquals(m.messageId(), refusal.claimedMessageId());
        assertNull(refusal.authenticatedPartner(), "a forgery proves nothing about its sender");
        assertNull(mk.context().getBean(org.c2cgateway.trace.TraceRecorder.class).status(m.messageId()),
                "an unauthenticated refusal opens no message trace");
    }

    @Test
    void tampered_body_is_refused_as_failed_authentication() throws Exception {
        As4Fixtures.Wire tampered = As4Fixtures.tamperEnvelope(genuine(),
                env -> env.replaceFirst("(<S12:Body[^>]*)/>", "$1><x>injected</x></S12:Body>"));

        refused(tampered, EbmsError.FAILED_AUTHENTICATION, "signature");
    }

    @Test
    void tampered_attachment_ciphertext_is_refused_as_failed_decryption() throws Exception {
        refused(As4Fixtures.tamperAttachment(genuine(), As4Fixtures::flipCiphertextBit), EbmsError.FAILED_DECRYPTION,
                "decryption failed");
    }

    @Test
    void attachment_swapped_for_one_that_decrypts_is_refused_as_failed_authentication() throws Exception {
        As4Fixtures.Wire other = rs.genuine(rs.message(UUID.randomUUID() + "@other", "<swapped/>".getBytes(StandardCharsets.UTF_8)));

        refused(HostileMessages.substituteAttachment(genuine(), other), EbmsError.FAILED_AUTHENTICATION, "signature");
    }

    @Test
    void a_forgery_claiming_an_accepted_message_id_leaves_that_messages_trace_alone() throws Exception {
        UserMessage m = rs.message();
        assertEquals(200, rs.post(rs.genuine(m)).statusCode());
        var national = mk.national();
        var before = national.trace(m.messageId());
        As4Fixtures.Wire forged = As4Fixtures.tamperEnvelope(rs.genuine(m),
                env -> env.replace("<eb:ConversationId>24RS", "<eb:ConversationId>25RS"));

        InboundRefusal refusal = refused(forged, EbmsError.FAILED_AUTHENTICATION, "signature");

        assertEquals(m.messageId(), refusal.claimedMessageId());
        var after = national.trace(m.messageId());
        assertEquals(before.status(), after.status());
        assertEquals(before.events().size(), after.events().size(), "the forgery wrote nothing into the real trace");
    }

    // 2. XML signature wrapping

    @ParameterizedTest(name = "eb:Messaging hidden in {0}")
    @MethodSource("hideouts")
    void signed_messaging_moved_aside_with_an_unsigned_copy_in_its_place_is_refused_as_wrapping(Hideout where)
            throws Exception {
        String forgedId = UUID.randomUUID() + "@replayed-under-a-new-id";

        InboundRefusal refusal = refused(HostileMessages.wrapMessaging(genuine(), where, forgedId),
                EbmsError.POLICY_NONCOMPLIANCE, "the eb:Messaging header is not signed", "signature wrapping");

        assertEquals(forgedId, refusal.claimedMessageId());
    }

    @Test
    void unsigned_messaging_copy_keeping_the_signed_wsu_id_is_refused_as_ambiguous() throws Exception {
        refused(HostileMessages.wrapMessagingKeepingItsId(genuine(), UUID.randomUUID() + "@replayed"),
                EbmsError.FAILED_AUTHENTICATION, "two elements carry the id", "signature wrapping");
    }

    @ParameterizedTest(name = "Body hidden in {0}")
    @MethodSource("hideouts")
    void signed_body_moved_aside_with_an_unsigned_body_in_its_place_is_refused_as_wrapping(Hideout where)
            throws Exception {
        refused(HostileMessages.wrapBody(genuine(), where), EbmsError.POLICY_NONCOMPLIANCE,
                "the SOAP Body is not signed", "signature wrapping");
    }

    @Test
    void a_second_unsigned_body_is_refused_as_an_invalid_envelope() throws Exception {
        refused(HostileMessages.secondBody(genuine()), EbmsError.INVALID_HEADER,
                "a SOAP 1.2 Envelope must contain a Header and then a Body, nothing else");
    }

    static Stream<Hideout> hideouts() {
        return Stream.of(Hideout.values());
    }

    // 3. Signed but not encrypted, encrypted but not signed, neither

    @Test
    void signed_but_not_encrypted_is_refused_as_policy_noncompliance() throws Exception {
        refused(rs.hostile().build(rs.message(), rs.signingKey(), null), EbmsError.POLICY_NONCOMPLIANCE,
                "the message is not encrypted");
    }

    @Test
    void encrypted_but_not_signed_is_refused_as_policy_noncompliance() throws Exception {
        refused(rs.hostile().build(rs.message(), null, rs.receiverCertificate()), EbmsError.POLICY_NONCOMPLIANCE,
                "the message is not signed");
    }

    @Test
    void neither_signed_nor_encrypted_is_refused_as_policy_noncompliance() throws Exception {
        As4Fixtures.Wire bare = rs.hostile().build(rs.message(), null, null);

        refused(bare, EbmsError.POLICY_NONCOMPLIANCE, "the wsse:Security header is empty");
        refused(As4Fixtures.tamperEnvelope(bare, env -> env.replaceFirst("<wsse:Security[^>]*/>", "")),
                EbmsError.POLICY_NONCOMPLIANCE, "the message has no wsse:Security header");
    }

    // 6. Algorithm downgrade on the RSA suite

    @ParameterizedTest(name = "{0}")
    @MethodSource("downgrades")
    void a_downgraded_algorithm_is_refused_naming_it(String what, Algorithms weak, String named) throws Exception {
        As4Fixtures.Wire downgraded = rs.hostile().withAlgorithms(rs.message(), rs.signingKey(), rs.receiverCertificate(),
                weak);

        refused(downgraded, EbmsError.POLICY_NONCOMPLIANCE, named, "is not accepted");
    }

    static Stream<Arguments> downgrades() {
        return Stream.of(
                Arguments.of("SHA-1 digest", Algorithms.AGREED.withDigest(WSConstants.SHA1),
                        "digest method http://www.w3.org/2000/09/xmldsig#sha1"),
                Arguments.of("RSA-SHA1 signature", Algorithms.AGREED.withSignature(WSConstants.RSA_SHA1),
                        "signature method http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
                Arguments.of("RSA 1.5 key transport", Algorithms.AGREED.withKeyTransport(WSConstants.KEYTRANSPORT_RSA15),
                        "key transport algorithm http://www.w3.org/2001/04/xmlenc#rsa-1_5"),
                Arguments.of("RSA-OAEP with MGF1-SHA-1", Algorithms.AGREED.withKeyTransport(WSConstants.KEYTRANSPORT_RSAOAEP),
                        "key transport algorithm http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"),
                Arguments.of("AES-CBC where GCM is agreed", Algorithms.AGREED.withDataEncryption(WSConstants.AES_128),
                        "data encryption algorithm http://www.w3.org/2001/04/xmlenc#aes128-cbc"));
    }

    // 7. Replay of an accepted message

    /**
     * The exact bytes again, and the same id signed anew over another payload, before and after MK restarts:
     * each is acknowledged (AS4 reception awareness: the sender may have lost the first receipt), the exact
     * repeat with the very first receipt, and nothing reaches the national system twice. Duplicate detection
     * lives in the trace store, so the restart forgets nothing. See also {@link InboundDuplicateIT}.
     */
    @Test
    void a_replayed_message_is_never_delivered_twice_even_after_a_restart() throws Exception {
        UserMessage m = rs.message();
        As4Fixtures.Wire first = rs.genuine(m);
        As4Fixtures.Wire sameIdOtherPayload = rs.genuine(rs.message(m.messageId(),
                TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK)));
        HttpResponse<byte[]> accepted = rs.post(first);
        assertEquals(200, accepted.statusCode());

        assertReplayNotDelivered(first, accepted.body(), m.messageId(), 1);
        assertReplayNotDelivered(sameIdOtherPayload, null, m.messageId(), 2);
        mk.restart();
        assertReplayNotDelivered(first, accepted.body(), m.messageId(), 3);
        assertReplayNotDelivered(sameIdOtherPayload, null, m.messageId(), 4);

        var national = mk.national();
        assertEquals(1, national.inbox().stream().filter(i -> i.messageId().equals(m.messageId())).count());
    }

    private static void assertReplayNotDelivered(As4Fixtures.Wire replay, byte[] firstReceipt, String messageId,
                                                 int duplicatesSoFar) throws Exception {
        RefusalCheck check = RefusalCheck.before(mk.context());
        HttpResponse<byte[]> answer = rs.post(replay);

        assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        if (firstReceipt != null) {
            assertArrayEquals(firstReceipt, answer.body(), "an exact repeat gets the very first receipt");
        }
        check.assertNothingDelivered();
        var timeline = mk.national().trace(messageId);
        assertEquals(duplicatesSoFar, timeline.events().stream().filter(e -> e.event().equals("DUPLICATE_RECEIVED")).count(),
                "each replay is traced on the message");
    }

    // 8. XXE, entity expansion, DTDs, deep nesting, oversized message and attachment, gzip bomb

    @ParameterizedTest(name = "{0} in the SOAP envelope")
    @MethodSource("doctypes")
    void a_doctype_in_the_envelope_is_refused_before_anything_is_resolved_or_expanded(String what, String doctype,
                                                                                     String reference) throws Exception {
        As4Fixtures.Wire hostile = As4Fixtures.tamperEnvelope(genuine(), env -> env.replaceFirst("\\?>", "?>" + doctype)
                .replaceFirst("<eb:ConversationId>", "<eb:ConversationId>" + reference));

        refused(hostile, EbmsError.INVALID_HEADER, "the SOAP envelope is refused: a DOCTYPE declaration is not allowed");
    }

    static Stream<Arguments> doctypes() {
        return Stream.of(
                Arguments.of("XXE", "<!DOCTYPE S12:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"),
                Arguments.of("billion laughs", billionLaughs("S12:Envelope"), "&lol9;"),
                Arguments.of("an external DTD", "<!DOCTYPE S12:Envelope SYSTEM \"http://127.0.0.1:9/evil.dtd\">", ""));
    }

    /** Authenticated, but the notification inside is hostile: it is refused as a notification, and traced on the message. */
    @ParameterizedTest(name = "{0} in the notification")
    @MethodSource("doctypes")
    void a_doctype_in_the_notification_is_refused_and_traced_on_the_message(String what, String doctype,
                                                                           String reference) throws Exception {
        String sample = Files.readString(ExchangeEndToEndIT.RS_TO_MK);
        java.util.regex.Matcher rootElement = java.util.regex.Pattern.compile("<([A-Za-z][\\w:.-]*)").matcher(sample);
        assertTrue(rootElement.find());
        String root = rootElement.group(1);
        byte[] hostile = sample.replaceFirst("\\?>", "?>" + doctype.replace("S12:Envelope", root))
                .replaceFirst("<MessageId>", "<MessageId>" + reference).getBytes(StandardCharsets.UTF_8);
        UserMessage m = rs.message(UUID.randomUUID() + "@rs.hostile-test", hostile);

        InboundRefusal refusal = refused(rs.genuine(m), EbmsError.OTHER, "the notification breaks", "DOCTYPE");

        assertEquals("RS", refusal.authenticatedPartner());
        var timeline = mk.national().trace(m.messageId());
        assertEquals("REJECTED", timeline.status());
    }

    @Test
    void an_envelope_nested_ten_thousand_deep_is_refused_at_the_depth_limit() throws Exception {
        As4Fixtures.Wire deep = As4Fixtures.tamperEnvelope(genuine(), env -> env.replace("</S12:Header>",
                "<x:Deep xmlns:x=\"urn:x\">" + "<x:d>".repeat(10_000) + "</x:d>".repeat(10_000) + "</x:Deep></S12:Header>"));

        refused(deep, EbmsError.INVALID_HEADER, "the SOAP envelope is refused", "maximum XML nesting depth of 64");
    }

    @Test
    void an_envelope_with_too_many_elements_is_refused_at_the_element_limit() throws Exception {
        As4Fixtures.Wire wide = As4Fixtures.tamperEnvelope(genuine(), env -> env.replace("</S12:Header>",
                "<x:Wide xmlns:x=\"urn:x\">" + "<x:e/>".repeat(100_000) + "</x:Wide></S12:Header>"));

        refused(wide, EbmsError.INVALID_HEADER, "more than the maximum of 5000 XML elements");
    }

    @Test
    void an_element_with_too_many_attributes_is_refused_at_the_attribute_limit() throws Exception {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            attributes.append(" a").append(i).append("=\"").append(i).append('"');
        }
        As4Fixtures.Wire crowded = As4Fixtures.tamperEnvelope(genuine(), env -> env.replace("</S12:Header>",
                "<x:Crowded xmlns:x=\"urn:x\"" + attributes + "/></S12:Header>"));

        refused(crowded, EbmsError.INVALID_HEADER, "maximum of 64 per element");
    }

    /** Refused on its Content-Length, before any of the body is read; the transport discards what the sender still sends. */
    @Test
    void a_request_declaring_more_than_the_limit_is_refused_before_it_is_read() throws Exception {
        CountingZeros body = new CountingZeros(MAX_REQUEST + 1);
        RefusalCheck check = RefusalCheck.before(mk.context());

        HttpResponse<byte[]> answer = rs.post(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> body), MAX_REQUEST + 1), "multipart/related; boundary=x");

        check.assertRefused(answer, EbmsError.OTHER, "the request declares " + (MAX_REQUEST + 1) + " bytes, more than "
                + "the maximum request size of " + MAX_REQUEST + " bytes (refused before reading it)");
    }

    @Test
    void a_request_without_a_length_is_read_only_up_to_the_limit() throws Exception {
        CountingZeros body = new CountingZeros(MAX_REQUEST + (1 << 20));
        RefusalCheck check = RefusalCheck.before(mk.context());

        HttpResponse<byte[]> answer = rs.post(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                "multipart/related; boundary=x");

        check.assertRefused(answer, EbmsError.OTHER, "exceeds the maximum request size of " + MAX_REQUEST
                + " bytes (reading stopped there)");
    }

    /**
     * A sender that does not stop: MK stops reading one byte past the limit, drains at most 16 MB more so
     * that the answer could still reach a sender that was nearly done, then closes the connection.
     */
    @Test
    void an_endless_request_is_cut_off_and_the_refusal_is_traced() throws Exception {
        long endless = 1L << 30;
        CountingZeros body = new CountingZeros(endless);
        RefusalCheck check = RefusalCheck.before(mk.context());

        try {
            HttpResponse<byte[]> answer = rs.post(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                    "multipart/related; boundary=x");
            RefusalCheck.assertEbmsError(answer, EbmsError.OTHER, "maximum request size");
        } catch (IOException connectionClosed) {
            // the usual end: MK closed the connection while the body was still coming
        }

        check.assertNothingDelivered();
        check.assertRefusalTraced(EbmsError.OTHER, "exceeds the maximum request size of " + MAX_REQUEST + " bytes");
        assertTrue(body.taken() < MAX_REQUEST + (32L << 20), body.taken() + " of " + endless + " bytes were taken");
    }

    @Test
    void an_attachment_over_the_limit_is_refused_before_it_is_decrypted() throws Exception {
        byte[] noise = new byte[(int) MAX_ATTACHMENT + 1024];
        new Random(8).nextBytes(noise);

        refused(rs.hostile().withAttachment(rs.message(), noise, rs.signingKey(), rs.receiverCertificate()),
                EbmsError.OTHER, "exceeds the maximum attachment size of " + MAX_ATTACHMENT + " bytes");
    }

    /** About 1 MB that inflates to 1 GiB, signed and encrypted by RS: MK stops at its 8 MiB limit. */
    @Test
    void a_gzip_bomb_is_refused_while_it_decompresses() throws Exception {
        byte[] bomb = HostileMessages.gzipBomb(1L << 30);
        assertTrue(bomb.length < MAX_ATTACHMENT, "the bomb itself is small: " + bomb.length);

        refused(rs.hostile().withAttachment(rs.message(), bomb, rs.signingKey(), rs.receiverCertificate()),
                EbmsError.DECOMPRESSION_FAILURE, "maximum payload size of " + MAX_DECOMPRESSED + " bytes",
                "decompression stopped there");
    }

    private static String billionLaughs(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }
}

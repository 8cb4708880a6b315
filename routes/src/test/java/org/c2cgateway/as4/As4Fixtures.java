package org.c2cgateway.as4;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;

/**
 * Shared test data for the AS4 tests: a sample message, trust, and wire-level tampering. Public, with
 * {@link HostileMessages}, for the gateway's integration tests too.
 */
public final class As4Fixtures {

    /** A body plus its Content-Type, as it travels over HTTP. */
    public record Wire(byte[] body, String contentType) {
    }

    static final byte[] PAYLOAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<declaration xmlns=\"urn:test\">"
            + "<lrn>24DE000000000001</lrn><goods>" + "bolts and nuts, ".repeat(200) + "</goods></declaration>")
            .getBytes(StandardCharsets.UTF_8);

    private As4Fixtures() {
    }

    static UserMessage sampleMessage() {
        return sampleMessage(PAYLOAD);
    }

    static UserMessage sampleMessage(byte[] payload) {
        return new UserMessage(UUID.randomUUID() + "@gw-a.test", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "gw-a", "gw-b", "urn:gw:customs:declaration-exchange", "urn:gw:customs:action:SubmitDeclaration",
                "conv-" + UUID.randomUUID(), "urn:as4:agreement", "customs-office-A", "customs-office-B",
                payload, "application/xml");
    }

    /** gw-b's view: it trusts exactly gw-a's certificate for party gw-a. */
    static SenderTrust trustGatewayA() {
        return trust(Map.of("gw-a", TestKeys.gatewayA().certificate()));
    }

    /**
     * The real partner authentication, for partners named by their party ids, each trusting the test CA and
     * pinning one certificate for signing and TLS; no CRL.
     */
    static SenderTrust trust(Map<String, X509Certificate> byParty) {
        return trust(byParty, byParty, CryptoSuite.EDELIVERY_AS4_1);
    }

    /** As {@link #trust(Map)}, under {@code suite}, encrypting to each party's {@code encryptTo} certificate. */
    static SenderTrust trust(Map<String, X509Certificate> byParty, Map<String, X509Certificate> encryptTo,
                             CryptoSuite suite) {
        List<Partner> partners = byParty.entrySet().stream().map(e -> {
            AcceptedCertificates pinned = new AcceptedCertificates(List.of(e.getValue()), null);
            return new Partner(e.getKey(), e.getKey(), URI.create("https://" + e.getKey() + ".test/as4"),
                    new PartnerTrust(e.getKey(), List.of(TestKeys.testCa().certificate(), TestKeys.ecCa()), pinned, pinned),
                    List.of(encryptTo.get(e.getKey())), suite);
        }).toList();
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED))
                .at(new PartnerDirectory(partners), Instant.now());
    }

    /** gw-b's view under the EC suite: it trusts exactly gw-a's Ed25519 certificate for party gw-a. */
    static SenderTrust trustGatewayAEc() {
        return trust(Map.of("gw-a", TestKeys.gatewayAEd25519().certificate()),
                Map.of("gw-a", TestKeys.gatewayAX25519().certificate()), CryptoSuite.EDELIVERY_AS4_2_EC);
    }

    /** All of gw-b's keys: RSA for eDelivery AS4 1.x, Ed25519 and X25519 for the EC suite. */
    static OwnKeys keysOfB() {
        return OwnKeys.of(TestKeys.gatewayB(), TestKeys.gatewayBEd25519(), TestKeys.gatewayBX25519());
    }

    /** A message from gw-a to gw-b, built the normal way. */
    static OutboundAs4Message buildAtoB(UserMessage m) {
        return new As4MessageBuilder().build(m, TestKeys.gatewayA(), TestKeys.gatewayB().certificate());
    }

    /** A message from gw-a to gw-b in the eDelivery AS4 2.0 EC suite. */
    static OutboundAs4Message buildAtoBEc(UserMessage m) {
        return new As4MessageBuilder().build(m, TestKeys.gatewayAEd25519(), TestKeys.gatewayBX25519().certificate(),
                CryptoSuite.EDELIVERY_AS4_2_EC);
    }

    public static Wire wire(OutboundAs4Message m) {
        return new Wire(m.body(), m.contentType());
    }

    /**
     * Re-packs a message after editing its SOAP envelope text and/or its attachment bytes (a null
     * edit leaves that part alone). Fails if an envelope edit changes nothing, so that a test
     * cannot pass because its search string went stale.
     */
    public static Wire tamper(Wire w, UnaryOperator<String> envelopeEdit, UnaryOperator<byte[]> attachmentEdit) {
        MimeMultipart.Parsed p = MimeMultipart.parse(w.contentType(), w.body());
        String envelope = new String(p.root().content(), StandardCharsets.UTF_8);
        String edited = envelopeEdit == null ? envelope : envelopeEdit.apply(envelope);
        if (envelopeEdit != null && edited.equals(envelope)) {
            throw new IllegalStateException("the envelope edit changed nothing");
        }
        MimeMultipart.Part att = p.attachments().get(0);
        byte[] content = att.content().clone();
        MimeMultipart.Built b = MimeMultipart.build(edited.getBytes(StandardCharsets.UTF_8), att.contentId(),
                attachmentEdit == null ? content : attachmentEdit.apply(content));
        return new Wire(b.body(), b.contentType());
    }

    public static Wire tamperEnvelope(Wire w, UnaryOperator<String> edit) {
        return tamper(w, edit, null);
    }

    public static Wire tamperAttachment(Wire w, UnaryOperator<byte[]> edit) {
        return tamper(w, null, edit);
    }

    /** Flips one bit in the middle of the ciphertext (past the 12-byte IV, before the 16-byte tag). */
    public static byte[] flipCiphertextBit(byte[] attachment) {
        attachment[12 + (attachment.length - 28) / 2] ^= 0x01;
        return attachment;
    }

    public static String envelopeOf(Wire w) {
        return new String(MimeMultipart.parse(w.contentType(), w.body()).root().content(), StandardCharsets.UTF_8);
    }
}

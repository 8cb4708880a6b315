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

import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;

/** Shared test data for the AS4 tests: a sample message, trust, and wire-level tampering. */
final class As4Fixtures {

    /** A body plus its Content-Type, as it travels over HTTP. */
    record Wire(byte[] body, String contentType) {
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
        List<Partner> partners = byParty.entrySet().stream().map(e -> {
            AcceptedCertificates pinned = new AcceptedCertificates(List.of(e.getValue()), null);
            return new Partner(e.getKey(), e.getKey(), URI.create("https://" + e.getKey() + ".test/as4"),
                    new PartnerTrust(e.getKey(), List.of(TestKeys.testCa().certificate()), pinned, pinned),
                    List.of(e.getValue()));
        }).toList();
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED))
                .at(new PartnerDirectory(partners), Instant.now());
    }

    /** A message from gw-a to gw-b, built the normal way. */
    static OutboundAs4Message buildAtoB(UserMessage m) {
        return new As4MessageBuilder().build(m, TestKeys.gatewayA(), TestKeys.gatewayB().certificate());
    }

    static Wire wire(OutboundAs4Message m) {
        return new Wire(m.body(), m.contentType());
    }

    /**
     * Re-packs a message after editing its SOAP envelope text and/or its attachment bytes (a null
     * edit leaves that part alone). Fails if an envelope edit changes nothing, so that a test
     * cannot pass because its search string went stale.
     */
    static Wire tamper(Wire w, UnaryOperator<String> envelopeEdit, UnaryOperator<byte[]> attachmentEdit) {
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

    static Wire tamperEnvelope(Wire w, UnaryOperator<String> edit) {
        return tamper(w, edit, null);
    }

    static Wire tamperAttachment(Wire w, UnaryOperator<byte[]> edit) {
        return tamper(w, null, edit);
    }

    /** Flips one bit in the middle of the ciphertext (past the 12-byte IV, before the 16-byte tag). */
    static byte[] flipCiphertextBit(byte[] attachment) {
        attachment[12 + (attachment.length - 28) / 2] ^= 0x01;
        return attachment;
    }

    static String envelopeOf(Wire w) {
        return new String(MimeMultipart.parse(w.contentType(), w.body()).root().content(), StandardCharsets.UTF_8);
    }
}

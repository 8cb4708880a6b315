package org.c2cgateway.as4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.c2cgateway.security.AttachmentCallbackHandler;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.WsSecurityFixtures;
import org.c2cgateway.security.WsSecurityFixtures.Algorithms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import static org.c2cgateway.as4.EbmsNames.EB_NS;
import static org.c2cgateway.as4.EbmsNames.SOAP12_NS;
import static org.c2cgateway.as4.EbmsNames.WSU_NS;

/**
 * Real AS4 messages made hostile, for the tests of this module and the gateway's integration tests: left
 * unsigned or unencrypted, protected with algorithms nobody agreed, rearranged around a valid signature
 * (signature wrapping), or carrying a gzip bomb. Each is built the way an attacker or a broken peer would:
 * from our own builder's parts, then changed.
 */
public final class HostileMessages {

    /** Where a wrapping attack hides the signed original. */
    public enum Hideout {
        /** Inside a wrapper element in the wsse:Security header, which WS-Security processing skips over. */
        SECURITY_HEADER,
        /** Inside a wrapper element that is a SOAP header block of its own. */
        NEW_HEADER_BLOCK
    }

    private static final String WRAPPER_NS = "urn:c2c-test:wrapper";
    private static final Pattern CIPHER_VALUE = Pattern.compile("<xenc:CipherValue>([^<]+)</xenc:CipherValue>");

    private final As4MessageBuilder builder;
    private final String partyIdType;
    private final String serviceType;

    /** As {@link As4MessageBuilder#As4MessageBuilder(String, String)}. */
    public HostileMessages(String partyIdType, String serviceType) {
        this.builder = new As4MessageBuilder(partyIdType, serviceType);
        this.partyIdType = partyIdType;
        this.serviceType = serviceType;
    }

    /** Built as agreed, except that no signature is made when {@code signer} is null, and no encryption when {@code receiver} is. */
    public As4Fixtures.Wire build(UserMessage m, PrivateKeyEntry signer, X509Certificate receiver) {
        return withAttachment(m, Compression.gzip(m.payload()), signer, receiver);
    }

    /** As {@link #build}, with these bytes as the "compressed" payload (a gzip bomb, noise, not gzip at all). */
    public As4Fixtures.Wire withAttachment(UserMessage m, byte[] compressed, PrivateKeyEntry signer,
                                           X509Certificate receiver) {
        return As4Fixtures.wire(builder.build(m, compressed, MessageIds.newContentId(), signer, receiver,
                CryptoSuite.EDELIVERY_AS4_1));
    }

    /** Signed by {@code signer} and encrypted for {@code receiver} with these algorithms, over the parts AS4 protects. */
    public As4Fixtures.Wire withAlgorithms(UserMessage m, PrivateKeyEntry signer, X509Certificate receiver,
                                           Algorithms algorithms) {
        SoapEnvelopes.Envelope env = SoapEnvelopes.create();
        String contentId = MessageIds.newContentId();
        Element messaging = EbmsHeaderWriter.userMessage(env, m, contentId, partyIdType, serviceType);
        AttachmentCallbackHandler attachments = new AttachmentCallbackHandler()
                .add(contentId, EbmsNames.COMPRESSION_GZIP, Compression.gzip(m.payload()));
        try {
            WSSecHeader header = new WSSecHeader(env.doc());
            header.insertSecurityHeader();
            WsSecurityFixtures.sign(header, List.of(SoapEnvelopes.wsuId(messaging), env.bodyId()), attachments, signer,
                    algorithms);
            WsSecurityFixtures.encryptAttachments(header, attachments, receiver, algorithms);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("WSS4J cannot protect a message with " + algorithms, e);
        }
        MimeMultipart.Built mime = MimeMultipart.build(XmlParsers.serialize(env.doc()), contentId,
                attachments.content(contentId));
        return new As4Fixtures.Wire(mime.body(), mime.contentType());
    }

    /**
     * {@code signed}'s attachment swapped for {@code other}'s, together with the encrypted key that opens it.
     * Anyone can encrypt to the receiver's public certificate, so it decrypts; but it is not what was signed.
     */
    public static As4Fixtures.Wire substituteAttachment(As4Fixtures.Wire signed, As4Fixtures.Wire other) {
        String otherKey = cipherValue(As4Fixtures.envelopeOf(other));
        byte[] otherAttachment = MimeMultipart.parse(other.contentType(), other.body()).attachments().get(0).content();
        return As4Fixtures.tamper(signed, env -> env.replace(cipherValue(env), otherKey), att -> otherAttachment);
    }

    /**
     * Signature wrapping of eb:Messaging: the signed original is hidden away and an unsigned copy, under a
     * new message id (a replay that escapes duplicate detection), takes its place in the SOAP header.
     */
    public static As4Fixtures.Wire wrapMessaging(As4Fixtures.Wire w, Hideout where, String forgedMessageId) {
        return rearranged(w, doc -> {
            Element original = SoapEnvelopes.child(header(doc), EB_NS, "Messaging");
            Element copy = (Element) original.cloneNode(true);
            copy.removeAttributeNS(WSU_NS, "Id");
            messageId(copy).setTextContent(forgedMessageId);
            header(doc).replaceChild(copy, original);
            hide(doc, original, where);
        });
    }

    /**
     * As {@link #wrapMessaging}, but the copy keeps the original's wsu:Id, so that two elements answer to the
     * id the signature refers to.
     */
    public static As4Fixtures.Wire wrapMessagingKeepingItsId(As4Fixtures.Wire w, String forgedMessageId) {
        return rearranged(w, doc -> {
            Element original = SoapEnvelopes.child(header(doc), EB_NS, "Messaging");
            Element copy = (Element) original.cloneNode(true);
            messageId(copy).setTextContent(forgedMessageId);
            header(doc).replaceChild(copy, original);
            hide(doc, original, Hideout.SECURITY_HEADER);
        });
    }

    /** Signature wrapping of the SOAP Body: the signed Body is hidden away and an unsigned one with other content takes its place. */
    public static As4Fixtures.Wire wrapBody(As4Fixtures.Wire w, Hideout where) {
        return rearranged(w, doc -> {
            Element original = SoapEnvelopes.body(doc);
            doc.getDocumentElement().replaceChild(forgedBody(doc), original);
            hide(doc, original, where);
        });
    }

    /** A second, unsigned Body before the signed one. */
    public static As4Fixtures.Wire secondBody(As4Fixtures.Wire w) {
        return rearranged(w, doc -> doc.getDocumentElement().insertBefore(forgedBody(doc), SoapEnvelopes.body(doc)));
    }

    /**
     * A gzip stream of {@code uncompressedBytes} zero bytes, about a thousandth of that in size: a run of
     * gzip members of one MiB each (RFC 1952 allows any number of members, and decompressors read them as one).
     */
    public static byte[] gzipBomb(long uncompressedBytes) {
        int mebibyte = 1 << 20;
        byte[] member = Compression.gzip(new byte[mebibyte]);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream((int) (member.length * (uncompressedBytes / mebibyte)));
        for (long written = 0; written < uncompressedBytes; written += mebibyte) {
            bomb.writeBytes(member);
        }
        return bomb.toByteArray();
    }

    private static String cipherValue(String envelope) {
        Matcher matcher = CIPHER_VALUE.matcher(envelope);
        if (!matcher.find()) {
            throw new IllegalStateException("the envelope has no xenc:CipherValue");
        }
        return matcher.group(1);
    }

    private static As4Fixtures.Wire rearranged(As4Fixtures.Wire w, Consumer<Document> edit) {
        UnaryOperator<String> envelopeEdit = envelope -> {
            try {
                Document doc = XmlParsers.parse(envelope.getBytes(StandardCharsets.UTF_8));
                edit.accept(doc);
                return new String(XmlParsers.serialize(doc), StandardCharsets.UTF_8);
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("the test's own envelope does not parse", e);
            }
        };
        return As4Fixtures.tamperEnvelope(w, envelopeEdit);
    }

    private static void hide(Document doc, Element original, Hideout where) {
        Element wrapper = doc.createElementNS(WRAPPER_NS, "w:Wrapper");
        wrapper.appendChild(original);
        Element parent = where == Hideout.SECURITY_HEADER
                ? SoapEnvelopes.child(header(doc), WSConstants.WSSE_NS, "Security") : header(doc);
        parent.appendChild(wrapper);
    }

    private static Element forgedBody(Document doc) {
        Element body = doc.createElementNS(SOAP12_NS, "S12:Body");
        body.appendChild(doc.createElementNS(WRAPPER_NS, "w:Injected")).setTextContent("unsigned content");
        return body;
    }

    private static Element header(Document doc) {
        return SoapEnvelopes.child(doc.getDocumentElement(), SOAP12_NS, "Header");
    }

    private static Element messageId(Element messaging) {
        Element userMessage = SoapEnvelopes.child(messaging, EB_NS, "UserMessage");
        return SoapEnvelopes.child(SoapEnvelopes.child(userMessage, EB_NS, "MessageInfo"), EB_NS, "MessageId");
    }
}

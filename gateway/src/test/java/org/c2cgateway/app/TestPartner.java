package org.c2cgateway.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

import org.c2cgateway.as4.As4Fixtures;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.HostileMessages;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusBatch;

/**
 * A partner gateway played by the test: it builds real AS4 messages with the partner's committed
 * development keys, signed as that partner and encrypted for the receiver, and posts them over mutual TLS
 * with the partner's TLS certificate. What it sends may be genuine or made hostile with
 * {@link HostileMessages}.
 */
public final class TestPartner {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final String party;
    private final String receiver;
    private final PrivateKeyEntry signingKey;
    private final X509Certificate receiverCertificate;
    private final URI endpoint;
    private final HttpClient http;
    private final HostileMessages hostile = new HostileMessages(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE,
            Collaboration.SERVICE_TYPE);

    private TestPartner(String party, String receiver, int receiverAs4Port) {
        this.party = party;
        this.receiver = receiver;
        this.signingKey = KeyStores.loadPrivateKeyEntry(pki(party, "signing.p12"), PASSWORD, "signing");
        this.receiverCertificate = KeyStores.loadCertificate(pki(receiver, "encryption.crt"));
        this.endpoint = URI.create(TwoGateways.as4Url(receiverAs4Port));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TwoGateways.tls(party)).build();
    }

    /** RS, sending to MK's AS4 endpoint on this port. */
    public static TestPartner rsSendingToMk(int mkAs4Port) {
        return new TestPartner("rs", "mk", mkAs4Port);
    }

    /** MK, sending to RS's AS4 endpoint on this port. */
    public static TestPartner mkSendingToRs(int rsAs4Port) {
        return new TestPartner("mk", "rs", rsAs4Port);
    }

    private static java.nio.file.Path pki(String cc, String file) {
        return TwoGateways.HOME.resolve("certs-dev/pki/" + cc + "/" + file);
    }

    /** A valid pre-arrival notification under a new message id. */
    public UserMessage message() throws IOException {
        return message(UUID.randomUUID() + "@" + party + ".hostile-test", Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK));
    }

    public UserMessage message(String messageId, byte[] payload) {
        String from = party.toUpperCase(java.util.Locale.ROOT);
        String to = receiver.toUpperCase(java.util.Locale.ROOT);
        return new UserMessage(messageId, Instant.now(), from, to, Collaboration.SERVICE, "PreArrivalNotification",
                "24RS000000000001K0", Collaboration.agreementRef(from, to), from, to, payload, "application/xml");
    }

    /** A delivery status about {@code status.refToMessageId()}, under its own AS4 message id. */
    public UserMessage deliveryStatus(String messageId, DeliveryStatus status) {
        UserMessage m = message(messageId, status.toXml());
        return new UserMessage(m.messageId(), m.timestamp(), m.fromParty(), m.toParty(), m.service(),
                Collaboration.DELIVERY_STATUS_ACTION, m.conversationId(), m.agreementRef(), m.originalSender(),
                m.finalRecipient(), m.payload(), m.payloadMimeType(), status.refToMessageId());
    }

    /** Several statuses in one message, as a gateway sending batches does: the message refers to no one notification. */
    public UserMessage deliveryStatuses(String messageId, DeliveryStatusBatch batch) {
        UserMessage m = message(messageId, batch.toXml());
        return new UserMessage(m.messageId(), m.timestamp(), m.fromParty(), m.toParty(), m.service(),
                Collaboration.DELIVERY_STATUS_ACTION, m.conversationId(), m.agreementRef(), m.originalSender(),
                m.finalRecipient(), m.payload(), m.payloadMimeType(), batch.refToMessageId());
    }

    /** Signed and encrypted as agreed, by the production builder. */
    public As4Fixtures.Wire genuine(UserMessage m) {
        return As4Fixtures.wire(new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE,
                Collaboration.SERVICE_TYPE).build(m, signingKey, receiverCertificate));
    }

    public HostileMessages hostile() {
        return hostile;
    }

    public PrivateKeyEntry signingKey() {
        return signingKey;
    }

    public X509Certificate receiverCertificate() {
        return receiverCertificate;
    }

    public HttpResponse<byte[]> post(As4Fixtures.Wire message) throws IOException, InterruptedException {
        return post(HttpRequest.BodyPublishers.ofByteArray(message.body()), message.contentType());
    }

    public HttpResponse<byte[]> post(HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}

package org.c2cgateway.bench;

import java.util.concurrent.TimeUnit;

import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.Receipt;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.as4.SenderTrust;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The other half of an exchange's WS-Security cost, next to {@link As4SecurityBenchmark}: the signed
 * non-repudiation receipt. The receiver (gw-b) builds and signs it for a user message it has opened, as its
 * inbound route answers; the sender (gw-a) checks it against the digests it signed, as its dispatch does before
 * a message counts as delivered. Both with the gateway's own {@link ReceiptBuilder} and {@link ReceiptVerifier}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceiptBenchmark {

    /** A receipt is a SOAP envelope alone, whatever the payload; this is the content type gw-b answers with. */
    private static final String RECEIPT_CONTENT_TYPE = "application/soap+xml; charset=UTF-8";

    @Param({"EDELIVERY_AS4_1", "EDELIVERY_AS4_2_EC"})
    CryptoSuite suite;

    private final ReceiptBuilder receiptBuilder = new ReceiptBuilder();
    private final ReceiptVerifier receiptVerifier = new ReceiptVerifier();
    private InboundUserMessage received;
    private PrivateKeyEntry receiverSigningKey;
    private OutboundAs4Message sent;
    private String sentMessageId;
    private SenderTrust senderTrustInReceiver;
    private byte[] receipt;

    @Setup
    public void prepare() throws Exception {
        BenchCast gateways = BenchCast.generate(suite);
        receiverSigningKey = gateways.receiver().signingKey();
        senderTrustInReceiver = gateways.receiver().trustedBy(gateways.pki());
        UserMessage message = gateways.message(5120);
        sentMessageId = message.messageId();
        sent = new As4MessageBuilder().build(message, gateways.sender().signingKey(),
                gateways.receiver().encryptionCertificate(), suite);
        received = new As4MessageOpener().open(sent.body(), sent.contentType(),
                gateways.sender().trustedBy(gateways.pki()), OwnKeys.of(gateways.receiver().decryptionKey()));
        receipt = build();
        if (check().nonRepudiationDigests().size() != sent.signedDigests().size()) {
            throw new IllegalStateException("the benchmark receipt does not acknowledge every signed part");
        }
    }

    /** Receiver side: eb:Receipt with the sender's digests, signed over eb:Messaging and Body. */
    @Benchmark
    public byte[] build() {
        return receiptBuilder.build(received, receiverSigningKey);
    }

    /** Sender side: parse, verify the signature and its signer, match the digests to the ones it signed. */
    @Benchmark
    public Receipt check() throws As4Exception {
        return receiptVerifier.verify(receipt, RECEIPT_CONTENT_TYPE, sentMessageId, "gw-b", senderTrustInReceiver,
                sent.signedDigests());
    }
}

package org.c2cgateway.bench;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.OutboundAs4Message;
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
 * The WS-Security cost of one AS4 user message in each crypto suite, as the gateways pay it: the sender
 * builds (gzip, sign, encrypt), the receiver opens (decrypt, verify, gunzip). Keys come from a
 * throw-away development PKI: gw-a (country AA) signs, gw-b (BB) is encrypted to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class As4SecurityBenchmark {

    @Param({"EDELIVERY_AS4_1", "EDELIVERY_AS4_2_EC"})
    CryptoSuite suite;

    @Param({"5120"})
    int payloadBytes;

    private final As4MessageBuilder builder = new As4MessageBuilder();
    private final As4MessageOpener opener = new As4MessageOpener();
    private UserMessage message;
    private PrivateKeyEntry senderSigningKey;
    private X509Certificate receiverCertificate;
    private OwnKeys receiverKeys;
    private SenderTrust trust;
    private OutboundAs4Message built;

    @Setup
    public void prepare() throws Exception {
        BenchCast gateways = BenchCast.generate(suite);
        senderSigningKey = gateways.sender().signingKey();
        receiverCertificate = gateways.receiver().encryptionCertificate();
        receiverKeys = OwnKeys.of(gateways.receiver().decryptionKey());
        trust = gateways.sender().trustedBy(gateways.pki());
        message = gateways.message(payloadBytes);
        built = buildSignEncrypt();
        if (!Arrays.equals(message.payload(), openVerifyDecrypt().message().payload())) {
            throw new IllegalStateException("the benchmark message does not survive the round trip");
        }
    }

    /** Sender side: gzip, sign (eb:Messaging, Body, attachment), encrypt the attachment. */
    @Benchmark
    public OutboundAs4Message buildSignEncrypt() {
        return builder.build(message, senderSigningKey, receiverCertificate, suite);
    }

    /** Receiver side: policy scan, decrypt, verify, check the signer, gunzip. */
    @Benchmark
    public InboundUserMessage openVerifyDecrypt() throws Exception {
        return opener.open(built.body(), built.contentType(), trust, receiverKeys);
    }
}

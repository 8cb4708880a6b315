package org.c2cgateway.bench;

import java.net.URI;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.SenderTrust;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.pki.Credential;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;
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
        DevPki pki = DevPki.generate(Files.createTempDirectory("c2c-bench-pki"), List.of(),
                DevPki.DEFAULT_PASSWORD.toCharArray());
        KeyAlgorithm algorithm = suite == CryptoSuite.EDELIVERY_AS4_1 ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.ED25519;
        senderSigningKey = entry(pki.issue("AA", KeyPurpose.SIGNING, algorithm, IssueOptions.defaults()));
        PrivateKeyEntry receiverKey = entry(pki.issue("BB", KeyPurpose.ENCRYPTION, algorithm, IssueOptions.defaults()));
        receiverCertificate = receiverKey.certificate();
        receiverKeys = OwnKeys.of(receiverKey);
        trust = trustInSender(pki, senderSigningKey.certificate(),
                pki.issue("AA", KeyPurpose.ENCRYPTION, algorithm, IssueOptions.defaults()).certificate());
        byte[] payload = new byte[payloadBytes];
        new Random(7).nextBytes(payload);
        message = new UserMessage("bench@gw-a", Instant.now(), "gw-a", "gw-b", "urn:gw:services:bench", "Bench",
                "conv-1", null, null, null, payload, "application/octet-stream");
        built = buildSignEncrypt();
        if (!Arrays.equals(payload, openVerifyDecrypt().message().payload())) {
            throw new IllegalStateException("the benchmark message does not survive the round trip");
        }
    }

    /** gw-b's real trust in gw-a: the PKI's issuing CA, gw-a's signing certificate pinned, no CRL. */
    private SenderTrust trustInSender(DevPki pki, X509Certificate signing, X509Certificate encryption) {
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(signing), null);
        Partner sender = new Partner("AA", "gw-a", URI.create("https://gw-a.bench/as4"),
                new PartnerTrust("AA", List.of(pki.issuingCertificate()), pinned, pinned), List.of(encryption), suite);
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED))
                .at(new PartnerDirectory(List.of(sender)), Instant.now());
    }

    private static PrivateKeyEntry entry(Credential c) {
        return new PrivateKeyEntry(c.privateKey(), c.certificate(), c.chain());
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

package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class As4RoundTripTest {

    private static final Logger LOG = LoggerFactory.getLogger(As4RoundTripTest.class);

    private final As4MessageOpener opener = new As4MessageOpener();

    @Test
    void openedMessageHasIdenticalPayloadBytesAndAllHeaderFields() throws Exception {
        UserMessage sent = As4Fixtures.sampleMessage();
        OutboundAs4Message out = As4Fixtures.buildAtoB(sent);

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());

        UserMessage got = in.message();
        assertArrayEquals(sent.payload(), got.payload());
        assertEquals(sent, got, "every field, payload included, survives the round trip");
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayA().certificate(), in.signingCertificate()));
    }

    @Test
    void signedDigestsAreTheSameOnBothSidesAndCoverHeaderBodyAndAttachment() throws Exception {
        OutboundAs4Message out = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());

        List<ReferenceDigest> sent = out.signedDigests();
        assertEquals(3, sent.size());
        assertEquals(sent, in.signedDigests());
        assertTrue(sent.stream().allMatch(d -> d.digestAlgorithm().equals("http://www.w3.org/2001/04/xmlenc#sha256")));
        assertEquals(2, sent.stream().filter(d -> d.uri().startsWith("#")).count());
        assertEquals(1, sent.stream().filter(d -> d.uri().startsWith("cid:")).count());
    }

    @Test
    void optionalHeaderFieldsMayBeAbsent() throws Exception {
        UserMessage m = As4Fixtures.sampleMessage();
        UserMessage sparse = new UserMessage(m.messageId(), m.timestamp(), m.fromParty(), m.toParty(), m.service(),
                m.action(), m.conversationId(), null, null, null, new byte[0], "application/octet-stream");
        OutboundAs4Message out = As4Fixtures.buildAtoB(sparse);

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());

        assertEquals(sparse, in.message());
    }

    @Test
    void refToMessageIdTravelsInMessageInfoAndSurvives() throws Exception {
        UserMessage m = As4Fixtures.sampleMessage();
        UserMessage answer = new UserMessage(m.messageId(), m.timestamp(), m.fromParty(), m.toParty(), m.service(),
                "DeliveryStatus", m.conversationId(), m.agreementRef(), null, null, m.payload(), "application/xml",
                "original-1@c2c-gateway");
        OutboundAs4Message out = As4Fixtures.buildAtoB(answer);

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());

        assertEquals(answer, in.message());
        assertTrue(As4Fixtures.envelopeOf(As4Fixtures.wire(out)).contains(
                "<eb:RefToMessageId>original-1@c2c-gateway</eb:RefToMessageId>"));
    }

    @Test
    void binaryPayloadWithBoundaryLikeBytesSurvives() throws Exception {
        byte[] payload = new byte[70_000];
        new Random(42).nextBytes(payload);
        byte[] crlfDashes = "\r\n------=_Part_\r\n\r\n--".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(crlfDashes, 0, payload, 100, crlfDashes.length);
        OutboundAs4Message out = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage(payload));

        InboundUserMessage in = opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());

        assertArrayEquals(payload, in.message().payload());
    }

    @Test
    void sharedBuilderAndOpenerWorkConcurrently() throws Exception {
        As4MessageBuilder builder = new As4MessageBuilder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(pool.submit(() -> {
                    byte[] payload = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
                    UserMessage m = As4Fixtures.sampleMessage(payload);
                    OutboundAs4Message out = builder.build(m, TestKeys.gatewayA(), TestKeys.gatewayB().certificate());
                    return m.equals(opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(),
                            TestKeys.gatewayB()).message());
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Not a benchmark; logs a rough cost per build+open on this machine for the report. */
    @Test
    void buildAndOpenTimingIsLogged() throws Exception {
        As4MessageBuilder builder = new As4MessageBuilder();
        UserMessage m = As4Fixtures.sampleMessage(new byte[5 * 1024]);
        for (int i = 0; i < 30; i++) {
            OutboundAs4Message out = builder.build(m, TestKeys.gatewayA(), TestKeys.gatewayB().certificate());
            opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(), TestKeys.gatewayB());
        }
        int n = 50;
        long buildNanos = 0;
        long openNanos = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            OutboundAs4Message out = builder.build(m, TestKeys.gatewayA(), TestKeys.gatewayB().certificate());
            long t1 = System.nanoTime();
            opener.open(out.body(), out.contentType(), As4Fixtures.trustGatewayA(), TestKeys.gatewayB());
            long t2 = System.nanoTime();
            buildNanos += t1 - t0;
            openNanos += t2 - t1;
        }
        LOG.info("AS4 5 KB payload, mean over {} runs: build {} ms, open {} ms", n,
                String.format("%.2f", buildNanos / 1e6 / n), String.format("%.2f", openNanos / 1e6 / n));
    }
}

package org.c2cgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.security.CryptoSuite;

/**
 * The cast of the AS4 benchmarks: gw-a (country AA) sending to gw-b (BB) in one crypto suite, with keys from a
 * throw-away development PKI, so that every benchmark of a message's security measures the same exchange.
 */
record BenchCast(DevPki pki, DevGateway sender, DevGateway receiver) {

    static BenchCast generate(CryptoSuite suite) throws IOException {
        DevPki pki = DevPki.generate(Files.createTempDirectory("c2c-bench-pki"), List.of(),
                DevPki.DEFAULT_PASSWORD.toCharArray());
        return new BenchCast(pki, DevGateway.issue(pki, "AA", "gw-a", suite), DevGateway.issue(pki, "BB", "gw-b", suite));
    }

    /** A user message from gw-a to gw-b with {@code payloadBytes} random bytes, the same bytes on every call. */
    UserMessage message(int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        new Random(7).nextBytes(payload);
        return new UserMessage("bench@gw-a", Instant.now(), sender.partyId(), receiver.partyId(),
                "urn:gw:services:bench", "Bench", "conv-1", null, null, null, payload, "application/octet-stream");
    }
}

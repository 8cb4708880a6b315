package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.c2cgateway.bench.GatewayProcess;

/**
 * RS and MK as processes of their own, on the embedded defaults (embedded Artemis with its journal synced,
 * H2 trace store), RS sending to MK over mutual TLS and MK pushing to its national system's
 * {@link NationalWebhook}. Everything the product does on that path is on: validation, the agreements,
 * signing and encryption, receipts, the trace and audit, the signed delivery status back to RS.
 */
final class GatewayPair implements AutoCloseable {

    final GatewayProcess rs;
    final GatewayProcess mk;
    final Suite suite;
    /** RS's partners: the demo's MK and BG, and any {@link MorePartners}. */
    final int partners;
    /** The trace stores are on the local PostgreSQL, whose server's CPU counts with the run's. */
    private final boolean postgres;

    /** The crypto suite the two agree on. */
    enum Suite {
        RSA, EC;

        /** The settings of {@code own}'s gateway for its agreement with {@code partner} in this suite. */
        Map<String, String> settings(String own, String partner) {
            if (this == RSA) {
                return Map.of();
            }
            String partnerDir = "certs-dev/pki/" + partner.toLowerCase() + "/";
            return Map.of(
                    "c2c.message-keys.signing-ec.current.key-store", "certs-dev/pki/" + own + "/signing-ed25519.p12",
                    "c2c.message-keys.signing-ec.current.password", "${c2c.secret.message-key-password}",
                    "c2c.message-keys.encryption-ec.current.key-store", "certs-dev/pki/" + own + "/encryption-x25519.p12",
                    "c2c.message-keys.encryption-ec.current.password", "${c2c.secret.message-key-password}",
                    "c2c.partners." + partner + ".suite", "EDELIVERY_AS4_2_EC",
                    "c2c.partners." + partner + ".trust.signing-certificates", partnerDir + "signing-ed25519.crt",
                    "c2c.partners." + partner + ".encryption-certificates", partnerDir + "encryption-x25519.crt");
        }
    }

    /**
     * @param extra settings for both gateways (a larger payload limit, say)
     * @param more  RS's partners beyond the demo's, or null
     * @param jvm   the JVM options of each gateway process
     * @param postgres each gateway's trace store in a fresh schema of its own on the local PostgreSQL, not H2
     * @param recording each process records with JFR from its start, for {@link #dumpRecordings}
     */
    GatewayPair(Path home, Path jar, Path data, Suite suite, NationalWebhook webhook, Map<String, String> extra,
                MorePartners more, List<String> jvm, boolean postgres, boolean recording)
            throws IOException, InterruptedException {
        this.suite = suite;
        this.postgres = postgres;
        this.partners = MorePartners.count(more);
        mk = new GatewayProcess(home, jar, "mk", data.resolve("mk")).jvmOptions(jvm);
        rs = new GatewayProcess(home, jar, "rs", data.resolve("rs")).jvmOptions(jvm);
        mk.set("c2c.partners.RS.endpoint", rs.as4Url());
        mk.set("c2c.national-delivery.mode", "PUSH");
        mk.set("c2c.national-delivery.push.url", webhook.url());
        rs.set("c2c.partners.MK.endpoint", mk.as4Url());
        suite.settings("mk", "RS").forEach(mk::set);
        suite.settings("rs", "MK").forEach(rs::set);
        extra.forEach(mk::set);
        extra.forEach(rs::set);
        if (more != null) {
            more.rsSettings().forEach(rs::set);
        }
        if (recording) {
            mk.recordFromStart();
            rs.recordFromStart();
        }
        if (postgres) {
            TraceDatabase.postgres("mk").forEach(mk::set);
            TraceDatabase.postgres("rs").forEach(rs::set);
        }
        mk.start(data.resolve("mk.log"));
        try {
            rs.start(data.resolve("rs.log"));
        } catch (IOException | RuntimeException e) {
            mk.close();
            throw e;
        }
    }

    /**
     * Each process's recording ({@code recording} was true) from {@code begin} on, into {@code rs.jfr} and
     * {@code mk.jfr} in {@code directory}, with the window in {@code window.txt}: a dump holds whole chunks, so it may
     * start earlier, and {@link ProfileSummary} counts only the window's events.
     */
    void dumpRecordings(Path directory, Instant begin) throws IOException, InterruptedException {
        Instant end = Instant.now();
        rs.dumpRecording(directory.resolve("rs.jfr"), begin);
        mk.dumpRecording(directory.resolve("mk.jfr"), begin);
        Files.writeString(directory.resolve(ProfileSummary.WINDOW), begin + " " + end + "\n");
    }

    /** RS's and MK's threads now, for {@link ThreadCpu#perMessage}. */
    List<Map<Long, ThreadCpu.Sample>> threads() {
        return List.of(ThreadCpu.of(rs.pid()), ThreadCpu.of(mk.pid()));
    }

    /** CPU time so far of RS, of MK and of the trace store's database server (zero with H2). */
    Duration[] cpu() {
        return new Duration[] {rs.cpu(), mk.cpu(), StoreServerCpu.of(postgres)};
    }

    /**
     * Waits until both processes are all but idle (under 5 % of a core over half a second), so that the work a
     * run left behind (receipts, delivery statuses, trace writes) is counted with it; at most a minute.
     */
    void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long before = busy();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500); // sampling the OS's CPU accounting of other processes: nothing to wait on
            long now = busy();
            if (now - before < 25) {
                return;
            }
            before = now;
        }
    }

    private long busy() {
        return Arrays.stream(cpu()).mapToLong(Duration::toMillis).sum();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            rs.close();
        } finally {
            mk.close();
        }
    }
}

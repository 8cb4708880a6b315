package org.c2cgateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyPurpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, verifying and refreshing the CRLs of the partners' CAs, and what is known when that fails. */
class RevocationListsTest {

    private static final Duration INTERVAL = Duration.ofHours(1);

    @TempDir
    Path directory;
    TrustFixtures fixtures;
    X509Certificate ca;
    X509Certificate signing;

    @BeforeEach
    void pki() {
        fixtures = new TrustFixtures(directory.resolve("pki"), List.of("RS"));
        ca = fixtures.pki.issuingCertificate();
        signing = fixtures.certificate("RS", KeyPurpose.SIGNING);
    }

    private RevocationLists lists(String... locations) {
        return new RevocationLists(java.util.Arrays.stream(locations).map(l -> CrlSource.of(l, directory)).toList(),
                List.of(ca), INTERVAL);
    }

    private Path published() throws IOException {
        return Files.copy(fixtures.pki.crlFile(), directory.resolve("published.crl"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void without_any_crl_configured_revocation_is_not_checked() {
        assertEquals(RevocationStatus.State.NOT_CHECKED, RevocationLists.none().status(signing, ca, Instant.now()).state());
        assertTrue(!RevocationLists.none().checksRevocation());
    }

    @Test
    void a_crl_is_taken_only_when_the_cas_key_verifies_it() {
        DevPki rogue = DevPki.generate(directory.resolve("rogue"), List.of(), TrustFixtures.PASSWORD);
        RevocationLists lists = lists(rogue.crlFile().toString());

        lists.refreshAll(Instant.now());

        RevocationStatus status = lists.status(signing, ca, Instant.now());
        assertEquals(RevocationStatus.State.UNKNOWN, status.state());
        assertTrue(status.detail().contains("does not verify with the key of CA"), status.detail());
    }

    @Test
    void a_crl_of_a_ca_no_partner_has_is_refused() {
        RevocationLists lists = lists(fixtures.pki.rootCrlFile().toString());

        lists.refreshAll(Instant.now());

        assertTrue(lists.states().get(0).lastFailure().contains("not the issuing CA of any partner"),
                lists.states().get(0).lastFailure());
    }

    @Test
    void once_every_crl_is_loaded_a_ca_that_none_covers_has_an_unknown_status() {
        RevocationLists lists = new RevocationLists(List.of(CrlSource.of(fixtures.pki.rootCrlFile().toString(), directory)),
                List.of(ca, fixtures.pki.rootCertificate()), INTERVAL);

        lists.refreshAll(Instant.now());

        RevocationStatus status = lists.status(signing, ca, Instant.now());
        assertEquals(RevocationStatus.State.UNKNOWN, status.state());
        assertTrue(status.detail().contains("is among the configured revocation lists"), status.detail());
    }

    @Test
    void a_stale_crl_gives_an_unknown_status_naming_its_next_update() throws IOException {
        Instant due = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fixtures.pki.refreshCrl(due.minus(Duration.ofDays(7)), due);
        RevocationLists lists = lists(published().toString());

        lists.refreshAll(Instant.now());

        RevocationStatus status = lists.status(signing, ca, Instant.now());
        assertEquals(RevocationStatus.State.UNKNOWN, status.state());
        assertTrue(status.detail().contains("is stale: its next update was due " + due), status.detail());
    }

    @Test
    void a_failed_refresh_keeps_the_last_good_crl_until_it_goes_stale() throws IOException {
        Path file = published();
        RevocationLists lists = lists(file.toString());
        Instant start = Instant.now();
        lists.refreshAll(start);
        Files.delete(file);

        lists.refreshDue(start.plus(INTERVAL));

        assertTrue(lists.states().get(0).lastFailure() != null);
        assertEquals(RevocationStatus.State.GOOD, lists.status(signing, ca, start.plus(INTERVAL)).state());
        Instant afterNextUpdate = lists.states().get(0).nextUpdate().orElseThrow().plusSeconds(1);
        RevocationStatus stale = lists.status(signing, ca, afterNextUpdate);
        assertEquals(RevocationStatus.State.UNKNOWN, stale.state());
        assertTrue(stale.detail().contains("refreshing it failed"), stale.detail());
    }

    @Test
    void a_revocation_published_later_is_seen_after_the_refresh_interval() throws IOException {
        X509Certificate victim = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("victim"));
        Path file = published();
        RevocationLists lists = lists(file.toString());
        Instant start = Instant.now();
        lists.refreshAll(start);
        fixtures.pki.revoke(victim, CRLReason.SUPERSEDED);
        published();

        lists.refreshDue(start.plus(INTERVAL).minusSeconds(1));
        RevocationStatus before = lists.status(victim, ca, start);
        lists.refreshDue(start.plus(INTERVAL));
        RevocationStatus after = lists.status(victim, ca, start);

        assertEquals(RevocationStatus.State.GOOD, before.state(), "not due yet: the CRL loaded first still counts");
        assertEquals(RevocationStatus.State.REVOKED, after.state());
        assertTrue(after.detail().contains("SUPERSEDED"), after.detail());
    }

    @Test
    void a_source_without_a_good_crl_is_retried_every_tick() throws IOException {
        Path file = directory.resolve("late.crl");
        RevocationLists lists = lists(file.toString());
        Instant start = Instant.now();
        lists.refreshAll(start);
        Files.copy(fixtures.pki.crlFile(), file);

        lists.refreshDue(start.plus(lists.tick()));

        assertEquals(Duration.ofMinutes(1), lists.tick());
        assertNull(lists.states().get(0).lastFailure());
        assertEquals(RevocationStatus.State.GOOD, lists.status(signing, ca, start).state());
    }

    @Test
    void an_older_crl_never_replaces_a_newer_one() throws IOException {
        X509Certificate victim = fixtures.issue("RS", KeyPurpose.SIGNING, IssueOptions.defaults().withName("victim"));
        fixtures.pki.revoke(victim, CRLReason.KEY_COMPROMISE);
        Path file = published();
        RevocationLists lists = lists(file.toString());
        Instant start = Instant.now();
        lists.refreshAll(start);
        fixtures.pki.refreshCrl(start.minus(Duration.ofDays(30)), start.plus(Duration.ofDays(30)));
        published();

        lists.refreshAll(start.plusSeconds(1));

        assertTrue(lists.states().get(0).lastFailure().contains("older"), lists.states().get(0).lastFailure());
        assertEquals(RevocationStatus.State.REVOKED, lists.status(victim, ca, start).state());
    }

    @Test
    void a_crl_is_fetched_over_http_and_a_failed_fetch_is_named() throws IOException {
        byte[] crl = Files.readAllBytes(fixtures.pki.crlFile());
        AtomicReference<Integer> status = new AtomicReference<>(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/issuing-ca.crl", exchange -> {
            byte[] body = status.get() == 200 ? crl : new byte[0];
            exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuing-ca.crl";
            RevocationLists lists = lists(url);
            Instant start = Instant.now();
            lists.refreshAll(start);
            assertEquals(RevocationStatus.State.GOOD, lists.status(signing, ca, start).state());

            status.set(404);
            lists.refreshAll(start.plusSeconds(1));

            assertEquals("HTTP 404 from " + url, lists.states().get(0).lastFailure());
            assertEquals(RevocationStatus.State.GOOD, lists.status(signing, ca, start).state(), "the last good CRL is kept");
        } finally {
            server.stop(0);
        }
    }
}

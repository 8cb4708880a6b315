package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.LintContext;
import org.c2cgateway.rules.RulesInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload mechanics, over real files in a directory: the poller notices a change and puts the new set in
 * force; a set with findings is refused whole, reported, and the previous set stays. The files are read by
 * {@link TestAgreements#headerLoader}; {@code RulesApiIT} does the same through the real loader and the API.
 */
class RuleReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LintContext CONTEXT = new LintContext("RS", Map.of("MK", true));

    @TempDir
    Path dir;
    private RuleReload reload;
    private final List<RulesReloaded> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (reload != null) {
            reload.stop();
        }
    }

    @Test
    void the_poller_puts_a_changed_file_in_force() throws Exception {
        TestAgreements.copy("rs-mk-v1.yml", dir, "rs-mk.yml");
        RulesInForce rules = start(Duration.ofMillis(20));
        assertEquals(Optional.of(1), versionToday(rules));

        TestAgreements.copy("rs-mk-v2.yml", dir, "rs-mk.yml");

        RulesReloaded applied = Await.until("a reload applied", WAIT, () -> lastPublished().filter(RulesReloaded::applied));
        assertEquals(List.of(), applied.findings());
        assertEquals(Optional.of(2), versionToday(rules));
        assertTrue(rules.lastLoad().applied());
    }

    @Test
    void a_bad_file_leaves_the_previous_set_in_force_and_is_reported() throws Exception {
        TestAgreements.copy("rs-mk-v1.yml", dir, "rs-mk.yml");
        RulesInForce rules = start(Duration.ofMillis(20));

        TestAgreements.copy("rs-mk-bad-version.yml", dir, "rs-mk.yml");

        RulesReloaded refused = Await.until("the bad file refused", WAIT,
                () -> lastPublished().filter(outcome -> !outcome.applied()));
        assertEquals(1, refused.findings().size(), refused.toString());
        assertEquals(dir.resolve("rs-mk.yml") + ":2: version: must be a positive integer, not 'zero'",
                refused.findings().get(0).toString());
        assertEquals(refused.findings(), rules.lastLoad().findings(), "reported");
        assertFalse(rules.lastLoad().applied());
        assertEquals(Optional.of(1), versionToday(rules), "the previous set stays in force");
        assertEquals(Optional.of(1), refused.inForce().inForce("MK", LocalDate.now()).map(Agreement::version));

        TestAgreements.copy("rs-mk-v2.yml", dir, "rs-mk.yml");
        Await.until("the fixed file in force", WAIT, () -> lastPublished().filter(RulesReloaded::applied));
        assertEquals(Optional.of(2), versionToday(rules));
        assertTrue(rules.lastLoad().applied());
    }

    @Test
    void a_reload_on_demand_reads_the_files_without_polling() throws Exception {
        TestAgreements.copy("rs-mk-v1.yml", dir, "rs-mk.yml");
        RulesInForce rules = start(Duration.ZERO);
        TestAgreements.copy("rs-mk-v2.yml", dir, "rs-mk.yml");
        assertEquals(Optional.of(1), versionToday(rules), "no poller: nothing changes by itself");

        RulesReloaded outcome = reload.reload();

        assertTrue(outcome.applied());
        assertEquals(Optional.of(2), versionToday(rules));
        assertEquals(1, published.size());
    }

    @Test
    void a_file_added_to_an_empty_directory_is_seen() throws Exception {
        RulesInForce rules = start(Duration.ofMillis(20));
        assertTrue(rules.current().all().isEmpty());

        Files.createDirectories(dir.resolve("aeo"));
        TestAgreements.copy("rs-mk-v1.yml", dir, "rs-mk.yml");

        Await.until("version 1 in force", WAIT, () -> versionToday(rules).filter(v -> v == 1));
    }

    private RulesInForce start(Duration pollInterval) {
        RuleFiles files = new RuleFiles(dir, CONTEXT, TestAgreements::headerLoader);
        RulesInForce rules = new RulesFactory().rulesInForce(files);
        reload = new RuleReload(files, rules, new RulesConfiguration(null, pollInterval, "unused"), published::add);
        return rules;
    }

    private Optional<RulesReloaded> lastPublished() {
        return published.isEmpty() ? Optional.empty() : Optional.of(published.get(published.size() - 1));
    }

    private static Optional<Integer> versionToday(RulesInForce rules) {
        return rules.current().inForce("MK", LocalDate.now()).map(Agreement::version);
    }
}

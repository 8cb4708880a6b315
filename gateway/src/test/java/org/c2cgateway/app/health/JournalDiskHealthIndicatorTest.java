package org.c2cgateway.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDiskHealthIndicatorTest {

    @TempDir
    Path journal;

    @Test
    void up_while_the_disk_keeps_the_free_space_asked_for() {
        assertEquals(HealthStatus.UP, JournalDiskHealthIndicator.check(journal, 1024, 100).getStatus());
    }

    @Test
    void down_below_the_free_space_asked_for() {
        HealthResult result = JournalDiskHealthIndicator.check(journal, Long.MAX_VALUE, 100);
        assertEquals(HealthStatus.DOWN, result.getStatus());
    }

    @Test
    void down_once_the_disk_is_as_full_as_the_broker_allows() {
        assertEquals(HealthStatus.DOWN, JournalDiskHealthIndicator.check(journal, 0, 0).getStatus());
    }

    @Test
    void down_when_the_journal_directory_is_gone() {
        assertEquals(HealthStatus.DOWN, JournalDiskHealthIndicator.check(journal.resolve("missing"), 0, 100).getStatus());
    }
}

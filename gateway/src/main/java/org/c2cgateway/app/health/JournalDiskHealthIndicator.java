package org.c2cgateway.app.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.config.BrokerConfiguration;
import org.c2cgateway.app.config.HealthConfiguration;

/**
 * {@code /health} entry {@code journalDisk}: the free space on the embedded broker's journal disk. DOWN below
 * {@code c2c.health.journal-min-free}, or once the disk is as full as {@code c2c.broker.max-disk-usage} (the broker
 * then blocks every sender): a gateway that cannot write its journal cannot accept a notification.
 */
@Singleton
@Requires(beans = EmbeddedBroker.class)
public class JournalDiskHealthIndicator implements HealthIndicator {

    private final EmbeddedBroker broker;
    private final long minFree;
    private final int maxUsagePercent;

    public JournalDiskHealthIndicator(EmbeddedBroker broker, HealthConfiguration health, BrokerConfiguration config) {
        this.broker = broker;
        this.minFree = health.journalMinFree();
        this.maxUsagePercent = config.maxDiskUsage();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(check(broker.journalDirectory(), minFree, maxUsagePercent));
    }

    static HealthResult check(Path journal, long minFree, int maxUsagePercent) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", journal.toString());
        details.put("minFreeBytes", minFree);
        details.put("brokerBlocksAtPercent", maxUsagePercent);
        HealthStatus status;
        try {
            FileStore disk = Files.getFileStore(journal);
            long free = disk.getUsableSpace();
            long total = disk.getTotalSpace();
            int usedPercent = total == 0 ? 100 : (int) ((total - free) * 100 / total);
            details.put("freeBytes", free);
            details.put("totalBytes", total);
            details.put("usedPercent", usedPercent);
            status = free < minFree || usedPercent >= maxUsagePercent ? HealthStatus.DOWN : HealthStatus.UP;
        } catch (IOException e) {
            details.put("error", e.toString());
            status = HealthStatus.DOWN;
        }
        return HealthResult.builder("journalDisk", status).details(details).build();
    }
}

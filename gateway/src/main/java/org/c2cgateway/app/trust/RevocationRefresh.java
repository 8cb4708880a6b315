package org.c2cgateway.app.trust;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

import org.c2cgateway.trust.RevocationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the CRLs fresh while the gateway runs: asks {@link RevocationLists} every tick which sources are
 * due (the refresh interval, or sooner while one is missing or stale). One daemon thread per gateway.
 */
@Context
public class RevocationRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationRefresh.class);

    private final ScheduledExecutorService scheduler;

    public RevocationRefresh(RevocationLists lists) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "crl-refresh");
            thread.setDaemon(true);
            return thread;
        });
        if (lists.checksRevocation()) {
            long tick = lists.tick().toMillis();
            scheduler.scheduleWithFixedDelay(() -> refresh(lists), tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    private static void refresh(RevocationLists lists) {
        try {
            lists.refreshDue(Instant.now());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the CRLs must keep being refreshed
            LOG.error("refreshing the CRLs failed", e);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}

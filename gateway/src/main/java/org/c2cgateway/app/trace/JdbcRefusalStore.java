package org.c2cgateway.app.trace;

import java.time.Duration;
import java.time.Instant;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.trace.Refusal;
import org.c2cgateway.trace.RefusalRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused inbound attempts in the relational trace store, in a table of their own, kept for the configured
 * retention: together with the engine's bounded write rate, that bounds what a flood of refused requests
 * can leave behind.
 */
@Singleton
public class JdbcRefusalStore implements RefusalRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRefusalStore.class);

    private final InboundRefusalRepository refusals;
    private final String node;
    private final Duration retention;

    public JdbcRefusalStore(InboundRefusalRepository refusals, GatewayConfiguration gateway, InboundConfiguration inbound) {
        this.refusals = refusals;
        this.node = gateway.effectiveNodeName();
        this.retention = inbound.refusalRetention();
    }

    @Override
    public void refused(Refusal r) {
        refusals.save(new InboundRefusal(null, r.at(), node, r.remoteAddress(), r.tlsClientSubject(), r.claimedFrom(),
                r.claimedMessageId(), r.authenticatedPartner(), r.ebmsCode(), r.reason(), r.suppressedBefore()));
    }

    /** Every node purges on its own schedule; deleting what another node deleted first costs nothing. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public void purgeExpired() {
        long deleted = purgeOlderThan(Instant.now().minus(retention));
        if (deleted > 0) {
            LOG.info("deleted {} refused inbound attempts older than {}", deleted, retention);
        }
    }

    /** Deletes the refusals made before {@code cutoff}; returns how many. */
    public long purgeOlderThan(Instant cutoff) {
        return refusals.deleteByRefusedAtBefore(cutoff);
    }
}

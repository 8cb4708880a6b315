package org.c2cgateway.app.trace;

import java.time.Duration;
import java.time.Instant;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.InboundConfiguration;
import org.c2cgateway.trace.Refusal;
import org.c2cgateway.trace.RefusalRecorder;
import org.c2cgateway.trace.RefusedAccess;
import org.c2cgateway.trace.RefusedAccessRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused inbound attempts and refused calls to the gateway's own APIs in the relational trace store, each
 * in a table of their own, kept for the configured retention: together with the engine's bounded write
 * rate, that bounds what a flood of refused requests can leave behind.
 */
@Singleton
public class JdbcRefusalStore implements RefusalRecorder, RefusedAccessRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRefusalStore.class);

    private final InboundRefusalRepository refusals;
    private final AccessRefusalRepository accessRefusals;
    private final String node;
    private final Duration retention;

    public JdbcRefusalStore(InboundRefusalRepository refusals, AccessRefusalRepository accessRefusals,
                            GatewayConfiguration gateway, InboundConfiguration inbound) {
        this.refusals = refusals;
        this.accessRefusals = accessRefusals;
        this.node = gateway.effectiveNodeName();
        this.retention = inbound.refusalRetention();
    }

    @Override
    public void refused(Refusal r) {
        refusals.save(new InboundRefusal(null, r.at(), node, r.remoteAddress(), r.tlsClientSubject(), r.claimedFrom(),
                r.claimedMessageId(), r.authenticatedPartner(), r.ebmsCode(), r.reason(), r.suppressedBefore()));
    }

    @Override
    public void refused(RefusedAccess r) {
        accessRefusals.save(new TracedAccessRefusal(null, r.at(), node, r.channel(), r.remoteAddress(), r.method(),
                r.path(), r.caller(), r.callerRole(), r.callerCountry(), r.certificateSubject(), r.status(), r.reason(),
                r.suppressedBefore()));
    }

    /** Every node purges on its own schedule; deleting what another node deleted first costs nothing. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public void purgeExpired() {
        long deleted = purgeOlderThan(Instant.now().minus(retention));
        if (deleted > 0) {
            LOG.info("deleted {} refused inbound attempts and API calls older than {}", deleted, retention);
        }
    }

    /** Deletes the refusals (inbound attempts and API calls) made before {@code cutoff}; returns how many. */
    public long purgeOlderThan(Instant cutoff) {
        return refusals.deleteByRefusedAtBefore(cutoff) + accessRefusals.deleteByRefusedAtBefore(cutoff);
    }
}

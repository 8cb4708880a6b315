package org.c2cgateway.trace;

import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a refused call to the gateway's own APIs is kept, whichever door refused it (REST, SOAP,
 * the national queue): every refusal is counted, and at a bounded rate per node (a {@link RefusalThrottle}
 * of its own, so a flood at one door cannot hide another's refusals) logged and stored. A failure to store
 * is logged and goes no further: the caller still gets its refusal, and the gateway keeps serving.
 */
public final class AccessRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRefusals.class);

    private final RefusedAccessRecorder store;
    private final RefusalThrottle throttle;
    private final RefusedAccessRecorder counter;

    /**
     * @param store    keeps the refusals admitted by the throttle
     * @param throttle how many refusals per second this node keeps and logs
     * @param counter  sees every refusal, kept or not
     */
    public AccessRefusals(RefusedAccessRecorder store, RefusalThrottle throttle, RefusedAccessRecorder counter) {
        this.store = store;
        this.throttle = throttle;
        this.counter = counter;
    }

    public void refused(RefusedAccess refusal) {
        counter.refused(refusal);
        OptionalInt admitted = throttle.admit(refusal.at());
        if (admitted.isEmpty()) {
            LOG.debug("{} access refused with {} (not kept: over the refusal rate)", refusal.channel(), refusal.status());
            return;
        }
        LOG.warn("{} refused {} {} from {} with {}: {}", refusal.channel(), refusal.method(), refusal.path(),
                refusal.remoteAddress(), refusal.status(), refusal.reason());
        try {
            store.refused(refusal.afterSuppressing(admitted.getAsInt()));
        } catch (RuntimeException e) {
            LOG.error("could not keep the {} access refusal of {} {}", refusal.channel(), refusal.method(), refusal.path(), e);
        }
    }
}

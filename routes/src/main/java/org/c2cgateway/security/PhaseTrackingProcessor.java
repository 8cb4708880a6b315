package org.c2cgateway.security;

import java.util.List;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.Processor;
import org.w3c.dom.Element;

/**
 * Wraps a WSS4J processor to record which kind of security element was being processed when
 * something failed.
 *
 * <p>WSS4J reports both bad signatures and bad ciphertext as the same FAILED_CHECK ("The
 * signature or decryption was invalid"). Knowing whether the EncryptedKey or the Signature was
 * being processed lets us report ebMS 0102 or 0101 correctly.
 */
final class PhaseTrackingProcessor implements Processor {

    enum Phase { NONE, DECRYPTION, SIGNATURE }

    /** Per-message mutable state; one instance per verification. */
    static final class Tracker {
        private Phase current = Phase.NONE;

        Phase current() {
            return current;
        }
    }

    private final Processor delegate;
    private final Phase phase;
    private final Tracker tracker;

    PhaseTrackingProcessor(Processor delegate, Phase phase, Tracker tracker) {
        this.delegate = delegate;
        this.phase = phase;
        this.tracker = tracker;
    }

    @Override
    public List<WSSecurityEngineResult> handleToken(Element elem, RequestData data) throws WSSecurityException {
        tracker.current = phase;
        List<WSSecurityEngineResult> results = delegate.handleToken(elem, data);
        tracker.current = Phase.NONE;
        return results;
    }
}

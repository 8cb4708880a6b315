package org.c2cgateway.transport;

import java.io.IOException;
import java.net.URI;

/**
 * A cheap check that a partner gateway is back: its endpoint accepts our mutual-TLS connection and its HTTP
 * server answers. It sends no message, so it never adds to the partner's traffic or to a message's attempts.
 */
public interface PartnerProbe {

    /** Returns normally when the endpoint is reachable; the exception says why it is not. */
    void probe(URI endpoint) throws IOException;
}

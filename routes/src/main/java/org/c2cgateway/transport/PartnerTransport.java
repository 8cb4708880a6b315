package org.c2cgateway.transport;

import java.io.IOException;
import java.net.URI;

/** Carries one AS4 message to a partner gateway and brings back its answer. */
public interface PartnerTransport {

    /** Posts the message; an {@link IOException} means it may not have arrived, so the send is retried. */
    PartnerResponse post(URI endpoint, byte[] body, String contentType) throws IOException;
}

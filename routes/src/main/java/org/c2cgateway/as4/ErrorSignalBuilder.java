package org.c2cgateway.as4;

import java.time.Instant;
import java.util.Objects;

/**
 * Builds the ebMS error signal we answer with when a received message fails: an unsigned SOAP
 * 1.2 envelope ({@code application/soap+xml}) with eb:SignalMessage/eb:Error carrying the code,
 * severity, category, short description and our detail, and RefToMessageId when the failing
 * message's id could be read. Unsigned because the failure may be that we cannot trust or even
 * parse the request; phase4 and Domibus accept unsigned errors. Thread-safe and reusable.
 */
public final class ErrorSignalBuilder {

    public byte[] build(As4Exception error) {
        Objects.requireNonNull(error, "error");
        SoapEnvelopes.Envelope env = SoapEnvelopes.create();
        EbmsHeaderWriter.error(env, MessageIds.newMessageId(), Instant.now(), error);
        return XmlParsers.serialize(env.doc());
    }
}

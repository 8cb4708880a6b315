package org.c2cgateway.as4;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.WsSecuritySigner;
import org.w3c.dom.Element;

/**
 * Builds the signed non-repudiation receipt we return on the HTTP response of a received user
 * message: a single SOAP 1.2 envelope ({@code application/soap+xml}) with eb:SignalMessage,
 * MessageInfo(Timestamp, MessageId, RefToMessageId) and eb:Receipt holding one
 * ebbp:MessagePartNRInformation per reference the sender signed, digests copied. Signed with our
 * key over eb:Messaging and Body, in the crypto suite the message came in (the one agreed with its
 * sender); not encrypted. Thread-safe and reusable.
 */
public final class ReceiptBuilder {

    /**
     * @param signingKey our signing key of {@code received.suite()}
     * @throws IllegalArgumentException if {@code signingKey} is not of that suite's signing key type
     */
    public byte[] build(InboundUserMessage received, PrivateKeyEntry signingKey) {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(signingKey, "signingKey");
        SoapEnvelopes.Envelope env = SoapEnvelopes.create();
        Element messaging = EbmsHeaderWriter.receipt(env, MessageIds.newMessageId(), Instant.now(),
                received.message().messageId(), received.signedDigests());
        try {
            WSSecHeader securityHeader = new WSSecHeader(env.doc());
            securityHeader.insertSecurityHeader();
            WsSecuritySigner.sign(securityHeader, List.of(SoapEnvelopes.wsuId(messaging), env.bodyId()), null,
                    signingKey, received.suite());
        } catch (WSSecurityException e) {
            throw new IllegalStateException("cannot sign receipt: " + e.getMessage(), e);
        }
        return XmlParsers.serialize(env.doc());
    }

    /**
     * Whether a receipt built before acknowledges exactly what the sender signed in {@code received}: so
     * when a partner sends the very same envelope again, not when it signed the message anew (a new
     * timestamp, new digests), since a sender checks the receipt's digests against the ones it signed.
     */
    public boolean acknowledges(byte[] receipt, InboundUserMessage received) {
        try {
            EbmsHeaderReader.Signal signal = EbmsHeaderReader.signal(
                    InboundEnvelope.parse(receipt, "application/soap+xml").messaging());
            return signal.receipt() != null && new HashSet<>(SignatureReferences.fromReceipt(signal.receipt()))
                    .equals(new HashSet<>(received.signedDigests()));
        } catch (As4Exception e) {
            return false;
        }
    }
}

package org.c2cgateway.as4;

/**
 * A received user message unpacked and its eb:Messaging read, but nothing of it verified: who it claims to
 * come from and which id it claims are what a forger says. Good for one thing before
 * {@link As4MessageOpener#open(ClaimedUserMessage, SenderTrust, org.c2cgateway.security.PrivateKeyEntry)}:
 * saying, when the message is refused, what it claimed.
 */
public final class ClaimedUserMessage {

    private final InboundEnvelope envelope;
    private final EbmsHeaderReader.UserMessageHeader header;

    ClaimedUserMessage(InboundEnvelope envelope, EbmsHeaderReader.UserMessageHeader header) {
        this.envelope = envelope;
        this.header = header;
    }

    /** The eb:MessageId, as claimed. */
    public String messageId() {
        return header.messageId();
    }

    /** The eb:From party id, as claimed. */
    public String fromParty() {
        return header.fromParty();
    }

    InboundEnvelope envelope() {
        return envelope;
    }

    EbmsHeaderReader.UserMessageHeader header() {
        return header;
    }
}

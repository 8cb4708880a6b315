package org.c2cgateway.trace;

import java.time.Instant;
import java.util.Objects;

/**
 * One refused inbound AS4 attempt, as an operator needs it: when, from where, who the TLS connection and
 * the message said they were, and why it was refused. Everything claimed comes from whoever sent the
 * request, so every text is cut to a bounded length and stripped of control characters (no log or console
 * line can be forged with them) before it is kept.
 *
 * @param at                   when it was refused
 * @param remoteAddress        the connecting peer's address; {@code null} when the transport did not say
 * @param tlsClientSubject     the subject of the TLS client certificate; {@code null} without one
 * @param claimedFrom          the eb:From party id the message claimed; {@code null} when it could not be read
 * @param claimedMessageId     the eb:MessageId the message claimed; {@code null} when it could not be read
 * @param authenticatedPartner the partner the sender was proven to be (signature and TLS identity both
 *                             checked), or {@code null} when it was refused before that
 * @param ebmsCode             the ebMS error code it was answered with, such as {@code EBMS:0101}
 * @param reason               why, as the error's description says
 * @param suppressedBefore     refusals not kept just before this one, to bound the write rate
 */
public record Refusal(Instant at, String remoteAddress, String tlsClientSubject, String claimedFrom,
                      String claimedMessageId, String authenticatedPartner, String ebmsCode, String reason,
                      int suppressedBefore) {

    public static final int MAX_ADDRESS = 100;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_CLAIM = 200;
    public static final int MAX_REASON = 2000;

    public Refusal {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(ebmsCode, "ebmsCode");
        remoteAddress = bounded(remoteAddress, MAX_ADDRESS);
        tlsClientSubject = bounded(tlsClientSubject, MAX_SUBJECT);
        claimedFrom = bounded(claimedFrom, MAX_CLAIM);
        claimedMessageId = bounded(claimedMessageId, MAX_CLAIM);
        authenticatedPartner = bounded(authenticatedPartner, MAX_CLAIM);
        ebmsCode = bounded(ebmsCode, MAX_CLAIM);
        reason = Objects.requireNonNullElse(bounded(reason, MAX_REASON), "");
        if (suppressedBefore < 0) {
            throw new IllegalArgumentException("suppressedBefore cannot be negative");
        }
    }

    /** The same refusal, saying how many were not kept just before it. */
    public Refusal afterSuppressing(int suppressed) {
        return new Refusal(at, remoteAddress, tlsClientSubject, claimedFrom, claimedMessageId, authenticatedPartner,
                ebmsCode, reason, suppressed);
    }

    /**
     * At most {@code max} characters, control characters replaced by a space, and an ellipsis where it
     * was cut; {@code null} stays {@code null}.
     */
    public static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        int end = max - 1;
        if (text.length() > max && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        String cut = text.length() <= max ? text : text.substring(0, end) + "…";
        StringBuilder clean = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}

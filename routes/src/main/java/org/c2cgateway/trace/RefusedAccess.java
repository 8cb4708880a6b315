package org.c2cgateway.trace;

import java.time.Instant;
import java.util.Objects;

/**
 * One refused call to the gateway's own APIs (national or operator, REST, SOAP or the national queue), as
 * an operator needs it: when, from where, what was asked, who the caller was known as if anyone, and the
 * answer. It never holds a credential (no token, password, {@code Authorization} value or certificate
 * bytes): only the configured name, role and country of a known caller, and the subject of a TLS client
 * certificate. The path and the subject come from whoever called, so every text is bounded and stripped of
 * control characters like a {@link Refusal}'s.
 *
 * @param at                 when it was refused
 * @param channel            which door
 * @param remoteAddress      the caller's address; {@code null} when the channel does not say
 * @param method             the HTTP method, or on the queue {@code CONNECT} or the refused operation (SEND, CONSUME, ...)
 * @param path               the path asked for, or on the queue the address; {@code null} for a refused queue login
 * @param caller             the configured name of the caller, when its credentials were accepted; {@code null} otherwise
 * @param callerRole         its role ({@code national}, {@code operator}, {@code admin})
 * @param callerCountry      the country a national system acts for
 * @param certificateSubject the subject of the TLS client certificate presented, if any (known or not)
 * @param status             401 (no or unaccepted credentials) or 403 (known, not allowed); the queue uses the same two
 * @param reason             what the caller was told
 * @param suppressedBefore   refusals not kept just before this one, to bound the write rate
 */
public record RefusedAccess(Instant at, AccessChannel channel, String remoteAddress, String method, String path,
                            String caller, String callerRole, String callerCountry, String certificateSubject,
                            int status, String reason, int suppressedBefore) {

    public static final int UNAUTHENTICATED = 401;
    public static final int FORBIDDEN = 403;
    public static final int MAX_METHOD = 40;
    public static final int MAX_PATH = 500;

    public RefusedAccess {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        if (status != UNAUTHENTICATED && status != FORBIDDEN) {
            throw new IllegalArgumentException("an access refusal is a 401 or a 403, not " + status);
        }
        if (suppressedBefore < 0) {
            throw new IllegalArgumentException("suppressedBefore cannot be negative");
        }
        remoteAddress = Refusal.bounded(remoteAddress, Refusal.MAX_ADDRESS);
        method = Objects.requireNonNullElse(Refusal.bounded(method, MAX_METHOD), "");
        path = Refusal.bounded(path, MAX_PATH);
        caller = Refusal.bounded(caller, Refusal.MAX_CLAIM);
        callerRole = Refusal.bounded(callerRole, Refusal.MAX_CLAIM);
        callerCountry = Refusal.bounded(callerCountry, Refusal.MAX_CLAIM);
        certificateSubject = Refusal.bounded(certificateSubject, Refusal.MAX_SUBJECT);
        reason = Objects.requireNonNullElse(Refusal.bounded(reason, Refusal.MAX_REASON), "");
    }

    /** A refusal made now, before anything was left out. */
    public static RefusedAccess now(AccessChannel channel, String remoteAddress, String method, String path,
                                    String caller, String callerRole, String callerCountry, String certificateSubject,
                                    int status, String reason) {
        return new RefusedAccess(Instant.now(), channel, remoteAddress, method, path, caller, callerRole, callerCountry,
                certificateSubject, status, reason, 0);
    }

    /** The same refusal, saying how many were not kept just before it. */
    public RefusedAccess afterSuppressing(int suppressed) {
        return new RefusedAccess(at, channel, remoteAddress, method, path, caller, callerRole, callerCountry,
                certificateSubject, status, reason, suppressed);
    }
}

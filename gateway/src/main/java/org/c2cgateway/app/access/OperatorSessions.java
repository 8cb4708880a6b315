package org.c2cgateway.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.ConsoleConfiguration;

/**
 * The console's logins: a password checked once ({@link Callers#byPassword}) opens a session named by a random
 * token, which the browser then presents as a cookie instead of the password. Sessions live in the trace
 * database, so every node of a cluster knows them; only the token's SHA-256 is stored. A session ends on logout,
 * after the idle timeout without a request, or at the absolute timeout.
 */
@Singleton
public class OperatorSessions {

    /** How stale last_seen_at may get before a request writes it again: one write per session per interval, not per request. */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final OperatorSessionRepository sessions;
    private final Duration idle;
    private final Duration absolute;
    private final Duration touchInterval;

    public OperatorSessions(OperatorSessionRepository sessions, ConsoleConfiguration console) {
        this.sessions = sessions;
        this.idle = console.idleTimeout();
        this.absolute = console.absoluteTimeout();
        Duration tenth = idle.dividedBy(10);
        this.touchInterval = tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
    }

    /** Opens a session for an operator whose password was just checked; answers its token (never stored). */
    public String open(Caller operator) {
        String token = TokenDigest.newToken();
        Instant now = Instant.now();
        sessions.save(new OperatorSession(TokenDigest.sha256Hex(token), operator.name(), operator.role(), now, now,
                now.plus(absolute)));
        return token;
    }

    /** The operator of an open session; an expired one is deleted on the way. */
    public Optional<Caller> caller(String token) {
        String key = TokenDigest.sha256Hex(token);
        Optional<OperatorSession> found = sessions.findById(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OperatorSession session = found.get();
        Instant now = Instant.now();
        if (now.isAfter(session.expiresAt()) || now.isAfter(session.lastSeenAt().plus(idle))) {
            sessions.deleteById(key);
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeenAt().plus(touchInterval))) {
            sessions.updateLastSeenAt(key, now);
        }
        return Optional.of(new Caller(session.operator(), null, session.role()));
    }

    /** Logout: the token opens nothing any more, on any node. */
    public void close(String token) {
        sessions.deleteById(TokenDigest.sha256Hex(token));
    }

    /**
     * The anti-CSRF token of a session, derived from its token: the page reads it from {@code /console/session}
     * and sends it in a header with every state-changing call. Another site can make the browser send the cookie
     * (not with SameSite=Strict, but older browsers) yet can neither read the cookie nor this answer.
     */
    public static String csrfToken(String sessionToken) {
        return TokenDigest.sha256Hex("csrf:" + sessionToken);
    }

    /** Whether {@code presented} is the session's anti-CSRF token, compared in constant time. */
    public static boolean csrfMatches(String sessionToken, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Deletes the sessions that ended without a logout; any node may do it, twice does no harm. */
    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void purge() {
        Instant now = Instant.now();
        sessions.deleteExpired(now, now.minus(idle));
    }
}

package org.c2cgateway.app;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.trace.AccessRefusalRepository;
import org.c2cgateway.app.trace.TracedAccessRefusal;
import org.c2cgateway.trace.AccessChannel;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every refused call to the gateway's own APIs must leave behind: exactly one access refusal traced,
 * on the right channel, with the status, method and path refused. Take one
 * {@link #before(ApplicationContext)} the call, then assert on it. REST refusals are written off the event
 * loop, so it waits for them (with a deadline).
 */
public final class AccessRefusalCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ApplicationContext gateway;
    private final long lastBefore;

    private AccessRefusalCheck(ApplicationContext gateway) {
        this.gateway = gateway;
        this.lastBefore = all(gateway).stream().mapToLong(TracedAccessRefusal::id).max().orElse(0);
    }

    public static AccessRefusalCheck before(ApplicationContext gateway) {
        return new AccessRefusalCheck(gateway);
    }

    /** Exactly one refusal since {@link #before}, with this channel, status, method and path; returns it. */
    public TracedAccessRefusal assertOneTraced(AccessChannel channel, int status, String method, String path)
            throws Exception {
        List<TracedAccessRefusal> traced = await(1);
        assertEquals(1, traced.size(), "access refusals traced: " + traced);
        TracedAccessRefusal refusal = traced.get(0);
        assertEquals(channel, refusal.channel(), refusal.toString());
        assertEquals(status, refusal.status(), refusal.toString());
        assertEquals(method, refusal.method(), refusal.toString());
        assertEquals(path, refusal.path(), refusal.toString());
        assertEquals(0, refusal.suppressedBefore(), refusal.toString());
        return refusal;
    }

    /** The refusals traced since {@link #before}, oldest first, once there are at least {@code count}. */
    public List<TracedAccessRefusal> await(int count) throws Exception {
        return Await.until(count + " access refusal(s) traced", TIMEOUT, () -> {
            List<TracedAccessRefusal> since = all(gateway).stream().filter(r -> r.id() > lastBefore)
                    .sorted(Comparator.comparing(TracedAccessRefusal::id)).toList();
            return since.size() >= count ? Optional.of(since) : Optional.empty();
        });
    }

    /** Every access refusal the gateway holds. */
    public static List<TracedAccessRefusal> all(ApplicationContext gateway) {
        return gateway.getBean(AccessRefusalRepository.class).findAll();
    }
}

package org.c2cgateway.app.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.c2cgateway.app.trace.MessageStepped;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceEvent;

/**
 * The message metrics, taken from the trace store's steps once each commits (a step rolled back never counts):
 * <ul>
 * <li>{@code c2c_messages_total{type,partner,direction,outcome}}: accepted, delivered, acknowledged, rejected,
 * duplicate, dead_lettered, replayed;</li>
 * <li>{@code c2c_message_latency_seconds{type,partner,direction,outcome}}: end to end, from the message's first trace
 * to its delivery (outbound: the partner's receipt verified; inbound: delivered to, then acknowledged by, the
 * national system);</li>
 * <li>{@code c2c_message_step_seconds{partner,direction,step}}: each step's time since the status last moved;</li>
 * <li>{@code c2c_delivery_retries_total{partner,direction}}: failed attempts to send to the partner (outbound) or
 * to push to the national system (inbound), each to be tried again;</li>
 * <li>{@code c2c_dead_letters_total{partner,direction}}: messages given up and put in a dead-letter queue.</li>
 * </ul>
 * The times are the store's, so a message whose steps ran on several nodes is measured from its first step on
 * whichever node traced it. Histograms have fixed buckets from 10 ms to an hour (an outbound message may wait
 * out a partner's downtime).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class MessageMetrics {

    static final String MESSAGES = "c2c.messages";
    static final String LATENCY = "c2c.message.latency";
    static final String STEP = "c2c.message.step";
    static final String RETRIES = "c2c.delivery.retries";
    static final String DEAD_LETTERS = "c2c.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger(MessageMetrics.class);
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};

    private final MeterRegistry registry;

    public MessageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener
    void onStep(MessageStepped step) {
        try {
            record(step);
        } catch (RuntimeException e) { // the step is committed: a metric must never fail the route that traced it
            LOG.warn("metrics for step {} of message {} not recorded: {}", step.event(), step.messageId(), e.toString());
        }
    }

    private void record(MessageStepped step) {
        String partner = step.partner();
        String direction = label(step.direction().name());
        timer(STEP, "Time of each step of a message since its status last moved")
                .tags("partner", partner, "direction", direction, "step", label(step.event().name()))
                .register(registry).record(between(step.lastStepAt(), step.at()));
        if (step.event() == TraceEvent.SEND_FAILED || step.event() == TraceEvent.NATIONAL_DELIVERY_FAILED) {
            Counter.builder(RETRIES).description("Failed delivery attempts, each tried again later or dead-lettered")
                    .tags("partner", partner, "direction", direction).register(registry).increment();
        }
        Outcome outcome = Outcome.of(step.event());
        if (outcome == null || !step.firstEffect()) {
            return;
        }
        Counter.builder(MESSAGES).description("Messages by type, partner, direction and outcome")
                .tags("type", step.type(), "partner", partner, "direction", direction, "outcome", outcome.label())
                .register(registry).increment();
        if (outcome == Outcome.DEAD_LETTERED) {
            Counter.builder(DEAD_LETTERS).description("Messages given up and put in a dead-letter queue")
                    .tags("partner", partner, "direction", direction).register(registry).increment();
        }
        if (isDelivery(step.reached())) {
            timer(LATENCY, "End-to-end time from a message's first trace to its delivery or acknowledgement")
                    .tags("type", step.type(), "partner", partner, "direction", direction, "outcome", outcome.label())
                    .register(registry).record(between(step.createdAt(), step.at()));
        }
    }

    private static boolean isDelivery(MessageStatus reached) {
        return reached == MessageStatus.DELIVERED_TO_PARTNER || reached == MessageStatus.DELIVERED
                || reached == MessageStatus.ACKNOWLEDGED;
    }

    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0]).maximumExpectedValue(BUCKETS[BUCKETS.length - 1]);
    }

    /** Steps traced by different threads or nodes may land slightly out of order: never a negative time. */
    private static Duration between(Instant from, Instant to) {
        return from.isAfter(to) ? Duration.ZERO : Duration.between(from, to);
    }

    private static String label(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

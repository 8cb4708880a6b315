package org.c2cgateway.app.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.config.NationalQueueConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.queue.Queues;

/**
 * {@code c2c_queue_depth{queue}}: the messages waiting in each of the gateway's queues (a partner's
 * {@code out.<CC>}, {@code in.national}, the national queue channel's), and {@code c2c_dead_letters_waiting{queue}}
 * in each dead-letter queue, read from the embedded broker at each scrape. An external broker reports its own
 * queues (Artemis' Prometheus plugin); the nodes would only see what their connections see.
 */
@Context
@Requires(beans = {MeterRegistry.class, EmbeddedBroker.class})
public class QueueMetrics {

    static final String DEPTH = "c2c.queue.depth";
    static final String DEAD_LETTERS_WAITING = "c2c.dead.letters.waiting";

    public QueueMetrics(MeterRegistry registry, EmbeddedBroker broker, List<PartnerConfiguration> partners,
                        NationalQueueConfiguration nationalQueue) {
        List<String> queues = new ArrayList<>();
        List<String> deadLetters = new ArrayList<>();
        partners.forEach(p -> {
            queues.add(Queues.outbound(p.countryCode()));
            deadLetters.add(Queues.deadLetter(p.countryCode()));
        });
        queues.add(Queues.IN_NATIONAL);
        deadLetters.add(Queues.deadLetterOf(Queues.IN_NATIONAL));
        if (nationalQueue.enabled()) {
            queues.add(nationalQueue.queue());
            queues.add(nationalQueue.replyQueue());
            deadLetters.add(nationalQueue.deadLetterQueue());
        }
        queues.forEach(queue -> Gauge.builder(DEPTH, broker, b -> b.messageCount(queue))
                .description("Messages waiting in the queue").tag("queue", queue).register(registry));
        deadLetters.forEach(queue -> Gauge.builder(DEAD_LETTERS_WAITING, broker, b -> b.messageCount(queue))
                .description("Dead letters waiting in the dead-letter queue for an operator").tag("queue", queue)
                .register(registry));
    }
}

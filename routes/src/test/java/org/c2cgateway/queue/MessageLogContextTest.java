package org.c2cgateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MessageLogContextTest {

    private record Seen(String thread, String messageId, String mrn) {
    }

    private final BlockingQueue<Seen> seen = new ArrayBlockingQueue<>(10);
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        MessageLogContext.install(camel);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").routeId("hop")
                        .process(exchange -> seen.add(current()))
                        .threads(1) // another thread, as a JMS listener or the redelivery scheduler would be
                        .process(exchange -> seen.add(current()));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private static Seen current() {
        return new Seen(Thread.currentThread().getName(), MDC.get(MessageLogContext.MESSAGE_ID),
                MDC.get(MessageLogContext.MRN));
    }

    @Test
    void every_step_on_every_thread_names_the_message_and_the_caller_keeps_no_trace_of_it() throws Exception {
        ProducerTemplate producer = camel.createProducerTemplate();

        producer.sendBodyAndHeaders("direct:start", "<notification/>",
                Map.of(QueueHeaders.MESSAGE_ID, "m-1@rs", QueueHeaders.MRN, "26RS0110T0000452M5"));

        Seen first = seen.poll(10, TimeUnit.SECONDS);
        Seen second = seen.poll(10, TimeUnit.SECONDS);
        assertEquals(new Seen(first.thread(), "m-1@rs", "26RS0110T0000452M5"), first);
        assertEquals(new Seen(second.thread(), "m-1@rs", "26RS0110T0000452M5"), second);
        assertNotEquals(first.thread(), second.thread());
        assertNull(MDC.get(MessageLogContext.MESSAGE_ID), "cleared after the route");

        producer.sendBody("direct:start", "no message yet");
        assertNull(seen.poll(10, TimeUnit.SECONDS).messageId(), "nothing left over from the message before");
    }
}

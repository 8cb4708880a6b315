package org.c2cgateway.bench.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.c2cgateway.bench.exchange.ThreadCpu.Sample;
import org.c2cgateway.bench.exchange.ThreadCpu.Work;

class ThreadCpuTest {

    @Test
    void knowsAThreadsWorkByItsPoolsNameAsTheKernelCutsIt() {
        assertEquals(Work.TRACE_STORE, Work.of("trace-writer-0"));
        assertEquals(Work.CAMEL_ROUTES, Work.of("Camel (camel-1)"));
        assertEquals(Work.JETTY, Work.of("qtp1573832937-"));
        assertEquals(Work.NETTY, Work.of("io-executor-thr"));
        assertEquals(Work.NETTY, Work.of("default-nioEven"));
        assertEquals(Work.HTTP_CLIENT, Work.of("HttpClient-1-Wo"));
        assertEquals(Work.BROKER, Work.of("Thread-11 (acti"));
        assertEquals(Work.BROKER, Work.of("Thread-0 (activ"));
        assertEquals(Work.BROKER, Work.of("activemq-failur"));
        assertEquals(Work.DELIVERY_STATUS, Work.of("delivery-status"));
        assertEquals(Work.JIT, Work.of("C2 CompilerThre"));
        assertEquals(Work.JIT, Work.of("C1 CompilerThre"));
        assertEquals(Work.GC, Work.of("GC Thread#1"));
        assertEquals(Work.GC, Work.of("VM Thread"));
        assertEquals(Work.OTHER, Work.of("java"));
        assertEquals(Work.OTHER, Work.of("Thread-3"));
    }

    @Test
    void dividesAProcesssTimeByItsThreadsWorkPerMessageWithWhatEndedThreadsUsedAsTheRest() {
        Map<Long, Sample> before = Map.of(
                1L, new Sample("trace-writer-0", ms(100)),
                2L, new Sample("Camel (camel-1)", ms(50)),
                3L, new Sample("C2 CompilerThre", ms(30)), // ends during the run
                4L, new Sample("qtp1573832937-", ms(10)));
        Map<Long, Sample> after = Map.of(
                1L, new Sample("trace-writer-0", ms(300)),
                2L, new Sample("Camel (camel-1)", ms(150)),
                4L, new Sample("HttpClient-1-Wo", ms(20)), // the id of an ended thread, given to a new one
                5L, new Sample("GC Thread#1", ms(40)));

        Map<String, Double> perMessage = ThreadCpu.perMessage(before, after, Duration.ofMillis(600), 100);

        assertEquals(ThreadCpu.labels(), List.copyOf(perMessage.keySet()), "every kind of work, in order");
        assertEquals(2.0, perMessage.get("trace store"), 1e-9);
        assertEquals(1.0, perMessage.get("Camel routes"), 1e-9);
        assertEquals(0.0, perMessage.get("Jetty"), 1e-9);
        assertEquals(0.2, perMessage.get("HTTP client"), 1e-9);
        assertEquals(0.4, perMessage.get("GC and VM"), 1e-9);
        assertEquals(2.4, perMessage.get("ended threads"), 1e-9, "600 ms less the 360 the live threads used");
        assertEquals(6.0, perMessage.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9,
                "they add up to the process's time per message");
    }

    @Test
    void readsTheTimeOnACpuOfSchedstat() {
        assertEquals(4_791_502L, ThreadCpu.cpuNanos("4791502 14314980 8\n"));
    }

    @Test
    void findsALiveThreadOfThisProcessUnderItsNameWithTheTimeItHasUsed() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch sampled = new CountDownLatch(1);
        AtomicLong busyNanos = new AtomicLong();
        Thread busy = new Thread(() -> {
            long sink = 0;
            while (sampled.getCount() > 0) {
                for (int i = 0; i < 100_000; i++) {
                    sink += i ^ sink;
                }
                busyNanos.set(threads.getCurrentThreadCpuTime());
            }
            busyNanos.set(sink == 42 ? -1 : busyNanos.get()); // keeps the loop from being optimised away
        }, "trace-writer-under-test");
        busy.start();
        try {
            while (busyNanos.get() < 20_000_000) {
                Thread.onSpinWait(); // until it has used 20 ms
            }
            Map<Long, Sample> now = ThreadCpu.of(ProcessHandle.current().pid());
            Sample sample = now.values().stream().filter(s -> s.name().equals("trace-writer-un")).findFirst()
                    .orElseThrow(() -> new AssertionError("no thread 'trace-writer-un' in " + now.values()));
            assertTrue(sample.cpuNanos() >= 10_000_000, "used " + sample.cpuNanos() + " ns");
            assertEquals(Work.TRACE_STORE, Work.of(sample.name()));
        } finally {
            sampled.countDown();
            busy.join();
        }
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }
}

package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway process's CPU time by the work its threads do, from the operating system: each thread's name
 * ({@code /proc/<pid>/task/<tid>/comm}, the first 15 characters of the Java thread's name) and time on a CPU in
 * nanoseconds ({@code schedstat}). Every measured run reports it, so that an A/B run shows what a change did to the
 * part it was meant for (the trace store's commits, say) apart from the noise of the whole, and without a JFR
 * recording, which itself costs CPU. The work a thread does is known from its pool's name (see {@link Work}).
 */
final class ThreadCpu {

    /** What a gateway's threads are for, by the names their pools give them. */
    enum Work {
        TRACE_STORE("trace store"),
        CAMEL_ROUTES("Camel routes"),
        JETTY("Jetty"),
        NETTY("Netty"),
        HTTP_CLIENT("HTTP client"),
        BROKER("broker"),
        DELIVERY_STATUS("delivery statuses"),
        JIT("JIT"),
        GC("GC and VM"),
        OTHER("other"),
        /** Threads that ended during the run (a JIT compiler thread the JVM stopped when idle, say): the process's
         *  time less that of the threads still there. */
        ENDED("ended threads");

        final String label;

        Work(String label) {
            this.label = label;
        }

        /** The work of a thread by its name as the kernel has it (cut to 15 characters). */
        static Work of(String name) {
            if (name.startsWith("trace-writer")) {
                return TRACE_STORE; // GroupCommit's writers: the trace and audit log's transactions
            }
            if (name.startsWith("Camel (")) {
                return CAMEL_ROUTES; // JMS consumers: the senders to a partner, inbound queueing, national push
            }
            if (name.startsWith("qtp")) {
                return JETTY; // CXF's endpoints: AS4 reception and its receipts, SOAP intake
            }
            if (name.startsWith("io-executor") || name.startsWith("default-")) {
                return NETTY; // Micronaut's HTTP server: the REST intake, the operators' API and console
            }
            if (name.startsWith("HttpClient-")) {
                return HTTP_CLIENT; // the JDK client: AS4 sends, national pushes
            }
            if (name.startsWith("activemq") || name.contains("(acti")) {
                return BROKER; // Artemis names its pool's threads "Thread-N (activemq-netty-threads)" and the like
            }
            if (name.startsWith("delivery-status")) {
                return DELIVERY_STATUS;
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return JIT;
            }
            if (name.startsWith("GC Thread") || name.equals("VM Thread")) {
                return GC;
            }
            return OTHER;
        }
    }

    /** One thread's name and CPU time at a moment. */
    record Sample(String name, long cpuNanos) {
    }

    private ThreadCpu() {
    }

    /** Every thread of {@code pid} now, by thread id; a thread that ends while they are read is left out. */
    static Map<Long, Sample> of(long pid) {
        Map<Long, Sample> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String name = ProcFile.firstLine(task.resolve("comm"));
                String schedstat = ProcFile.firstLine(task.resolve("schedstat"));
                if (!name.isEmpty() && !schedstat.isEmpty()) {
                    threads.put(Long.parseLong(task.getFileName().toString()), new Sample(name, cpuNanos(schedstat)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + " from /proc: " + e, e);
        }
        return threads;
    }

    /** The first field of {@code schedstat}: time spent on a CPU, nanoseconds. */
    static long cpuNanos(String schedstat) {
        return Long.parseLong(schedstat.trim().split(" +")[0]);
    }

    /**
     * The CPU time of each kind of work between two samples of one process, in milliseconds per message, in the
     * order of {@link Work}, with every kind present. A thread id seen again under another name is a new thread.
     *
     * @param processCpu the process's own CPU time over the same interval: what its threads that ended had used is
     *                   the part of it the threads still there do not account for
     */
    static Map<String, Double> perMessage(Map<Long, Sample> before, Map<Long, Sample> after, Duration processCpu,
                                         int messages) {
        Map<Work, Long> nanos = new EnumMap<>(Work.class);
        long counted = 0;
        for (Map.Entry<Long, Sample> thread : after.entrySet()) {
            Sample now = thread.getValue();
            Sample then = before.get(thread.getKey());
            long used = then != null && then.name().equals(now.name()) ? now.cpuNanos() - then.cpuNanos() : now.cpuNanos();
            nanos.merge(Work.of(now.name()), used, Long::sum);
            counted += used;
        }
        nanos.put(Work.ENDED, Math.max(0, processCpu.toNanos() - counted));
        Map<String, Double> perMessage = new LinkedHashMap<>();
        for (Work work : Work.values()) {
            perMessage.put(work.label, nanos.getOrDefault(work, 0L) / 1e6 / messages);
        }
        return perMessage;
    }

    /** The labels of {@link Work}, in order: the columns of the report's table. */
    static List<String> labels() {
        return Arrays.stream(Work.values()).map(w -> w.label).toList();
    }
}

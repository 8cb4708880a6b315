package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a gateway's CPU went, from a JFR recording the harness took ({@code --profile DIR}): the methods with the
 * most execution samples on top of the stack (self), and the product's and its libraries' methods by the share of
 * samples they are anywhere on the stack (inclusive). Reads the recording with the JDK's own consumer API, and only
 * its events inside the measured window that the harness wrote beside it ({@value #WINDOW}), where there is one.
 * <pre>
 * java -cp bench/target/benchmarks.jar org.c2cgateway.bench.exchange.ProfileSummary bench/target/exchange/profile/rs.jfr [top]
 * </pre>
 */
public final class ProfileSummary {

    /** "begin end" as two instants: the measured run a dumped recording belongs to. */
    static final String WINDOW = "window.txt";

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Double> threadLoad = new HashMap<>();
        int samples = 0;
        Path recording = Path.of(args[0]).toAbsolutePath();
        Predicate<Instant> inWindow = window(recording.resolveSibling(WINDOW));
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!inWindow.test(event.getStartTime())) {
                continue; // a dump holds whole chunks: these are from before or after the measured run
            }
            if (event.getEventType().getName().equals("jdk.ThreadCPULoad")) {
                // a share of the machine's CPU over the sampling period: summed per kind of thread, it shows
                // what the Java samples cannot (the collector's and the JIT compiler's threads)
                String thread = event.getThread("eventThread") == null ? "?" : event.getThread("eventThread").getJavaName();
                threadLoad.merge(thread == null ? event.getThread("eventThread").getOSName() : thread.replaceAll("\\d+", "#"),
                        event.getDouble("user") + event.getDouble("system"), Double::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> once = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (once.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        double load = threadLoad.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%s: CPU by thread (share of the threads' summed load)%n", args[0]);
        threadLoad.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100 * e.getValue() / load, e.getKey()));
        System.out.printf("%n%d execution samples%n%nself%n", samples);
        print(self, samples, top, name -> true);
        System.out.printf("%ninclusive (the product, XML security, broker, store, HTTP)%n");
        print(inclusive, samples, top * 2, name -> name.startsWith("org.c2cgateway") || name.startsWith("org.apache.wss4j")
                || name.startsWith("org.apache.xml.security") || name.startsWith("org.apache.activemq")
                || name.startsWith("org.h2") || name.startsWith("org.apache.camel") || name.startsWith("org.apache.cxf")
                || name.startsWith("io.micronaut") || name.startsWith("org.springframework") || name.startsWith("sun.security.ssl")
                || name.startsWith("javax.xml") || name.startsWith("com.sun.org.apache") || name.startsWith("java.security"));
    }

    private static Predicate<Instant> window(Path file) throws IOException {
        if (!Files.exists(file)) {
            return time -> true;
        }
        String[] bounds = Files.readString(file).trim().split(" ");
        Instant begin = Instant.parse(bounds[0]);
        Instant end = Instant.parse(bounds[1]);
        return time -> !time.isBefore(begin) && !time.isAfter(end);
    }

    private static void print(Map<String, Integer> counts, int samples, int top, Predicate<String> shown) {
        counts.entrySet().stream().filter(e -> shown.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}

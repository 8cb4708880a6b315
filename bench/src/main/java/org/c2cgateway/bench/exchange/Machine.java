package org.c2cgateway.bench.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The machine a report's runs were measured on, since figures from a 2-core laptop and a 32-core server do not
 * compare.
 *
 * @param cpu         the CPU model, or {@code unknown} where /proc/cpuinfo cannot be read
 * @param cores       the processors the JVM may use
 * @param memoryBytes the machine's physical memory; -1 if unknown
 * @param jdk         the running JVM's name and version
 * @param os          name, version and architecture
 * @param date        when the report was made (UTC, to the second)
 */
public record Machine(String cpu, int cores, long memoryBytes, String jdk, String os, String date) {

    public static Machine current() {
        return new Machine(cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                physicalMemory(), System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** One line for a report's heading. */
    public String describe() {
        String memory = memoryBytes > 0
                ? String.format(Locale.ROOT, ", %.1f GB", memoryBytes / (1024.0 * 1024 * 1024)) : "";
        return cpu + ", " + cores + " cores" + memory + ", " + jdk + ", " + os + ", " + date;
    }

    /**
     * Read line by line: a /proc file reports size 0, and reading it whole by its size can come back cut short.
     */
    static String cpuModel(Path cpuinfo) {
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or not allowed: the report says so rather than failing the run it describes
        }
        return "unknown";
    }

    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
    }
}

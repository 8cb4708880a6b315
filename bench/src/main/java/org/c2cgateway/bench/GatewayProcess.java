package org.c2cgateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.c2cgateway.transport.TlsMaterial;

/**
 * A demo country's gateway run from the product's jar ({@code java -jar gateway/target/c2c-gateway.jar run
 * config/<cc>/gateway.yml --set ...}) as a process of its own, on ephemeral ports and a data directory of the
 * benchmark's, with a private copy of the development secrets (the gateway refuses a file others may read).
 * Its CPU time and peak resident set come from the operating system's accounting of the process.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("C2C gateway \\S+ ready on \\S+ \\((\\d+) ms from JVM start\\)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5); // a first start migrates the trace store

    public final String country;
    public final int apiPort;
    public final int as4Port;
    private final Path home;
    private final Path jar;
    private final Path dataDir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> jvmOptions;
    private Process process;
    private Path log;
    private long startupMillis = -1;
    private HttpClient http;

    public GatewayProcess(Path home, Path jar, String country, Path dataDir) throws IOException {
        this.home = home;
        this.jar = jar;
        this.country = country.toLowerCase(Locale.ROOT);
        this.dataDir = dataDir;
        this.jvmOptions = recommendedJvmOptions(home);
        this.apiPort = freePort();
        this.as4Port = freePort();
        set("c2c.home", home.toString());
        set("c2c.data-dir", dataDir.toString());
        set("micronaut.server.ssl.port", String.valueOf(apiPort));
        set("c2c.as4.host", "127.0.0.1");
        set("c2c.as4.port", String.valueOf(as4Port));
        set("c2c.national-soap.port", String.valueOf(freePort()));
        set("c2c.broker.national-acceptor.port", String.valueOf(freePort()));
    }

    /** The RS gateway with {@code settings}, started and ready. */
    static GatewayProcess start(Path home, Path jar, Path dataDir, Map<String, String> settings, Path log)
            throws IOException, InterruptedException {
        GatewayProcess gateway = new GatewayProcess(home, jar, "rs", dataDir);
        settings.forEach(gateway::set);
        return gateway.start(log);
    }

    /** One more setting for the start (after the country's configuration file, like {@code --set}). */
    public GatewayProcess set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** More JVM options, after the gateway's own and {@code -Xmx2g}: of two settings of an option, the later wins. */
    public GatewayProcess jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** {@code -Xmx2g} and what {@code gateway/bin/c2c-gateway} gives the gateway in production: gateway/jvm.options. */
    private static List<String> recommendedJvmOptions(Path home) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx2g"));
        Files.readAllLines(home.resolve("gateway/jvm.options")).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(options::add);
        return options;
    }

    /** Starts the process and waits until it reports ready; fails with its log's name if it ends first. */
    public GatewayProcess start(Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run", home.resolve("config/" + country + "/gateway.yml").toString()));
        set("c2c.secrets-file", privateSecrets().toString());
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        this.log = log;
        process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        http = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        awaitReady();
        return this;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (ready.find()) {
                startupMillis = Long.parseLong(ready.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the " + country + " gateway ended with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(50); // polls a separate process's log, which offers nothing to wait on
        }
        throw new IOException("the " + country + " gateway was not ready within " + START_TIMEOUT + "; see " + log);
    }

    public URI base() {
        return URI.create("https://localhost:" + apiPort);
    }

    public String as4Url() {
        return "https://localhost:" + as4Port + "/as4";
    }

    HttpClient http() {
        return http;
    }

    /** JVM start to ready, as the gateway itself reported it. */
    public long startupMillis() {
        return startupMillis;
    }

    public long pid() {
        return process.pid();
    }

    /** The CPU time (user and system) the process has used so far, from the operating system. */
    public Duration cpu() {
        if (!process.isAlive()) { // a gateway that died in a run (out of memory, say) ends the run with why
            throw new IllegalStateException("the " + country + " gateway ended with " + process.exitValue()
                    + " during the run; see " + log);
        }
        return process.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the operating system does not report the CPU time of " + pid()));
    }

    /** The process's peak resident set so far ({@code VmHWM}), in bytes; -1 where the system does not say. */
    public long peakRss() {
        // read as a stream: /proc reports a size of 0, and Files.readString trusts the size
        try (BufferedReader status = Files.newBufferedReader(Path.of("/proc", String.valueOf(pid()), "status"))) {
            for (String line = status.readLine(); line != null; line = status.readLine()) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
        return -1;
    }

    /**
     * A JFR recording ({@code profile} settings) from the JVM's start, for {@link #dumpRecording}. Started with the
     * process, not later by {@code jcmd}: a recording started in a warm process made its JIT compiler recompile for
     * minutes (half of each process's CPU), so the profile showed a gateway that was not the one measured.
     */
    public GatewayProcess recordFromStart() {
        jvmOptions.add("-XX:StartFlightRecording=name=harness,settings=profile,maxage=30m");
        return this;
    }

    /** What the recording {@link #recordFromStart()} started holds from {@code begin} on, into {@code file}. */
    public void dumpRecording(Path file, Instant begin) throws IOException, InterruptedException {
        jcmd("JFR.dump", "name=harness", "begin=" + begin, "filename=" + file.toAbsolutePath());
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + output);
        }
    }

    private Path privateSecrets() throws IOException {
        Files.createDirectories(dataDir);
        Path copy = dataDir.resolve("secrets.dev.yml");
        Files.deleteIfExists(copy);
        Files.createFile(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.write(copy, Files.readAllBytes(home.resolve("config/" + country + "/secrets.dev.yml")));
    }

    /** The development root CA's trust, with the gateway's own TLS identity as the client certificate. */
    private SSLContext trusting() {
        char[] password = "changeit".toCharArray();
        return TlsMaterial.load(home.resolve("certs-dev/pki/" + country + "/tls.p12"), password,
                home.resolve("certs-dev/pki/truststore.p12"), password).clientContext();
    }

    /** A port nothing listens on now (the OS's next ephemeral one). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the gateway as an operator would (SIGTERM: its shutdown hook closes the broker and the store). */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }
}

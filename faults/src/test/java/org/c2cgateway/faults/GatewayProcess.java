package org.c2cgateway.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.c2cgateway.app.Application;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.DevSecrets;

/**
 * One gateway as a JVM process of its own, started with {@code run <config.yml> --set ...} from the gateway
 * module's classes and dependencies (this test JVM's class path), so it can be killed with SIGKILL like a
 * real one. Its data directory and ports stay the same across restarts; its output goes to
 * {@code gateway.log} in the data directory, which the suite names when a gateway fails to start.
 */
final class GatewayProcess implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final String country;
    final int apiPort;
    final int as4Port;
    final Path dataDir;
    private final Map<String, String> settings = new HashMap<>();
    private final Path log;
    private Process process;
    private int starts;

    /**
     * @param settings this gateway's settings on top of its country's configuration (partner endpoints, retry
     *                 timings); ports, data directory, secrets and the suite's operator are set here
     */
    GatewayProcess(String country, Path dataRoot, int serverId, String operatorToken, Map<String, ?> settings) throws IOException {
        this.country = country;
        String cc = country.toLowerCase();
        this.dataDir = dataRoot.resolve(cc);
        this.apiPort = Ports.free();
        this.as4Port = Ports.free();
        this.log = dataDir.resolve("gateway.log");
        DevSecrets.settings(HOME, cc, dataDir, "faults", "admin", operatorToken)
                .forEach((key, value) -> this.settings.put(key, String.valueOf(value)));
        this.settings.put("c2c.home", HOME.toString());
        this.settings.put("c2c.data-dir", dataDir.toString());
        this.settings.put("c2c.broker.server-id", String.valueOf(serverId));
        this.settings.put("micronaut.server.ssl.port", String.valueOf(apiPort));
        this.settings.put("c2c.as4.host", "127.0.0.1");
        this.settings.put("c2c.as4.port", String.valueOf(as4Port));
        this.settings.put("c2c.national-soap.port", String.valueOf(Ports.free()));
        this.settings.put("c2c.broker.national-acceptor.port", String.valueOf(Ports.free()));
        settings.forEach((key, value) -> this.settings.put(key, String.valueOf(value)));
    }

    /** One more setting, for the next start. */
    GatewayProcess set(String key, Object value) {
        settings.put(key, String.valueOf(value));
        return this;
    }

    /** Starts the process and waits until it reports ready; fails with the tail of its log if it dies first. */
    GatewayProcess start() throws Exception {
        if (isAlive()) {
            throw new IllegalStateException(country + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Application.class.getName(), "run", HOME.resolve("config/" + country.toLowerCase() + "/gateway.yml").toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        Files.createDirectories(dataDir);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        starts++;
        Files.writeString(log, "=== start " + starts + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String ready = "C2C gateway " + country + " ready";
        Await.until(country + " to start (log " + log + ")", START_TIMEOUT, () -> {
            String output = Files.readString(log, StandardCharsets.ISO_8859_1).substring((int) logStart);
            if (output.contains(ready)) {
                return Optional.of(true);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(country + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(output));
            }
            return Optional.empty();
        });
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** This gateway's AS4 endpoint as a partner reaches it directly. */
    String as4Url() {
        return "https://localhost:" + as4Port + "/as4";
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }

    /** A graceful stop, as at the end of a test: SIGTERM runs the shutdown hook that closes the gateway. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

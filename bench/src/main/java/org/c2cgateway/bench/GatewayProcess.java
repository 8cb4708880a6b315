package org.c2cgateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.c2cgateway.transport.TlsMaterial;

/**
 * The demo RS gateway run from the product's jar ({@code java -jar gateway/target/c2c-gateway.jar run
 * config/rs/gateway.yml --set ...}) as a process of its own, on ephemeral ports and a data directory of the
 * benchmark's, with a private copy of the development secrets (the gateway refuses a file others may read).
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final HttpClient http;

    private GatewayProcess(Process process, URI base, HttpClient http) {
        this.process = process;
        this.base = base;
        this.http = http;
    }

    /** Starts the gateway with {@code settings} (and the ports and paths) and waits until its health answers. */
    static GatewayProcess start(Path home, Path jar, Path dataDir, Map<String, String> settings, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-jar", jar.toString(), "run", home.resolve("config/rs/gateway.yml").toString()));
        set(command, "c2c.home", home.toString());
        set(command, "c2c.data-dir", dataDir.toString());
        set(command, "c2c.secrets-file", privateSecrets(home, dataDir).toString());
        set(command, "micronaut.server.ssl.port", String.valueOf(port));
        set(command, "c2c.as4.port", String.valueOf(freePort()));
        set(command, "c2c.national-soap.port", String.valueOf(freePort()));
        set(command, "c2c.broker.national-acceptor.port", String.valueOf(freePort()));
        settings.forEach((key, value) -> set(command, key, value));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        GatewayProcess gateway = new GatewayProcess(process, URI.create("https://localhost:" + port),
                HttpClient.newBuilder().sslContext(trusting(home)).connectTimeout(Duration.ofSeconds(5)).build());
        gateway.awaitHealth(log);
        return gateway;
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    private void awaitHealth(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5)); // a first start migrates the trace store
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the gateway ended with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() / 100 == 2 || health.statusCode() == 503) {
                    return; // it answers; 503 is a partner out of reach, which a benchmark does not need
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500); // polls a separate process, which offers nothing to wait on
        }
        throw new IOException("the gateway did not answer within 5 minutes; see " + log);
    }

    private static void set(List<String> command, String key, String value) {
        command.add("--set");
        command.add(key + "=" + value);
    }

    private static Path privateSecrets(Path home, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path copy = dataDir.resolve("secrets.dev.yml");
        Files.deleteIfExists(copy);
        Files.createFile(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.write(copy, Files.readAllBytes(home.resolve("config/rs/secrets.dev.yml")));
    }

    /** The development root CA's trust, with the gateway's own TLS identity as the client certificate. */
    private static SSLContext trusting(Path home) {
        char[] password = "changeit".toCharArray();
        return TlsMaterial.load(home.resolve("certs-dev/pki/rs/tls.p12"), password,
                home.resolve("certs-dev/pki/truststore.p12"), password).clientContext();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the gateway as an operator would (SIGTERM: its shutdown hook closes the broker and the store). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

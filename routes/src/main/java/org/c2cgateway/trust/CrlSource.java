package org.c2cgateway.trust;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where a CRL is published: a file (a path, absolute or relative to the gateway's home, or a
 * {@code file:} URL) or an {@code http(s)} URL. Reading it is all this does; what the bytes are
 * worth is decided by {@link RevocationLists}.
 */
public abstract sealed class CrlSource permits CrlSource.FileSource, CrlSource.HttpSource {

    /** Larger than any CRL of a gateway CA; guards memory against a hostile or broken server. */
    static final int MAX_CRL_BYTES = 16 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String location;

    private CrlSource(String location) {
        this.location = location;
    }

    /**
     * @param location a path, a {@code file:} URL, or an {@code http:}/{@code https:} URL
     * @param home     what relative paths are resolved against
     */
    public static CrlSource of(String location, Path home) {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new HttpSource(location, URI.create(location));
        }
        Path path = lower.startsWith("file:") ? Path.of(URI.create(location)) : home.resolve(location).normalize();
        return new FileSource(location, path);
    }

    /** As configured, for logs and health. */
    public String location() {
        return location;
    }

    abstract byte[] fetch() throws IOException;

    @Override
    public String toString() {
        return location;
    }

    static final class FileSource extends CrlSource {

        private final Path path;

        FileSource(String location, Path path) {
            super(location);
            this.path = path;
        }

        @Override
        byte[] fetch() throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return bounded(in);
            }
        }
    }

    static final class HttpSource extends CrlSource {

        private final URI uri;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpSource(String location, URI uri) {
            super(location);
            this.uri = uri;
        }

        @Override
        byte[] fetch() throws IOException {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " from " + uri);
                }
                return bounded(in);
            }
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_CRL_BYTES + 1);
        if (bytes.length > MAX_CRL_BYTES) {
            throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
        }
        return bytes;
    }
}

package org.c2cgateway.app.payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PayloadConfiguration;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.PayloadDigest;
import org.c2cgateway.trace.PayloadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payload store on disk: {@code <directory>/<UTC day>/<direction>/<message id>.xml}, one file per message, each
 * written durably ({@link DurableFile}). A directory per day makes the retention a delete of whole directories, with
 * no file read or listed one by one; the trace row's creation time says which day to look in.
 * <p>
 * Each node keeps the payloads it handled on its own disk: with several nodes, put the directory on storage they
 * share, or an operator finds a payload only on the node that kept it.
 */
@Singleton
public class FilePayloadStore implements PayloadStore {

    private static final Logger LOG = LoggerFactory.getLogger(FilePayloadStore.class);
    /** Longer ids (a partner's, up to 200 characters of anything) are named by their hash instead. */
    private static final int MAX_NAME = 150;

    private final PayloadConfiguration settings;
    private final Path root;

    public FilePayloadStore(PayloadConfiguration settings, GatewayConfiguration gateway) {
        this.settings = settings;
        this.root = gateway.resolve(gateway.dataDir()).resolve(settings.directory());
    }

    @Override
    public void keep(String messageId, Direction direction, byte[] payload) {
        if (!settings.enabled()) {
            return;
        }
        try {
            DurableFile.write(file(LocalDate.now(ZoneOffset.UTC), direction, messageId), settings.sync(),
                    out -> out.write(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the payload of " + messageId + " in " + root, e);
        }
    }

    /**
     * The payload kept for a message traced at {@code tracedAt}: looked for on that day and the next (a message
     * traced just before midnight may be kept just after); empty when it is not kept (or no longer).
     */
    public Optional<byte[]> find(String messageId, Direction direction, Instant tracedAt) {
        LocalDate day = LocalDate.ofInstant(tracedAt, ZoneOffset.UTC);
        for (LocalDate candidate : List.of(day, day.plusDays(1))) {
            try {
                return Optional.of(Files.readAllBytes(file(candidate, direction, messageId)));
            } catch (NoSuchFileException e) {
                // not on this day
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the payload of " + messageId, e);
            }
        }
        return Optional.empty();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public Duration retention() {
        return settings.retention();
    }

    /** Every node purges its own directory; a day goes once all of it is older than the retention. */
    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    public void purgeExpired() {
        int days = purgeOlderThan(Instant.now().minus(settings.retention()));
        if (days > 0) {
            LOG.info("deleted the payloads of {} days older than {}", days, settings.retention());
        }
    }

    /** Deletes the days that ended before {@code cutoff}; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> days = Files.list(root)) {
            List<Path> expired = days.filter(d -> dayOf(d).map(firstKept::isAfter).orElse(false)).toList();
            for (Path day : expired) {
                deleteTree(day);
            }
            return expired.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge the payloads in " + root, e);
        }
    }

    private Path file(LocalDate day, Direction direction, String messageId) {
        return root.resolve(day.toString()).resolve(direction.name().toLowerCase(Locale.ROOT)).resolve(fileName(messageId));
    }

    /**
     * A name that is safe whatever the id holds (a partner chooses inbound ids): URL-encoded, so no separator and
     * never {@code .} or {@code ..}, with an extension; by hash when that would be too long.
     */
    static String fileName(String messageId) {
        String encoded = URLEncoder.encode(messageId, StandardCharsets.UTF_8);
        if (encoded.length() > MAX_NAME) {
            encoded = "sha256-" + PayloadDigest.sha256Hex(messageId.getBytes(StandardCharsets.UTF_8));
        }
        return encoded + ".xml";
    }

    private static Optional<LocalDate> dayOf(Path directory) {
        try {
            return Optional.of(LocalDate.parse(directory.getFileName().toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // not one of ours
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

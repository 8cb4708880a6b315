package org.c2cgateway.app.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PayloadConfiguration;
import org.c2cgateway.trace.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePayloadStoreTest {

    @TempDir
    Path data;

    private FilePayloadStore store(boolean enabled) {
        return new FilePayloadStore(new PayloadConfiguration(enabled, "payloads", Duration.ofDays(30), true),
                new GatewayConfiguration("MK", null, data.toString(), "node", "n1", 10_485_760, 1));
    }

    @Test
    void keeps_a_payload_by_day_and_direction_and_finds_it_from_the_trace_time() {
        FilePayloadStore store = store(true);
        byte[] payload = "<n>ü</n>".getBytes(StandardCharsets.UTF_8);
        store.keep("a1@rs.c2c-gateway", Direction.OUTBOUND, payload);

        assertArrayEquals(payload, store.find("a1@rs.c2c-gateway", Direction.OUTBOUND, Instant.now()).orElseThrow());
        assertArrayEquals(payload, store.find("a1@rs.c2c-gateway", Direction.OUTBOUND, Instant.now().minus(Duration.ofDays(1)))
                .orElseThrow(), "traced just before midnight, kept just after");
        assertTrue(store.find("a1@rs.c2c-gateway", Direction.INBOUND, Instant.now()).isEmpty());
        assertTrue(Files.isRegularFile(data.resolve("node/payloads").resolve(LocalDate.now(ZoneOffset.UTC).toString())
                .resolve("outbound/a1%40rs.c2c-gateway.xml")));
    }

    @Test
    void a_partners_message_id_never_names_a_file_outside_the_store() throws Exception {
        FilePayloadStore store = store(true);
        for (String id : new String[] {"..", "../../etc/passwd", "a/b\\c", "x".repeat(200), "ü*?<>|:"}) {
            store.keep(id, Direction.INBOUND, id.getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(id.getBytes(StandardCharsets.UTF_8), store.find(id, Direction.INBOUND, Instant.now()).orElseThrow());
        }
        Path inbound = data.resolve("node/payloads").resolve(LocalDate.now(ZoneOffset.UTC).toString()).resolve("inbound");
        try (Stream<Path> all = Files.walk(data)) {
            assertTrue(all.filter(Files::isRegularFile).allMatch(f -> f.getParent().equals(inbound)));
        }
        assertTrue(FilePayloadStore.fileName("x".repeat(200)).startsWith("sha256-"));
    }

    @Test
    void the_retention_deletes_whole_days_that_ended_before_the_cutoff() throws Exception {
        FilePayloadStore store = store(true);
        Path root = data.resolve("node/payloads");
        Files.createDirectories(root.resolve("2020-01-01/inbound"));
        Files.writeString(root.resolve("2020-01-01/inbound/old.xml"), "<old/>");
        Files.createDirectories(root.resolve("2020-01-02/outbound"));
        Files.createDirectories(root.resolve("not-a-day"));

        assertEquals(1, store.purgeOlderThan(Instant.parse("2020-01-02T10:00:00Z")));

        assertFalse(Files.exists(root.resolve("2020-01-01")));
        assertTrue(Files.exists(root.resolve("2020-01-02")), "part of that day is younger than the cutoff");
        assertTrue(Files.exists(root.resolve("not-a-day")));
    }

    @Test
    void keeps_nothing_when_disabled() {
        FilePayloadStore store = store(false);
        store.keep("a@b", Direction.OUTBOUND, new byte[] {1});
        assertFalse(Files.exists(data.resolve("node/payloads")));
    }
}

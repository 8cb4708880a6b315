package org.c2cgateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;

/** The audit log scenarios on the embedded H2 store, each on a copy of it, verified by the verify-audit command. */
class AuditLogIT extends AuditLogScenarios {

    @Override
    Map<String, Object> rsStore() {
        return Map.of();
    }

    @Override
    Verdict verify(String scenario, Tamper tamper) throws Exception {
        Path dataDir = data.resolve(scenario);
        copy(data.resolve("rs/trace"), dataDir.resolve("trace"));
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("trace/trace"), "sa", "")) {
            tamper.on(db);
        }
        return command(scenario, dataDir, Map.of());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

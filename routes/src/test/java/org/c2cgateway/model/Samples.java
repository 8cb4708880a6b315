package org.c2cgateway.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample notifications under {@code config/samples}, read in place (surefire runs in the module
 * directory) so that tests and documentation share one copy.
 */
public final class Samples {

    public static final Path ROOT = Path.of("..", "config", "samples");

    private Samples() {
    }

    public static byte[] valid(String name) {
        return read(ROOT.resolve("valid").resolve(name));
    }

    public static byte[] invalid(String name) {
        return read(ROOT.resolve("invalid").resolve(name));
    }

    public static String validText(String name) {
        return new String(valid(name), StandardCharsets.UTF_8);
    }

    /** File names of all valid samples, for parameterised tests. */
    public static List<String> validNames() {
        try (Stream<Path> files = Files.list(ROOT.resolve("valid"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + file.toAbsolutePath().normalize() + " unreadable", e);
        }
    }
}

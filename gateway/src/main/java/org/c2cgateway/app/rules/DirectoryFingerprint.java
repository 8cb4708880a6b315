package org.c2cgateway.app.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the reload poller compares: one SHA-256 over the relative name, size and content of every regular file
 * under the agreements directory, at any depth. Hashing everything, not only {@code *.yml}, catches a changed
 * AEO list (which an agreement names by a relative path of any form) and an edit that keeps a file's size and
 * modification time; the directory is small, so the cost is a few reads every poll.
 */
final class DirectoryFingerprint {

    private DirectoryFingerprint() {
    }

    /** The fingerprint now; a missing directory has one of its own, so creating it counts as a change. */
    static String of(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "absent";
        }
        MessageDigest digest = sha256();
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                digest.update((directory.relativize(file).toString().replace('\\', '/') + "\0" + Files.size(file) + "\0")
                        .getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException | UncheckedIOException e) {
            // a file removed while walking: no stable fingerprint yet, the next poll sees the result
            return "unreadable: " + e.getMessage();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

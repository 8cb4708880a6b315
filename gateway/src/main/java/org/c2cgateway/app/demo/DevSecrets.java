package org.c2cgateway.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.config.SecretsFile;

/**
 * Development only: how the demo (and the tests) give a demo country's gateway its secrets and an
 * operator of their own. The committed {@code config/<cc>/secrets.dev.yml} is readable by everyone, as git
 * keeps no permissions, and the gateway refuses such a file; so it is copied, owner-only, into the
 * gateway's data directory. The operator gets a bearer token drawn for this run alone.
 */
public final class DevSecrets {

    private DevSecrets() {
    }

    /**
     * Settings for a demo gateway: its private secrets file, and the operator {@code user} with {@code role}
     * and the given token.
     */
    public static Map<String, Object> settings(Path home, String cc, Path dataDir, String user, String role, String token) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(SecretsFile.SETTING, privateCopy(home.resolve("config/" + cc + "/secrets.dev.yml"), dataDir).toString());
        settings.put("c2c.access.operators." + user + ".role", role);
        settings.put("c2c.access.operators." + user + ".token-sha256", TokenDigest.sha256Hex(token));
        return settings;
    }

    /** Copies {@code devSecrets} into {@code dir}, readable by its owner only; answers the copy. */
    public static Path privateCopy(Path devSecrets, Path dir) {
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(devSecrets.getFileName());
            Files.deleteIfExists(copy);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.createFile(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.write(copy, Files.readAllBytes(devSecrets)); // into the owner-only file, keeping its permissions
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the development secrets " + devSecrets + " to " + dir, e);
        }
    }
}

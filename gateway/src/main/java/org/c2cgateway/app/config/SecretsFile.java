package org.c2cgateway.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

/**
 * The file that holds a gateway's secrets (key store passwords, token digests, password hashes), apart
 * from its configuration so that the configuration can be shared, reviewed and committed while the
 * secrets stay with the machine. The configuration refers to them by placeholder, such as
 * {@code ${c2c.secret.key-store-password}}; the environment can supply the same names instead
 * ({@code C2C_SECRET_KEY_STORE_PASSWORD}).
 *
 * <p>On a POSIX file system the file is refused if anyone but its owner may read or write it: a secret
 * readable by the whole machine is no secret. Values are never part of a message.
 */
public final class SecretsFile {

    /** The setting (or {@code C2C_SECRETS_FILE} in the environment) naming the file. */
    public static final String SETTING = "c2c.secrets-file";
    public static final String ENVIRONMENT = "C2C_SECRETS_FILE";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretsFile() {
    }

    /** The file as a property source of the given order: YAML ({@code .yml}, {@code .yaml}) or Java properties. */
    public static PropertySource load(Path file, int order) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(SETTING + " names " + file + ", which is not a file");
        }
        refuseIfShared(file);
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> values;
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                values = new YamlPropertySourceLoader().read(name, in);
            } else {
                Properties properties = new Properties();
                properties.load(in);
                values = new LinkedHashMap<>();
                for (String key : properties.stringPropertyNames()) {
                    values.put(key, properties.getProperty(key));
                }
            }
            return PropertySource.of("secrets (" + file + ")", values, order);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Owner-only (600 or 400), where the file system says who may read. */
    static void refuseIfShared(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return; // not POSIX (Windows): an ACL granting only the gateway's account is the equivalent (README)
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IllegalArgumentException("the secrets file " + file + " is open to group or others ("
                        + PosixFilePermissions.toString(permissions) + "): make it readable by the gateway's user only, "
                        + "e.g. chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the permissions of the secrets file " + file + ": " + e.getMessage(), e);
        }
    }
}

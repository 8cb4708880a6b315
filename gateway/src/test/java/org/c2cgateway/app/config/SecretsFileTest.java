package org.c2cgateway.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import java.util.Map;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsFileTest {

    @TempDir
    Path dir;

    @Test
    void an_owner_only_yaml_file_becomes_a_property_source() throws Exception {
        Path file = secrets("secrets.yml", "c2c:\n  secret:\n    tls-key-store-password: s3cret\n", "rw-------");

        PropertySource source = SecretsFile.load(file, 75);

        assertEquals("s3cret", source.get("c2c.secret.tls-key-store-password"));
        assertEquals(75, source.getOrder());
    }

    @Test
    void a_properties_file_is_read_too() throws Exception {
        Path file = secrets("secrets.properties", "c2c.secret.trust-store-password=s3cret\n", "r--------");

        assertEquals("s3cret", SecretsFile.load(file, 75).get("c2c.secret.trust-store-password"));
    }

    @Test
    void a_file_open_to_group_or_others_is_refused_without_showing_its_content() throws Exception {
        for (String shared : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"}) {
            Path file = secrets("shared-" + shared.replace('-', '_') + ".yml", "c2c:\n  secret:\n    x: s3cret\n", shared);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SecretsFile.load(file, 75));

            assertTrue(refused.getMessage().contains("open to group or others") && refused.getMessage().contains("chmod 600"),
                    refused.getMessage());
            assertTrue(!refused.getMessage().contains("s3cret"));
        }
    }

    @Test
    void a_missing_file_is_refused_naming_the_setting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SecretsFile.load(dir.resolve("nope.yml"), 75));

        assertTrue(refused.getMessage().startsWith("c2c.secrets-file"), refused.getMessage());
    }

    @Test
    void the_environment_supplies_the_same_names_as_the_secrets_file() {
        PropertySource environment = PropertySource.of("env", Map.of("C2C_SECRET_TLS_KEY_STORE_PASSWORD", "from-env"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        PropertySource configuration = PropertySource.of("gateway.yml",
                Map.of("c2c.tls.password", "${c2c.secret.tls-key-store-password}"));

        PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(environment, configuration);

        assertEquals("from-env", resolver.getProperty("c2c.tls.password", String.class).orElseThrow());
    }

    private Path secrets(String name, String content, String permissions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}

package org.c2cgateway.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.c2cgateway.keys.KeyConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The {@code keys} command's edits of a configuration file: only the key settings change. */
class ConfigFileEditorTest {

    static final Path MK = Path.of("..").toAbsolutePath().normalize().resolve("config/mk/gateway.yml");

    @TempDir
    Path dir;

    @Test
    void untouched_file_is_written_back_byte_for_byte_comments_included() throws Exception {
        assertEquals(Files.readString(MK), ConfigFileEditor.open(MK).render());
    }

    @Test
    void next_key_is_added_and_every_other_line_stays() throws Exception {
        ConfigFileEditor editor = ConfigFileEditor.open(MK);
        editor.setKey("encryption", "next", "certs-dev/pki/mk/encryption-next.p12", "${c2c.secret.key}", "encryption");

        String edited = editor.render();
        assertEquals(Map.of("key-store", "certs-dev/pki/mk/encryption-next.p12", "password", "${c2c.secret.key}",
                "alias", "encryption"), slots(edited, "encryption").get("next"));
        assertLinesKept(Files.readString(MK), edited);
    }

    @Test
    void promoting_encryption_keeps_the_replaced_key_as_previous_and_a_second_promotion_drops_it() throws Exception {
        ConfigFileEditor editor = ConfigFileEditor.open(MK);
        editor.setKey("encryption", "next", "enc-2.p12", "changeit", "encryption");
        assertEquals(Optional.empty(), editor.promote("encryption"));
        Map<String, Map<String, String>> once = slots(editor.render(), "encryption");
        assertEquals(List.of("current", "previous"), List.copyOf(once.keySet()));
        assertEquals("enc-2.p12", once.get("current").get("key-store"));
        assertEquals("certs-dev/pki/mk/encryption.p12", once.get("previous").get("key-store"));

        editor.setKey("encryption", "next", "enc-3.p12", "changeit", "encryption");
        assertEquals(Optional.of("certs-dev/pki/mk/encryption.p12"), editor.promote("encryption"));
        Map<String, Map<String, String>> twice = slots(editor.render(), "encryption");
        assertEquals("enc-3.p12", twice.get("current").get("key-store"));
        assertEquals("enc-2.p12", twice.get("previous").get("key-store"));

        assertTrue(editor.dropPrevious("encryption"));
        assertEquals(List.of("current"), List.copyOf(slots(editor.render(), "encryption").keySet()));
    }

    @Test
    void ec_keys_are_added_under_their_own_purpose_and_roll_over_like_the_rsa_ones() {
        ConfigFileEditor editor = ConfigFileEditor.open(MK);
        editor.setKey("encryption-ec", "current", "x25519-1.p12", "${c2c.secret.key}", null);
        editor.setKey("encryption-ec", "next", "x25519-2.p12", "${c2c.secret.key}", null);
        editor.promote("encryption-ec");

        Map<String, Map<String, String>> ec = slots(editor.render(), "encryption-ec");
        assertEquals(List.of("current", "previous"), List.copyOf(ec.keySet()));
        assertEquals("x25519-2.p12", ec.get("current").get("key-store"));
        assertEquals("x25519-1.p12", ec.get("previous").get("key-store"));
        assertEquals("certs-dev/pki/mk/encryption.p12", slots(editor.render(), "encryption").get("current")
                .get("key-store"), "the RSA encryption key is another purpose, untouched");
    }

    @Test
    void promoting_signing_leaves_no_previous_key_and_without_next_is_refused() {
        ConfigFileEditor editor = ConfigFileEditor.open(MK);
        KeyConfigurationException e = assertThrows(KeyConfigurationException.class, () -> editor.promote("signing"));
        assertEquals("c2c.message-keys.signing.next", e.setting());

        editor.setKey("signing", "next", "sig-2.p12", "changeit", "signing");
        editor.promote("signing");
        assertEquals(Map.of("current", Map.of("key-store", "sig-2.p12", "password", "changeit", "alias", "signing")),
                slots(editor.render(), "signing"));
    }

    @Test
    void partner_certificates_are_added_preferred_and_removed_by_path() throws Exception {
        ConfigFileEditor editor = ConfigFileEditor.open(MK);
        assertTrue(editor.addPartnerCertificate("rs", "encryption-certificates", "rs/encryption-next.crt"));
        assertFalse(editor.addPartnerCertificate("RS", "encryption-certificates", "rs/encryption-next.crt"));
        assertTrue(editor.addPartnerCertificate("RS", "trust.signing-certificates", "rs/signing-next.crt"));
        assertEquals(List.of("certs-dev/pki/rs/encryption.crt", "rs/encryption-next.crt"),
                partner(editor.render(), "RS").get("encryption-certificates"));

        editor.preferPartnerCertificate("RS", "encryption-certificates", "rs/encryption-next.crt");
        assertEquals(List.of("rs/encryption-next.crt", "certs-dev/pki/rs/encryption.crt"),
                partner(editor.render(), "RS").get("encryption-certificates"));

        assertTrue(editor.removePartnerCertificate("RS", "encryption-certificates", "certs-dev/pki/rs/encryption.crt"));
        assertTrue(editor.removePartnerCertificate("RS", "trust.signing-certificates", "certs-dev/pki/rs/signing.crt"));
        KeyConfigurationException last = assertThrows(KeyConfigurationException.class, () ->
                editor.removePartnerCertificate("RS", "encryption-certificates", "rs/encryption-next.crt"));
        assertEquals("c2c.partners.RS.encryption-certificates", last.setting());
        assertEquals(List.of("rs/signing-next.crt"), trust(editor.render(), "RS").get("signing-certificates"));
        assertLinesKept(Files.readString(MK).replace("certs-dev/pki/rs/encryption.crt", "rs/encryption-next.crt")
                .replace("certs-dev/pki/rs/signing.crt", "rs/signing-next.crt"), editor.render());
    }

    @Test
    void encryption_list_not_yet_written_starts_from_what_it_defaulted_to() throws Exception {
        Path file = dir.resolve("gateway.yml");
        Files.writeString(file, Files.readString(MK).replace(
                "      encryption-certificates: [certs-dev/pki/bg/encryption.crt]\n", ""));
        ConfigFileEditor editor = ConfigFileEditor.open(file);

        editor.addPartnerCertificate("BG", "encryption-certificates", "bg/encryption.crt");

        assertEquals(List.of("certs-dev/pki/bg/signing.crt", "bg/encryption.crt"),
                partner(editor.render(), "BG").get("encryption-certificates"));
    }

    @Test
    void unknown_partner_is_refused_naming_it() {
        KeyConfigurationException e = assertThrows(KeyConfigurationException.class, () -> ConfigFileEditor.open(MK)
                .addPartnerCertificate("AL", "encryption-certificates", "al.crt"));
        assertEquals("c2c.partners.AL", e.setting());
    }

    /** Every line of {@code original} is in {@code edited}, in the same order. */
    private static void assertLinesKept(String original, String edited) {
        List<String> lines = edited.lines().toList();
        int at = 0;
        for (String line : original.lines().toList()) {
            while (at < lines.size() && !lines.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < lines.size(), "line lost or moved: " + line + "\n" + edited);
            at++;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> slots(String yaml, String purpose) {
        Map<String, Object> c2c = (Map<String, Object>) new Yaml().<Map<String, Object>>load(yaml).get("c2c");
        return (Map<String, Map<String, String>>) ((Map<String, Object>) c2c.get("message-keys")).get(purpose);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> partner(String yaml, String country) {
        Map<String, Object> c2c = (Map<String, Object>) new Yaml().<Map<String, Object>>load(yaml).get("c2c");
        return (Map<String, List<String>>) ((Map<String, Object>) c2c.get("partners")).get(country);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> trust(String yaml, String country) {
        return (Map<String, List<String>>) (Object) partner(yaml, country).get("trust");
    }
}

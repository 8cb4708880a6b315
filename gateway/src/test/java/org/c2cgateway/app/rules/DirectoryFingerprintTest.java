package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void is_stable_while_nothing_changes() throws Exception {
        Files.writeString(dir.resolve("rs-mk-v1.yml"), "version: 1\n");
        assertEquals(DirectoryFingerprint.of(dir), DirectoryFingerprint.of(dir));
    }

    @Test
    void changes_with_an_edit_of_the_same_size() throws Exception {
        Files.writeString(dir.resolve("rs-mk-v1.yml"), "version: 1\n");
        String before = DirectoryFingerprint.of(dir);
        Files.writeString(dir.resolve("rs-mk-v1.yml"), "version: 2\n");
        assertNotEquals(before, DirectoryFingerprint.of(dir));
    }

    @Test
    void changes_with_an_aeo_list_in_a_subdirectory() throws Exception {
        Files.createDirectories(dir.resolve("aeo"));
        Files.writeString(dir.resolve("aeo/mk-recognised.csv"), "identification,programme,valid-until\n");
        String before = DirectoryFingerprint.of(dir);
        Files.writeString(dir.resolve("aeo/mk-recognised.csv"), "identification,programme,valid-until\nMK1,AEOF,\n");
        assertNotEquals(before, DirectoryFingerprint.of(dir));
    }

    @Test
    void changes_with_a_renamed_file() throws Exception {
        Files.writeString(dir.resolve("rs-mk-v1.yml"), "version: 1\n");
        String before = DirectoryFingerprint.of(dir);
        Files.move(dir.resolve("rs-mk-v1.yml"), dir.resolve("rs-mk-v1.yml.off"));
        assertNotEquals(before, DirectoryFingerprint.of(dir));
    }

    @Test
    void a_missing_directory_differs_from_an_empty_one() throws Exception {
        String missing = DirectoryFingerprint.of(dir.resolve("agreements"));
        Files.createDirectories(dir.resolve("agreements"));
        assertNotEquals(missing, DirectoryFingerprint.of(dir.resolve("agreements")));
    }
}

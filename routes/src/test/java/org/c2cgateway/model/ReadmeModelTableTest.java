package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's table of elements is generated from the XSD; this keeps it from going stale. */
class ReadmeModelTableTest {

    private static final Pattern ELEMENT_NAME = Pattern.compile("<xs:element name=\"([A-Za-z]+)\"");

    @Test
    void every_element_of_the_schema_is_in_the_readme_model_table() throws Exception {
        String xsd = Files.readString(Path.of("src/main/resources/xsd/c2c-notification-v1.xsd"));
        String readme = Files.readString(Path.of("../README.md"));
        List<String> names = ELEMENT_NAME.matcher(xsd).results().map(m -> m.group(1)).toList();
        TreeSet<String> missing = new TreeSet<>();
        for (String name : names) {
            if (!readme.contains("/" + name + "`") && !readme.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "elements missing from the README's model table (regenerate it): " + missing);
    }
}

package org.c2cgateway.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The API description's examples are the samples, exactly: documentation that cannot drift from what is tested. */
class NotificationExamplesTest {

    private static final Path SAMPLES = Path.of("../config/samples/valid");

    @Test
    void openapi_examples_are_the_repository_samples() throws Exception {
        assertEquals(Files.readString(SAMPLES.resolve("rs-to-mk-pre-arrival.xml")), NotificationExamples.PRE_ARRIVAL_XML);
        assertEquals(Files.readString(SAMPLES.resolve("mk-to-rs-exit.xml")), NotificationExamples.EXIT_XML);
    }
}

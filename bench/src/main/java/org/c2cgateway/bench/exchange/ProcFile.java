package org.c2cgateway.bench.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file of {@code /proc}, read as the harness reads them: its first line, or nothing once its process has gone. */
final class ProcFile {

    private ProcFile() {
    }

    /**
     * The first line, read as a stream since {@code /proc} reports a size of 0; empty when the file is empty or gone
     * (a process or thread that ended while its directory was listed).
     */
    static String firstLine(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException gone) {
            return "";
        }
    }
}

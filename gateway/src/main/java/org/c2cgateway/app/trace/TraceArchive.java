package org.c2cgateway.app.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.c2cgateway.app.payload.DurableFile;

/**
 * The trace records the retention job removes, kept in a gzip JSON-lines file (one message a line: its row and the
 * rows of each table that belongs to it, every column by its name), written whole and forced to disk before the rows
 * are deleted. Columns are read as they are, so a column a later migration adds is archived without a change here.
 */
final class TraceArchive {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String node;

    TraceArchive(Path directory, String node) {
        this.directory = directory;
        this.node = node.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /**
     * One archive file of these messages; {@code owned} holds, by table, each message's rows in that table.
     * Returns the file.
     */
    Path write(List<Map<String, Object>> messages, Map<String, Map<String, List<Map<String, Object>>>> owned)
            throws IOException {
        Path file = directory.resolve("trace-" + STAMP.format(Instant.now()) + "-" + node + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".jsonl.gz");
        DurableFile.write(file, true, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
            for (Map<String, Object> message : messages) {
                writeLine(gzip, message, owned);
            }
            gzip.finish();
        });
        return file;
    }

    private static void writeLine(OutputStream out, Map<String, Object> message,
                                  Map<String, Map<String, List<Map<String, Object>>>> owned) throws IOException {
        String id = (String) message.get("message_id");
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeFieldName("message");
            writeRow(json, message);
            for (Map.Entry<String, Map<String, List<Map<String, Object>>>> table : owned.entrySet()) {
                json.writeArrayFieldStart(table.getKey());
                for (Map<String, Object> row : table.getValue().getOrDefault(id, List.of())) {
                    writeRow(json, row);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeRow(JsonGenerator json, Map<String, Object> row) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            Object value = column.getValue();
            json.writeFieldName(column.getKey());
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof BigDecimal decimal) {
                json.writeNumber(decimal);
            } else if (value instanceof Boolean bool) {
                json.writeBoolean(bool);
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }
}

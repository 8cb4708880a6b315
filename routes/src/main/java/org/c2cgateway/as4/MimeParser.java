package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.c2cgateway.as4.MimeMultipart.Part;

/**
 * Byte-level splitting of a MIME multipart body. Works on the raw bytes (attachments are binary
 * and must never go through a charset), accepts CRLF or bare LF line ends, folded headers, a
 * preamble and an epilogue, and bounds the number of parts.
 */
final class MimeParser {

    private static final int MAX_PARTS = 64;

    private MimeParser() {
    }

    static List<Part> split(byte[] body, byte[] delimiter) {
        List<Part> parts = new ArrayList<>();
        int pos = findDelimiter(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("MIME boundary not found in body");
        }
        while (true) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts; // close delimiter
            }
            int contentStart = skipLine(body, after);
            int next = findDelimiter(body, delimiter, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("MIME body is truncated (no closing boundary)");
            }
            if (parts.size() == MAX_PARTS) {
                throw new IllegalArgumentException("too many MIME parts");
            }
            parts.add(part(body, contentStart, lineStart(body, next)));
            pos = next;
        }
    }

    /**
     * Finds the delimiter at the very start of the body or right after a line end, and followed
     * by {@code --}, optional white space and a line end (so a longer boundary sharing our
     * boundary as prefix does not match).
     */
    private static int findDelimiter(byte[] body, byte[] delimiter, int from) {
        for (int i = indexOf(body, delimiter, from); i >= 0; i = indexOf(body, delimiter, i + 1)) {
            if ((i == 0 || body[i - 1] == '\n') && delimiterEnds(body, i + delimiter.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean delimiterEnds(byte[] body, int at) {
        int i = at;
        if (i + 1 < body.length && body[i] == '-' && body[i + 1] == '-') {
            return true;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        return i == body.length || body[i] == '\n' || body[i] == '\r';
    }

    /** Where the line ending just before {@code delimiterPos} begins (CRLF or LF belongs to the delimiter). */
    private static int lineStart(byte[] body, int delimiterPos) {
        int end = delimiterPos - 1;
        return end > 0 && body[end - 1] == '\r' ? end - 1 : end;
    }

    private static int skipLine(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("MIME body is truncated after a boundary");
    }

    private static Part part(byte[] body, int start, int end) {
        Map<String, String> headers = new LinkedHashMap<>();
        int i = start;
        String last = null;
        while (true) {
            int eol = indexOf(body, new byte[] {'\n'}, i);
            if (eol < 0 || eol > end) {
                throw new IllegalArgumentException("MIME part headers are not terminated");
            }
            String line = new String(body, i, eol - i, StandardCharsets.ISO_8859_1);
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            i = eol + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.merge(last, " " + line.trim(), String::concat); // folded header
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed MIME header line: " + line);
            }
            last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).trim());
        }
        byte[] content = Arrays.copyOfRange(body, i, Math.max(i, end));
        String encoding = headers.getOrDefault("content-transfer-encoding", "binary").toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "binary", "8bit", "7bit" -> { }
            case "base64" -> content = Base64.getMimeDecoder().decode(content);
            default -> throw new IllegalArgumentException("unsupported Content-Transfer-Encoding " + encoding);
        }
        return new Part(headers, content);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package org.c2cgateway.as4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SOAP-with-Attachments MIME packaging: writes the phase4 layout and reads what peers send.
 *
 * <p>Writing: {@code multipart/related; type="application/soap+xml"}, no {@code start}
 * parameter, root part without Content-ID, attachments as binary parts with a Content-ID.
 *
 * <p>Reading: the boundary comes from the Content-Type; the root is the part named by
 * {@code start} if given, else the first part; line ends may be CRLF or bare LF; content is
 * handled as bytes throughout (never decoded to text), base64 transfer encoding is undone.
 */
final class MimeMultipart {

    /** One MIME part; header names are lower-cased. */
    record Part(Map<String, String> headers, byte[] content) {

        /** The Content-ID without angle brackets, or null. */
        String contentId() {
            String id = headers.get("content-id");
            return id == null ? null : unbracket(id);
        }
    }

    record Parsed(Part root, List<Part> attachments) {
    }

    record Built(byte[] body, String contentType) {
    }

    private MimeMultipart() {
    }

    static Built build(byte[] soapEnvelope, String attachmentContentId, byte[] attachment) {
        String boundary = "----=_Part_" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(soapEnvelope.length + attachment.length + 512);
        ascii(out, "--" + boundary + "\r\n"
                + "Content-Type: application/soap+xml; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n");
        out.writeBytes(soapEnvelope);
        ascii(out, "\r\n--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-Description: Attachment\r\n"
                + "Content-ID: <" + attachmentContentId + ">\r\n\r\n");
        out.writeBytes(attachment);
        ascii(out, "\r\n--" + boundary + "--\r\n");
        String contentType = "multipart/related; boundary=\"" + boundary + "\"; type=\"application/soap+xml\"";
        return new Built(out.toByteArray(), contentType);
    }

    /**
     * Splits a multipart/related body. A non-multipart Content-Type yields the whole body as the
     * root with no attachments (a single SOAP envelope, e.g. a receipt).
     *
     * @throws IllegalArgumentException if the body is not valid MIME for that Content-Type
     */
    static Parsed parse(String contentType, byte[] body) {
        MediaType type = MediaType.parse(contentType);
        if (!type.type().startsWith("multipart/")) {
            return new Parsed(new Part(Map.of("content-type", contentType), body), List.of());
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("multipart Content-Type without boundary");
        }
        List<Part> parts = MimeParser.split(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("multipart body has no parts");
        }
        String start = type.parameter("start");
        int root = 0;
        if (start != null && !start.isBlank()) {
            String wanted = unbracket(start);
            while (root < parts.size() && !wanted.equals(parts.get(root).contentId())) {
                root++;
            }
            if (root == parts.size()) {
                throw new IllegalArgumentException("no MIME part matches start=" + start);
            }
        }
        List<Part> attachments = new ArrayList<>(parts);
        Part rootPart = attachments.remove(root);
        return new Parsed(rootPart, List.copyOf(attachments));
    }

    static String unbracket(String id) {
        String s = id.trim();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1).trim() : s;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}

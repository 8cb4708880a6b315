package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeMultipartTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void buildThenParseGivesBackRootAndAttachmentBytes() {
        byte[] att = {0, 1, 2, '\r', '\n', '-', '-', (byte) 0xff};
        MimeMultipart.Built built = MimeMultipart.build(ascii("<env/>"), "a1@cid", att);

        MimeMultipart.Parsed p = MimeMultipart.parse(built.contentType(), built.body());

        assertArrayEquals(ascii("<env/>"), p.root().content());
        assertEquals("a1@cid", p.attachments().get(0).contentId());
        assertArrayEquals(att, p.attachments().get(0).content());
    }

    @Test
    void firstPartIsRootWhenThereIsNoStartParameterAndToleratesLfLineEndsPreambleAndEpilogue() {
        String body = "preamble\n--b1\ncontent-type: application/soap+xml\n\n<root/>\n"
                + "--b1\nCONTENT-ID:   <x@cid>\nContent-Type: application/octet-stream\n\nDATA\n--b1--\nepilogue";

        MimeMultipart.Parsed p = MimeMultipart.parse("Multipart/Related; boundary=b1", ascii(body));

        assertArrayEquals(ascii("<root/>"), p.root().content());
        assertEquals("x@cid", p.attachments().get(0).contentId());
        assertArrayEquals(ascii("DATA"), p.attachments().get(0).content());
    }

    @Test
    void startParameterSelectsTheRootAndFoldedHeadersAreUnfolded() {
        String body = "--b\r\nContent-ID: <att@cid>\r\n\r\nDATA\r\n"
                + "--b\r\nContent-ID:\r\n <root@cid>\r\n\r\n<root/>\r\n--b--\r\n";

        MimeMultipart.Parsed p = MimeMultipart.parse(
                "multipart/related; type=\"application/soap+xml\"; start=\"<root@cid>\"; boundary=\"b\"", ascii(body));

        assertArrayEquals(ascii("<root/>"), p.root().content());
        assertEquals("att@cid", p.attachments().get(0).contentId());
    }

    @Test
    void boundaryThatIsAPrefixOfALongerLineIsNotADelimiter() {
        String body = "--b\r\n\r\n<r/>\r\n--b\r\nContent-ID: <a@cid>\r\n\r\nx\r\n--bb not me\r\ny\r\n--b--\r\n";

        MimeMultipart.Parsed p = MimeMultipart.parse("multipart/related; boundary=b", ascii(body));

        assertArrayEquals(ascii("x\r\n--bb not me\r\ny"), p.attachments().get(0).content());
    }

    @Test
    void base64TransferEncodingIsDecoded() {
        String body = "--b\r\n\r\n<r/>\r\n--b\r\nContent-ID: <a@cid>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(new byte[] {9, 8, 7}) + "\r\n--b--";

        MimeMultipart.Parsed p = MimeMultipart.parse("multipart/related; boundary=b", ascii(body));

        assertArrayEquals(new byte[] {9, 8, 7}, p.attachments().get(0).content());
    }

    @Test
    void nonMultipartBodyIsTheRootItself() {
        MimeMultipart.Parsed p = MimeMultipart.parse("application/soap+xml;charset=UTF-8", ascii("<e/>"));

        assertArrayEquals(ascii("<e/>"), p.root().content());
        assertTrue(p.attachments().isEmpty());
    }

    @Test
    void malformedPackagesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> MimeMultipart.parse("multipart/related", ascii("--b\r\n\r\nx\r\n--b--")));
        assertThrows(IllegalArgumentException.class,
                () -> MimeMultipart.parse("multipart/related; boundary=b", ascii("--b\r\n\r\nno closing boundary")));
        assertThrows(IllegalArgumentException.class,
                () -> MimeMultipart.parse("multipart/related; boundary=b",
                        ascii("--b\r\nbad header\r\n\r\nx\r\n--b--")));
        assertThrows(IllegalArgumentException.class,
                () -> MimeMultipart.parse("multipart/related; boundary=zz", ascii("--b\r\n\r\nx\r\n--b--")));
    }
}

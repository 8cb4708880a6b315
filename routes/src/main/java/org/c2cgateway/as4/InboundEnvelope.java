package org.c2cgateway.as4;

import java.io.IOException;

import javax.xml.stream.XMLStreamException;

import org.c2cgateway.security.SecurityCheckException;
import org.c2cgateway.xml.XmlLimitException;
import org.c2cgateway.xml.XmlLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The common first steps for anything we receive: MIME unpacking, hardened XML parsing, SOAP 1.2
 * check, locating eb:Messaging. Everything that fails here is a packaging problem (ebMS 0009). The
 * envelope's structure is checked against its {@link XmlLimits} before it becomes a DOM.
 */
record InboundEnvelope(MimeMultipart.Parsed mime, Document doc, Element messaging) {

    static InboundEnvelope parse(byte[] body, String contentType) throws As4Exception {
        return parse(body, contentType, XmlLimits.SOAP_ENVELOPE);
    }

    static InboundEnvelope parse(byte[] body, String contentType, XmlLimits limits) throws As4Exception {
        if (body == null || body.length == 0) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the message body is empty", null);
        }
        MimeMultipart.Parsed mime;
        try {
            mime = MimeMultipart.parse(contentType, body);
        } catch (IllegalArgumentException e) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "malformed MIME package: " + e.getMessage(), null, e);
        }
        Document doc;
        try {
            limits.check(mime.root().content());
            doc = XmlParsers.parse(mime.root().content());
        } catch (XmlLimitException e) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the SOAP envelope is refused: " + e.getMessage(), null, e);
        } catch (XMLStreamException | SAXException | IOException e) {
            throw new As4Exception(EbmsError.INVALID_HEADER,
                    "the SOAP part is not well-formed XML: " + e.getMessage(), null, e);
        }
        Element header = SoapEnvelopes.requireSoap12Header(doc);
        return new InboundEnvelope(mime, doc, EbmsHeaderReader.messaging(header));
    }

    /** The SOAP envelope bytes as received. */
    byte[] rootBytes() {
        return mime.root().content();
    }

    /** Maps a WS-Security failure to the ebMS error that names its real cause. */
    static As4Exception securityFailure(SecurityCheckException e, String refToMessageId) {
        EbmsError error = switch (e.reason()) {
            case POLICY_VIOLATION -> EbmsError.POLICY_NONCOMPLIANCE;
            case AUTHENTICATION_FAILED -> EbmsError.FAILED_AUTHENTICATION;
            case DECRYPTION_FAILED -> EbmsError.FAILED_DECRYPTION;
        };
        return new As4Exception(error, e.getMessage(), refToMessageId, e);
    }
}

package org.c2cgateway.as4;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.c2cgateway.xml.HardenedXml;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hardened XML parsing and plain serialisation.
 *
 * <p>Partner messages are untrusted input: DOCTYPE declarations are refused outright (no DTD
 * means no XXE and no entity-expansion bombs), external DTDs/schemas are never fetched, and
 * XInclude is off. Parsers are not thread-safe, so each thread keeps its own.
 */
final class XmlParsers {

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmlParsers::newBuilder);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(XmlParsers::newSerializer);

    private XmlParsers() {
    }

    /** Parses untrusted bytes; throws SAXException on anything malformed or with a DOCTYPE. */
    static Document parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } finally {
            builder.reset();
            builder.setErrorHandler(new DefaultHandler());
        }
    }

    static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** Serialises as UTF-8 with an XML declaration, without re-indenting (which would break signatures). */
    static byte[] serialize(Document doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        doc.setXmlStandalone(true); // no standalone="no" in the declaration, like other AS4 peers
        try {
            SERIALIZER.get().transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
        return out.toByteArray();
    }

    private static DocumentBuilder newBuilder() {
        return HardenedXml.newDocumentBuilder();
    }

    private static Transformer newSerializer() {
        return HardenedXml.newSerializer();
    }
}

package org.c2cgateway.as4;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.c2cgateway.as4.EbmsNames.SOAP11_NS;
import static org.c2cgateway.as4.EbmsNames.SOAP12_NS;
import static org.c2cgateway.as4.EbmsNames.WSU_NS;
import static org.c2cgateway.as4.EbmsNames.XMLNS_NS;

/**
 * Creates and checks SOAP 1.2 envelopes.
 *
 * <p>We write the {@code S12} prefix like phase4 (WSS4J then puts {@code PrefixList="S12"} in the
 * exc-c14n transforms, as in the captures), but never rely on prefixes when reading.
 */
final class SoapEnvelopes {

    /** A new envelope with an empty Header and an empty, wsu:Id-carrying Body. */
    record Envelope(Document doc, Element header, Element body, String bodyId) {
    }

    private SoapEnvelopes() {
    }

    static Envelope create() {
        Document doc = XmlParsers.newDocument();
        Element envelope = doc.createElementNS(SOAP12_NS, "S12:Envelope");
        envelope.setAttributeNS(XMLNS_NS, "xmlns:S12", SOAP12_NS);
        doc.appendChild(envelope);
        Element header = doc.createElementNS(SOAP12_NS, "S12:Header");
        envelope.appendChild(header);
        Element body = doc.createElementNS(SOAP12_NS, "S12:Body");
        body.setAttributeNS(XMLNS_NS, "xmlns:wsu", WSU_NS);
        String bodyId = newWsuId("body");
        body.setAttributeNS(WSU_NS, "wsu:Id", bodyId);
        envelope.appendChild(body);
        return new Envelope(doc, header, body, bodyId);
    }

    /** A fresh XML ID; the prefix keeps it a valid NCName (a UUID may start with a digit). */
    static String newWsuId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Checks that {@code doc} is a SOAP 1.2 envelope and returns its Header. */
    static Element requireSoap12Header(Document doc) throws As4Exception {
        Element envelope = doc.getDocumentElement();
        if (envelope == null || !"Envelope".equals(envelope.getLocalName())) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the root part is not a SOAP envelope", null);
        }
        if (SOAP11_NS.equals(envelope.getNamespaceURI())) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "SOAP 1.1 is not supported; AS4 uses SOAP 1.2", null);
        }
        if (!SOAP12_NS.equals(envelope.getNamespaceURI())) {
            throw new As4Exception(EbmsError.INVALID_HEADER,
                    "the root element is not a SOAP 1.2 Envelope: {" + envelope.getNamespaceURI() + "}Envelope", null);
        }
        Element header = child(envelope, SOAP12_NS, "Header");
        if (header == null) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the SOAP envelope has no Header", null);
        }
        requireHeaderThenBody(envelope);
        return header;
    }

    /**
     * SOAP 1.2 allows exactly a Header and a Body in an Envelope, in that order. Anything else (a second
     * Body, say, holding a signed original while the first holds a forgery) is refused before anyone has
     * to decide which of them counts.
     */
    private static void requireHeaderThenBody(Element envelope) throws As4Exception {
        List<String> children = new ArrayList<>();
        for (Node n = envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(SOAP12_NS.equals(e.getNamespaceURI()) ? e.getLocalName()
                        : "{" + e.getNamespaceURI() + "}" + e.getLocalName());
            }
        }
        if (!children.equals(List.of("Header", "Body"))) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "a SOAP 1.2 Envelope must contain a Header and then a "
                    + "Body, nothing else; this one contains " + children.size() + " elements: "
                    + String.join(", ", children.subList(0, Math.min(4, children.size())))
                    + (children.size() > 4 ? ", ..." : ""), null);
        }
    }

    static Element body(Document doc) {
        return child(doc.getDocumentElement(), SOAP12_NS, "Body");
    }

    static String wsuId(Element e) {
        return e.getAttributeNS(WSU_NS, "Id");
    }

    /** The first child element with this namespace and local name, or null. */
    static Element child(Element parent, String ns, String localName) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}

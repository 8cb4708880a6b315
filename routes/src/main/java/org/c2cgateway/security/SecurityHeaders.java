package org.c2cgateway.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.c2cgateway.security.SecurityCheckException.Reason.AUTHENTICATION_FAILED;
import static org.c2cgateway.security.SecurityCheckException.Reason.POLICY_VIOLATION;

/**
 * Finds the wsse:Security header and its signature before WSS4J runs, so that "not secured at
 * all" and "not signed" are reported as policy violations with a precise reason, and so that a
 * second Security header or Signature, or an id used twice (room for wrapping tricks), is refused
 * outright.
 */
final class SecurityHeaders {

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    private SecurityHeaders() {
    }

    /** The one wsse:Security header addressed to us; refuses none, empty or several. */
    static Element securityHeader(Document envelope) throws SecurityCheckException {
        Element header = firstChild(envelope.getDocumentElement(), "Header");
        List<Element> found = new ArrayList<>();
        for (Node n = header == null ? null : header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSConstants.WSSE_NS.equals(e.getNamespaceURI())
                    && "Security".equals(e.getLocalName()) && forUs(e)) {
                found.add(e);
            }
        }
        if (found.isEmpty()) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the message has no wsse:Security header");
        }
        if (found.size() > 1) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the message has more than one wsse:Security header");
        }
        if (firstChild(found.get(0), null) == null) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the wsse:Security header is empty");
        }
        return found.get(0);
    }

    private static boolean forUs(Element security) {
        String role = security.getAttributeNS(envelopeNs(security), "role");
        String actor = security.getAttributeNS(envelopeNs(security), "actor");
        return (role.isEmpty() || ULTIMATE_RECEIVER.equals(role)) && actor.isEmpty();
    }

    private static String envelopeNs(Element e) {
        return e.getOwnerDocument().getDocumentElement().getNamespaceURI();
    }

    /**
     * Refuses a document in which two elements carry the same id: a signature reference to that id could
     * then be resolved to either, which is what a wrapping attack that copies a signed element, id and all,
     * relies on. Ids are the attributes XML signature references resolve: wsu:Id, xml:id, and Id or ID.
     */
    static void requireUniqueIds(Document envelope) throws SecurityCheckException {
        Set<String> seen = new HashSet<>();
        NodeList all = envelope.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String id : List.of(e.getAttributeNS(WSConstants.WSU_NS, "Id"), e.getAttributeNS(XML_NS, "id"),
                    e.getAttributeNS(null, "Id"), e.getAttributeNS(null, "ID"))) {
                if (!id.isEmpty() && !seen.add(id)) {
                    throw new SecurityCheckException(AUTHENTICATION_FAILED, "two elements carry the id '" + id
                            + "', so what the signature covers is ambiguous (signature wrapping)");
                }
            }
        }
    }

    static Element singleSignature(Element security) throws SecurityCheckException {
        Element signature = null;
        for (Node n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSConstants.SIG_NS.equals(e.getNamespaceURI())
                    && "Signature".equals(e.getLocalName())) {
                if (signature != null) {
                    throw new SecurityCheckException(POLICY_VIOLATION, "the message carries more than one signature");
                }
                signature = e;
            }
        }
        if (signature == null) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the message is not signed (no ds:Signature)");
        }
        return signature;
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                return e;
            }
        }
        return null;
    }
}

package org.c2cgateway.model;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A comparable outline of an XML document: every element with its namespace, in order, and the
 * exact text of every leaf. Indentation between elements and comments are left out, so two
 * documents with the same outline carry the same notification.
 */
final class XmlEquivalence {

    private XmlEquivalence() {
    }

    static String outline(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            StringBuilder out = new StringBuilder();
            append(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement(), "", out);
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("not parseable: " + e.getMessage(), e);
        }
    }

    private static void append(Element element, String indent, StringBuilder out) {
        out.append(indent).append('{').append(element.getNamespaceURI()).append('}').append(element.getLocalName());
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                out.append(" @").append(attribute.getNodeName()).append('=').append(attribute.getNodeValue());
            }
        }
        boolean hasChildElements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            hasChildElements |= child instanceof Element;
        }
        if (!hasChildElements) {
            out.append(" = [").append(element.getTextContent()).append("]\n");
            return;
        }
        out.append('\n');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                append(childElement, indent + "  ", out);
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                out.append(indent).append("  text [").append(child.getNodeValue()).append("]\n");
            }
        }
    }
}

package org.c2cgateway.xml;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How much structure an untrusted XML document may have before it is parsed into a DOM. A DOM costs far
 * more memory than the bytes it came from (a request of {@code <a/>} repeated is tens of bytes of heap
 * per four bytes received), and deep nesting makes every later recursive walk (canonicalisation,
 * signature references) a stack overflow waiting to happen. So the document is first streamed through
 * a StAX reader, which keeps nothing, and refused at the first element past a limit, naming it.
 *
 * @param maxDepth                 the deepest element nesting allowed (the root is at depth 1); at most
 *                                 {@link HardenedXml#MAX_ELEMENT_DEPTH}
 * @param maxElements              the most elements a document may have
 * @param maxAttributesPerElement  the most attributes one element may carry, namespace declarations included
 */
public record XmlLimits(int maxDepth, int maxElements, int maxAttributesPerElement) {

    /**
     * Generous for a SOAP envelope: an AS4 user message is about ten deep and has about a hundred and
     * fifty elements, none with more than a dozen attributes and namespace declarations.
     */
    public static final XmlLimits SOAP_ENVELOPE = new XmlLimits(64, 5_000, 64);

    public XmlLimits {
        if (maxDepth < 1 || maxElements < 1 || maxAttributesPerElement < 1) {
            throw new IllegalArgumentException("XML limits must be positive: " + this);
        }
        if (maxDepth > HardenedXml.MAX_ELEMENT_DEPTH) {
            throw new IllegalArgumentException("no parser accepts nesting deeper than " + HardenedXml.MAX_ELEMENT_DEPTH
                    + ", so a maximum depth of " + maxDepth + " cannot be configured");
        }
    }

    /**
     * Streams through {@code xml} once and refuses it at the first limit it passes, or at a DOCTYPE (no
     * DTD means no external entity and no entity expansion).
     *
     * @throws XmlLimitException   naming the limit and its value
     * @throws XMLStreamException  if the document is not well-formed
     */
    public void check(byte[] xml) throws XmlLimitException, XMLStreamException {
        XMLStreamReader reader = HardenedXml.newInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            int depth = 0;
            int elements = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new XmlLimitException("a DOCTYPE declaration is not allowed "
                            + "(no DTDs, so no external entities and no entity expansion)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        elements++;
                        if (depth > maxDepth) {
                            throw new XmlLimitException("element <" + reader.getLocalName() + "> is nested " + depth
                                    + " deep, more than the maximum XML nesting depth of " + maxDepth);
                        }
                        if (elements > maxElements) {
                            throw new XmlLimitException("the document has more than the maximum of " + maxElements
                                    + " XML elements");
                        }
                        int attributes = reader.getAttributeCount() + reader.getNamespaceCount();
                        if (attributes > maxAttributesPerElement) {
                            throw new XmlLimitException("element <" + reader.getLocalName() + "> has " + attributes
                                    + " attributes and namespace declarations, more than the maximum of "
                                    + maxAttributesPerElement + " per element");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                        // text, comments and processing instructions cost nothing a DOM keeps beyond their bytes
                    }
                }
            }
        } finally {
            reader.close();
        }
    }
}

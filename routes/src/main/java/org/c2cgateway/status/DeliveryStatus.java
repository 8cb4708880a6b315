package org.c2cgateway.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.Objects;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.c2cgateway.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a receiving gateway tells the sender once its national system took a notification: which message,
 * how it was taken, when, on which node and through which national channel. It carries no customs data, so
 * it is small and its own format rather than a notification.
 *
 * @param refToMessageId the gateway message id of the notification, as both gateways know it
 * @param at             when the national system took it, on the receiving gateway's clock
 * @param node           the receiving gateway node that recorded it
 * @param channel        the national delivery channel, as the receiving gateway's trace names it
 */
public record DeliveryStatus(String refToMessageId, Kind kind, Instant at, String node, String channel) {

    /** The payload's namespace, versioned like the notification model's. */
    public static final String NAMESPACE = "urn:c2c-gateway:delivery-status:v1";
    static final int MAX_MESSAGE_ID = 200;
    static final int MAX_NODE = 100;
    static final int MAX_CHANNEL = 500;
    /** A payload is a few hundred bytes; anything much larger is not one. */
    static final int MAX_BYTES = 4_096;

    /** How the national system took it: each is one step of the receiving gateway's trace. */
    public enum Kind {
        /** Pushed to the national webhook (answered 2xx), or put on the national system's delivery queue. */
        DELIVERED,
        /** Read from the pull inbox and acknowledged by the national system. */
        ACKNOWLEDGED
    }

    public DeliveryStatus {
        require(refToMessageId, "RefToMessageId", MAX_MESSAGE_ID);
        Objects.requireNonNull(kind, "Status");
        Objects.requireNonNull(at, "At");
        require(node, "Node", MAX_NODE);
        require(channel, "Channel", MAX_CHANNEL);
    }

    /** The step reported, as one key: a notification's id and the kind; a batch reports each step once. */
    public String step() {
        return refToMessageId + "/" + kind;
    }

    /** The payload as it travels: UTF-8 XML in {@link #NAMESPACE}. */
    public byte[] toXml() {
        return document(xml -> write(xml, true));
    }

    /** This status as one element, declaring the namespace when it is the document's root. */
    void write(XMLStreamWriter xml, boolean root) throws XMLStreamException {
        xml.writeStartElement("", "DeliveryStatus", NAMESPACE);
        if (root) {
            xml.writeDefaultNamespace(NAMESPACE);
        }
        element(xml, "RefToMessageId", refToMessageId);
        element(xml, "Status", kind.name());
        element(xml, "At", at.toString());
        element(xml, "Node", node);
        element(xml, "Channel", channel);
        xml.writeEndElement();
    }

    /** What writes a document's root element. */
    interface Content {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A UTF-8 document holding what {@code content} writes. */
    static byte[] document(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            content.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a delivery status", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a partner's payload of one status, which is untrusted: a hardened parser, bounded sizes, every field
     * required once, nothing else allowed.
     *
     * @throws DeliveryStatusFormatException naming the field at fault
     */
    public static DeliveryStatus parse(byte[] xml) throws DeliveryStatusFormatException {
        Element root = parseDocument(xml, MAX_BYTES);
        if (!isStatus(root)) {
            throw new DeliveryStatusFormatException("DeliveryStatus", "the root element is {" + root.getNamespaceURI()
                    + "}" + root.getLocalName() + ", not {" + NAMESPACE + "}DeliveryStatus");
        }
        return read(root);
    }

    static boolean isStatus(Element element) {
        return NAMESPACE.equals(element.getNamespaceURI()) && "DeliveryStatus".equals(element.getLocalName());
    }

    /** One status element: every field required once, nothing else allowed. */
    static DeliveryStatus read(Element element) throws DeliveryStatusFormatException {
        Fields fields = new Fields(element);
        String kind = fields.text("Status", 20);
        String at = fields.text("At", 40);
        DeliveryStatus status;
        try {
            status = new DeliveryStatus(fields.text("RefToMessageId", MAX_MESSAGE_ID), kindOf(kind), instantOf(at),
                    fields.text("Node", MAX_NODE), fields.text("Channel", MAX_CHANNEL));
        } catch (IllegalArgumentException e) {
            throw new DeliveryStatusFormatException("DeliveryStatus", e.getMessage());
        }
        fields.requireNoOthers();
        return status;
    }

    /** The root element of an untrusted payload of at most {@code maxBytes}, read by a hardened parser. */
    static Element parseDocument(byte[] xml, int maxBytes) throws DeliveryStatusFormatException {
        requireSize(xml, maxBytes);
        return parseDocument(xml).getDocumentElement();
    }

    static void requireSize(byte[] xml, int maxBytes) throws DeliveryStatusFormatException {
        if (xml == null || xml.length == 0) {
            throw new DeliveryStatusFormatException("DeliveryStatus", "the payload is empty");
        }
        if (xml.length > maxBytes) {
            throw new DeliveryStatusFormatException("DeliveryStatus", "the payload has " + xml.length
                    + " bytes, more than the " + maxBytes + " a delivery status may have");
        }
    }

    private static Document parseDocument(byte[] xml) throws DeliveryStatusFormatException {
        DocumentBuilder builder = HardenedXml.newDocumentBuilder();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new DeliveryStatusFormatException("DeliveryStatus", "not well-formed XML: " + e.getMessage());
        }
    }

    private static Kind kindOf(String text) throws DeliveryStatusFormatException {
        try {
            return Kind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new DeliveryStatusFormatException("Status", "'" + text + "' is none of DELIVERED, ACKNOWLEDGED");
        }
    }

    private static Instant instantOf(String text) throws DeliveryStatusFormatException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new DeliveryStatusFormatException("At", "'" + text + "' is no UTC instant (such as 2026-03-01T10:15:30Z)");
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters, more than " + max);
        }
    }

    /** The root's child elements, each once, in any order, and no others. */
    private static final class Fields {

        private static final Set<String> NAMES = Set.of("RefToMessageId", "Status", "At", "Node", "Channel");

        private final Element root;

        Fields(Element root) {
            this.root = root;
        }

        String text(String name, int max) throws DeliveryStatusFormatException {
            Element found = null;
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                    if (found != null) {
                        throw new DeliveryStatusFormatException(name, "appears more than once");
                    }
                    found = e;
                }
            }
            if (found == null) {
                throw new DeliveryStatusFormatException(name, "is missing");
            }
            for (Node n = found.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    throw new DeliveryStatusFormatException(name, "must hold text only");
                }
            }
            String text = found.getTextContent().strip();
            if (text.isEmpty()) {
                throw new DeliveryStatusFormatException(name, "is empty");
            }
            if (text.length() > max) {
                throw new DeliveryStatusFormatException(name, "has " + text.length() + " characters, more than " + max);
            }
            return text;
        }

        void requireNoOthers() throws DeliveryStatusFormatException {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && !(NAMESPACE.equals(e.getNamespaceURI()) && NAMES.contains(e.getLocalName()))) {
                    throw new DeliveryStatusFormatException(e.getLocalName(), "is not part of a delivery status");
                }
            }
        }
    }
}

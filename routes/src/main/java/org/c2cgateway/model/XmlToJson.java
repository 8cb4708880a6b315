package org.c2cgateway.model;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.c2cgateway.xml.HardenedXml;
import org.c2cgateway.model.SchemaStructure.ChildElement;
import org.c2cgateway.model.SchemaStructure.ComplexType;
import org.c2cgateway.model.SchemaStructure.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a notification in the canonical XML form into its JSON tree, guided by the schema: elements
 * declared repeatable become arrays, numeric values become numbers when JSON can carry their exact
 * lexical form (otherwise strings, so the round trip is exact), everything else strings.
 *
 * <p>The input is meant to be a valid notification. Anything the JSON form cannot express (an
 * element the schema does not declare, an attribute, text between elements, a repeated single
 * element) is refused rather than guessed at. The parser is the JDK's StAX with DTDs and external
 * entities off, and element nesting is bounded.
 */
final class XmlToJson {

    /** Deepest element nesting accepted; the schema itself needs 5. */
    static final int MAX_ELEMENT_DEPTH = 32;

    private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern JSON_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final SchemaStructure schema;
    private final XMLStreamReader reader;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    private XmlToJson(SchemaStructure schema, XMLStreamReader reader) {
        this.schema = schema;
        this.reader = reader;
    }

    static ObjectNode convert(SchemaStructure schema, byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.newInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            return new XmlToJson(schema, reader).readDocument();
        } catch (XMLStreamException e) {
            throw new NotificationFormatException("", "not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    private ObjectNode readDocument() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new NotificationFormatException("", "a DOCTYPE is not allowed in a notification");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                String at = "/" + name;
                checkNamespaceAndAttributes(at);
                ChildElement root = schema.root(name).orElseThrow(() -> new NotificationFormatException(at,
                        "root element " + name + " is not a known notification"));
                ObjectNode document = nodes.objectNode();
                document.set(name, readComplex(schema.complexType(root), at, 1));
                return document;
            }
        }
        throw new NotificationFormatException("", "notification has no root element");
    }

    /** Reads the children of the current element up to and including its end tag. */
    private ObjectNode readComplex(ComplexType type, String at, int depth) throws XMLStreamException {
        if (depth >= MAX_ELEMENT_DEPTH) {
            throw new NotificationFormatException(at, "elements nested deeper than " + MAX_ELEMENT_DEPTH);
        }
        ObjectNode object = nodes.objectNode();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> readChild(type, object, at, depth);
                case XMLStreamConstants.END_ELEMENT -> {
                    return object;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!reader.isWhiteSpace() && !reader.getText().isBlank()) {
                        throw new NotificationFormatException(at, "text between elements has no JSON form");
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new NotificationFormatException(at, "entity references are not allowed");
                default -> {
                    // Comments, processing instructions and ignorable white space carry no data.
                }
            }
        }
    }

    private void readChild(ComplexType type, ObjectNode object, String parentPath, int depth) throws XMLStreamException {
        String name = reader.getLocalName();
        String at = parentPath + "/" + name;
        checkNamespaceAndAttributes(at);
        ChildElement child = type.child(name).orElseThrow(() -> new NotificationFormatException(at,
                "element " + name + " is not declared in " + type.name()));
        JsonNode value = child.kind() == Kind.COMPLEX
                ? readComplex(schema.complexType(child), at, depth + 1)
                : simpleValue(child.kind(), readText(at));
        if (child.repeatable()) {
            JsonNode existing = object.get(name);
            ArrayNode items = existing == null ? object.putArray(name) : (ArrayNode) existing;
            items.add(value);
        } else if (object.has(name)) {
            throw new NotificationFormatException(at, name + " occurs more than once but is not repeatable");
        } else {
            object.set(name, value);
        }
    }

    private String readText(String at) throws XMLStreamException {
        try {
            return reader.getElementText();
        } catch (XMLStreamException e) {
            throw new NotificationFormatException(at, "expected a value, found child elements", e);
        }
    }

    /** A number only when JSON writes it back with exactly the same characters (not 007, +5 or -0). */
    private JsonNode simpleValue(Kind kind, String text) {
        if (kind == Kind.NUMBER) {
            if (JSON_INTEGER.matcher(text).matches() && new BigInteger(text).toString().equals(text)) {
                return nodes.numberNode(new BigInteger(text));
            }
            if (JSON_DECIMAL.matcher(text).matches() && new BigDecimal(text).toPlainString().equals(text)) {
                return nodes.numberNode(new BigDecimal(text));
            }
        }
        return nodes.textNode(text);
    }

    private void checkNamespaceAndAttributes(String at) {
        if (!CanonicalSchema.NAMESPACE.equals(reader.getNamespaceURI())) {
            throw new NotificationFormatException(at, "element is not in namespace " + CanonicalSchema.NAMESPACE);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (!XSI.equals(reader.getAttributeNamespace(i))) {
                throw new NotificationFormatException(at, "attribute " + reader.getAttributeLocalName(i)
                        + " has no JSON form");
            }
        }
    }


    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing to release: the input is an in-memory array.
            }
        }
    }
}

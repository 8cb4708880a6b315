package org.c2cgateway.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.c2cgateway.model.SchemaStructure.ChildElement;
import org.c2cgateway.model.SchemaStructure.ComplexType;
import org.c2cgateway.model.SchemaStructure.Kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a parsed JSON notification as canonical XML: known elements in schema order, then any
 * field the schema does not know, as an element where the client put it in its object, so that
 * validation reports it rather than the gateway dropping it. Nothing is validated here.
 *
 * <p>One instance per conversion (it holds the writer).
 */
final class JsonToXml {

    /** ASCII subset of an XML NCName: what an unknown field must look like to become an element. */
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final String INDENT = "    ";

    private final SchemaStructure schema;
    private final XMLStreamWriter writer;

    private JsonToXml(SchemaStructure schema, XMLStreamWriter writer) {
        this.schema = schema;
        this.writer = writer;
    }

    static byte[] convert(SchemaStructure schema, JsonNode document) {
        ChildElement root = rootOf(schema, document);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            new JsonToXml(schema, writer).writeRoot(root, document.get(root.name()));
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static ChildElement rootOf(SchemaStructure schema, JsonNode document) {
        String expected = String.join(" or ", schema.rootNames().stream().sorted().toList());
        if (!document.isObject() || document.size() != 1) {
            throw new NotificationFormatException("", "expected an object with exactly one field, " + expected);
        }
        String name = document.fieldNames().next();
        ChildElement root = schema.root(name).orElseThrow(() -> new NotificationFormatException(
                pointer("", name), "unknown notification " + name + "; expected " + expected));
        if (!document.get(name).isObject()) {
            throw new NotificationFormatException(pointer("", name), "expected an object, found " + typeOf(document.get(name)));
        }
        return root;
    }

    private void writeRoot(ChildElement root, JsonNode value) throws XMLStreamException {
        writer.setDefaultNamespace(CanonicalSchema.NAMESPACE);
        writer.writeCharacters("\n");
        writer.writeStartElement(CanonicalSchema.NAMESPACE, root.name());
        writer.writeDefaultNamespace(CanonicalSchema.NAMESPACE);
        writeComplexContent(schema.complexType(root), value, pointer("", root.name()), 1);
        writer.writeEndElement();
    }

    /** Fields of an object: the type's elements in schema order, then unknown ones in the client's order. */
    private void writeComplexContent(ComplexType type, JsonNode object, String at, int depth)
            throws XMLStreamException {
        for (ChildElement child : type.children()) {
            JsonNode value = object.get(child.name());
            if (value != null) {
                writeOccurrences(Optional.of(child), child.name(), value, pointer(at, child.name()), depth);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (type.child(field.getKey()).isEmpty()) {
                writeOccurrences(Optional.empty(), field.getKey(), field.getValue(), pointer(at, field.getKey()), depth);
            }
        }
        newLine(depth - 1);
    }

    /** An array is one element per item, whether or not the schema lets the element repeat. */
    private void writeOccurrences(Optional<ChildElement> declaration, String name, JsonNode value, String at, int depth)
            throws XMLStreamException {
        if (!value.isArray()) {
            writeElement(declaration, name, value, at, depth);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isArray()) {
                throw new NotificationFormatException(at + "/" + i, "an array inside an array has no XML form");
            }
            writeElement(declaration, name, item, at + "/" + i, depth);
        }
    }

    private void writeElement(Optional<ChildElement> declaration, String name, JsonNode value, String at, int depth)
            throws XMLStreamException {
        if (declaration.isEmpty() && !ELEMENT_NAME.matcher(name).matches()) {
            throw new NotificationFormatException(at, "field name '" + name + "' cannot be an XML element name");
        }
        Kind kind = declaration.map(ChildElement::kind).orElse(value.isObject() ? Kind.COMPLEX : Kind.TEXT);
        if (kind == Kind.COMPLEX && !value.isObject()) {
            throw new NotificationFormatException(at, "expected an object, found " + typeOf(value));
        }
        if (kind != Kind.COMPLEX && value.isContainerNode()) {
            throw new NotificationFormatException(at, "expected a string or number, found " + typeOf(value));
        }
        newLine(depth);
        writer.writeStartElement(name);
        if (kind == Kind.COMPLEX) {
            if (declaration.isPresent()) {
                writeComplexContent(schema.complexType(declaration.get()), value, at, depth + 1);
            } else {
                writeUnknownContent(value, at, depth + 1);
            }
        } else {
            writer.writeCharacters(checkedText(scalarText(value), at));
        }
        writer.writeEndElement();
    }

    private void writeUnknownContent(JsonNode object, String at, int depth) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            writeOccurrences(Optional.empty(), field.getKey(), field.getValue(), pointer(at, field.getKey()), depth);
        }
        if (!object.isEmpty()) {
            newLine(depth - 1);
        }
    }

    private void newLine(int depth) throws XMLStreamException {
        writer.writeCharacters("\n" + INDENT.repeat(depth));
    }

    /** Numbers keep their digits and scale (1.50 stays 1.50); null is an empty element. */
    private static String scalarText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }

    /** Characters XML 1.0 cannot carry would make the document not well-formed, so they are refused here. */
    private static String checkedText(String text, String at) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)));
            if (!allowed) {
                throw new NotificationFormatException(at, String.format("character U+%04X cannot appear in XML", (int) c));
            }
        }
        return text;
    }

    private static String typeOf(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** RFC 6901 pointer step. */
    static String pointer(String parent, String field) {
        return parent + "/" + field.replace("~", "~0").replace("/", "~1");
    }
}

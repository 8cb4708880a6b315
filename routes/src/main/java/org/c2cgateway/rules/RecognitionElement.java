package org.c2cgateway.rules;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.xml.HardenedXml;

/**
 * Writes {@link RecognitionMarks} into a notification as its last child, the {@code Recognition} element of
 * the canonical schema, so the national system reads them in the one document it receives, whatever the
 * delivery channel.
 *
 * <p>A streaming copy: everything the partner sent is written back as it was read (prefixes, comments
 * included), and the element goes just before the root's end tag, in the root's prefix.
 */
public final class RecognitionElement {

    static final String NAMESPACE = CanonicalSchema.NAMESPACE;
    private static final XMLInputFactory INPUTS = HardenedXml.sharedStreamingInputs();
    private static final XMLOutputFactory OUTPUTS = XMLOutputFactory.newDefaultFactory();

    private RecognitionElement() {
    }

    /**
     * The notification with its {@code Recognition} element appended (replacing none: senders may not send one).
     *
     * @throws IllegalArgumentException if the notification already carries one (rule C2C-RECOGNITION), is not
     *                                  well-formed, or the marks cannot be written schema-valid (a recognised
     *                                  AEO without benefits, recognised seals without practices)
     */
    public static byte[] append(byte[] xml, RecognitionMarks marks) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(marks, "marks");
        StringWriter text = new StringWriter(xml.length + 1024);
        try {
            XMLStreamReader reader = INPUTS.createXMLStreamReader(new ByteArrayInputStream(xml));
            // Into characters, encoded once at the end: given a stream, the JDK's writer encodes character by
            // character, which took half the pass's time (MinimisationBenchmark with -prof stack)
            XMLStreamWriter writer = OUTPUTS.createXMLStreamWriter(text);
            try {
                copyWithMarks(reader, writer, marks);
            } finally {
                reader.close();
                writer.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("notification is not well-formed XML: " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void copyWithMarks(XMLStreamReader reader, XMLStreamWriter writer, RecognitionMarks marks)
            throws XMLStreamException {
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeCharacters("\n");
        int depth = 0;
        String rootPrefix = "";
        // white space between the root's children is held back, so the element can take the last child's
        // indentation and the root's end tag keep its own
        StringBuilder heldSpace = new StringBuilder();
        String childIndent = "";
        while (reader.hasNext()) {
            int event = reader.next();
            if (depth == 1 && event != XMLStreamConstants.END_ELEMENT && !heldSpace.isEmpty()) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    childIndent = heldSpace.toString();
                }
                if (!isWhiteSpace(reader, event)) {
                    writer.writeCharacters(heldSpace.toString());
                    heldSpace.setLength(0);
                }
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth == 0) {
                        rootPrefix = reader.getPrefix() == null ? "" : reader.getPrefix();
                    } else if (depth == 1 && ElementCatalogue.RECOGNITION.equals(reader.getLocalName())
                            && NAMESPACE.equals(reader.getNamespaceURI())) {
                        throw new IllegalArgumentException("notification already carries a Recognition element; "
                                + "only the receiving gateway sets it (C2C-RECOGNITION)");
                    }
                    depth++;
                    copyStart(reader, writer);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        writer.writeCharacters(childIndent);
                        new RecognitionMarksWriter(writer, rootPrefix).write(marks);
                        writer.writeCharacters(heldSpace.toString());
                    }
                    writer.writeEndElement();
                    endPrologLine(writer, depth);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (depth == 1 && reader.isWhiteSpace()) {
                        heldSpace.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    } else {
                        writer.writeCharacters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                case XMLStreamConstants.CDATA -> writer.writeCData(reader.getText());
                case XMLStreamConstants.COMMENT -> {
                    writer.writeComment(reader.getText());
                    endPrologLine(writer, depth);
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    writer.writeProcessingInstruction(reader.getPITarget(), reader.getPIData());
                    endPrologLine(writer, depth);
                }
                default -> {
                    // start and end of document are written above; a DTD cannot get past the hardened reader
                }
            }
        }
        writer.writeEndDocument();
    }

    /** Ends the line of something outside the root element (the reader reports no white space there). */
    private static void endPrologLine(XMLStreamWriter writer, int depth) throws XMLStreamException {
        if (depth == 0) {
            writer.writeCharacters("\n");
        }
    }

    private static boolean isWhiteSpace(XMLStreamReader reader, int event) {
        return (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) && reader.isWhiteSpace();
    }

    private static void copyStart(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        writer.writeStartElement(prefix, reader.getLocalName(), namespace);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            if (declared == null || declared.isEmpty()) {
                writer.writeDefaultNamespace(reader.getNamespaceURI(i));
            } else {
                writer.writeNamespace(declared, reader.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributePrefix = reader.getAttributePrefix(i);
            String attributeNamespace = reader.getAttributeNamespace(i);
            writer.writeAttribute(attributePrefix == null ? "" : attributePrefix,
                    attributeNamespace == null ? "" : attributeNamespace, reader.getAttributeLocalName(i),
                    reader.getAttributeValue(i));
        }
    }
}

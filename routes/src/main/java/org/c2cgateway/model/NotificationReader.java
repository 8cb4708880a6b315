package org.c2cgateway.model;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;


import org.c2cgateway.xml.HardenedXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@link NotificationHeader} of a notification that has already passed schema
 * validation. It streams through the header and stops as soon as it has the fields, so the size of
 * the goods list does not matter.
 *
 * <p>Even on validated input the parser is hardened (no DTD, no external entities): the reader is
 * public and might one day be handed something that was not validated. It uses the JDK's own StAX
 * implementation rather than whichever one the classpath offers, so the hardening properties are
 * known to be honoured.
 *
 * <p>Thread-safe: StAX factories are not, so each call makes its own (which is cheap).
 */
public final class NotificationReader {

    private static final String MESSAGE_ID = "MessageId";
    private static final String MRN = "MRN";
    private static final String OFFICE_OF_EXIT = "OfficeOfExit";
    private static final String OFFICE_OF_ENTRY = "OfficeOfEntry";
    private static final List<String> HEADER_FIELDS = List.of(MESSAGE_ID, MRN, OFFICE_OF_EXIT, OFFICE_OF_ENTRY);

    /**
     * Extracts the header of a validated notification.
     *
     * @throws IllegalArgumentException if the document is not well-formed, has a DOCTYPE, is not a
     *                                  known notification in {@link CanonicalSchema#NAMESPACE}, or
     *                                  lacks one of the header fields
     */
    public NotificationHeader readHeader(byte[] validatedXml) {
        Objects.requireNonNull(validatedXml, "validatedXml");
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.newInputFactory().createXMLStreamReader(new ByteArrayInputStream(validatedXml));
            NotificationType type = readRoot(reader);
            Map<String, String> fields = readHeaderFields(reader, type);
            return new NotificationHeader(type, fields.get(MESSAGE_ID), fields.get(MRN), fields.get(OFFICE_OF_EXIT),
                    fields.get(OFFICE_OF_ENTRY));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("notification is not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
    }

    private static NotificationType readRoot(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IllegalArgumentException("notification has a DOCTYPE, which is not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                String localName = reader.getLocalName();
                if (!CanonicalSchema.NAMESPACE.equals(namespace)) {
                    throw new IllegalArgumentException("root element {" + (namespace == null ? "" : namespace) + "}"
                            + localName + " is not in namespace " + CanonicalSchema.NAMESPACE);
                }
                return NotificationType.fromRootElement(localName).orElseThrow(() -> new IllegalArgumentException(
                        "root element " + localName + " is not a known notification"));
            }
        }
        throw new IllegalArgumentException("notification has no root element");
    }

    /** Reads the direct children of the root until every header field is found. */
    private static Map<String, String> readHeaderFields(XMLStreamReader reader, NotificationType type)
            throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        int depth = 1;
        while (depth > 0 && fields.size() < HEADER_FIELDS.size()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && CanonicalSchema.NAMESPACE.equals(reader.getNamespaceURI())
                        && HEADER_FIELDS.contains(reader.getLocalName())) {
                    // getElementText consumes the end tag, so the depth does not change.
                    fields.putIfAbsent(reader.getLocalName(), reader.getElementText());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        for (String field : HEADER_FIELDS) {
            if (!fields.containsKey(field)) {
                throw new IllegalArgumentException(type.rootElement() + " has no " + field);
            }
        }
        return fields;
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

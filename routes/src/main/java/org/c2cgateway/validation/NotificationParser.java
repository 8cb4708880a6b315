package org.c2cgateway.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;

import org.c2cgateway.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * Parses a notification into a DOM for the business rules, with the same hardening as the schema
 * validator's SAX parser (no DOCTYPE, nothing external, secure processing, the JDK's own parser).
 * The schema validator has already accepted the bytes by the time this runs; the hardening is here
 * so that this parser is never the weak one if that order changes.
 *
 * <p>Thread-safe: the factory is shared, each call gets its own builder.
 */
final class NotificationParser {

    private final Set<String> repeatable;

    NotificationParser(Set<String> repeatable) {
        this.repeatable = repeatable;
    }

    NotificationDocument parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder = HardenedXml.newDocumentBuilder();
        builder.setErrorHandler(HardenedXml.STRICT_ERRORS);
        return new NotificationDocument(builder.parse(new ByteArrayInputStream(xml)).getDocumentElement(), repeatable);
    }

}

package org.c2cgateway.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses a notification into a DOM for the business rules, with the same hardening as the schema
 * validator's SAX parser (no DOCTYPE, nothing external, secure processing, the JDK's own parser).
 * The schema validator has already accepted the bytes by the time this runs; the hardening is here
 * so that this parser is never the weak one if that order changes.
 *
 * <p>Thread-safe: the factory is shared, each call gets its own builder.
 */
final class NotificationParser {

    private final DocumentBuilderFactory factory;
    private final Set<String> repeatable;

    NotificationParser(Set<String> repeatable) {
        this.repeatable = repeatable;
        this.factory = newFactory();
    }

    NotificationDocument parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder;
        synchronized (factory) { // JAXP factories are not thread-safe
            try {
                builder = factory.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("cannot create a hardened DOM parser", e);
            }
        }
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // nothing the schema validator has not judged already
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return new NotificationDocument(builder.parse(new ByteArrayInputStream(xml)).getDocumentElement(), repeatable);
    }

    private static DocumentBuilderFactory newFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot harden the DOM parser", e);
        }
    }
}

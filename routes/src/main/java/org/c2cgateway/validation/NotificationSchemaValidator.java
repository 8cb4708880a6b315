package org.c2cgateway.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.xml.HardenedXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates submitted notifications against the canonical schema, version 1, and reports every
 * finding, never only the first, so a national system can correct a message in one round trip.
 *
 * <p>Input is untrusted. Payloads above the size limit are refused unread. The parser refuses any
 * DOCTYPE (which rules out XXE and entity-expansion bombs before they start), resolves nothing
 * external, and runs with secure processing on. Such documents, and documents that are not
 * well-formed, come back as findings, never as exceptions.
 *
 * <p>Finding paths: each element step is its local name, with a 1-based index when the element is
 * declared repeatable in the schema or is not the first sibling of its name, e.g.
 * {@code /PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode}. The path is the element
 * where the schema validator noticed the problem: for a bad value, the element holding it; for an
 * unexpected or misplaced element, that element; for a missing element, the element after the gap
 * (the message names what was expected) or, when nothing follows, its parent.
 *
 * <p>Rule codes: {@code XSD:<Xerces key>} (e.g. {@code XSD:cvc-pattern-valid}), {@code XSD:unknown-root},
 * {@code XML:not-well-formed}, {@code XML:dtd-forbidden}, {@code LIMIT:payload-size}, and two safety
 * stops: {@code LIMIT:element-depth} and {@code LIMIT:finding-count}. Each problem is reported once
 * (Xerces' generic {@code cvc-type.3.1.3} restatement of a bad value is dropped). Messages are in
 * English whatever the server's locale.
 *
 * <p>The JDK's own parser and schema factory are used ({@code newDefaultInstance}), not whatever the
 * classpath offers: the hardening features, the message keys and the limits above are theirs.
 *
 * <p>Thread-safe and meant to be shared: the schema is compiled once; each call gets its own parser
 * and validator.
 */
public final class NotificationSchemaValidator {

    /** Findings kept per document before validation stops; bounds the memory a hostile document can claim. */
    public static final int MAX_FINDINGS = 1000;

    /** Deepest element nesting accepted; the schema itself needs 5. */
    static final int MAX_ELEMENT_DEPTH = 32;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";
    /**
     * Secure processing caps maxOccurs at 5000 to protect against hostile schemas; ours is a trusted
     * classpath resource and allows 9999 pieces of transport equipment.
     */
    private static final String MAX_OCCUR_LIMIT = "jdk.xml.maxOccurLimit";
    private static final String SCHEMA_MAX_OCCURS = "10000";


    private final long maxPayloadBytes;
    private final Schema schema;
    private final Set<String> repeatableElements;
    private final SAXParserFactory parserFactory;

    /**
     * @param maxPayloadBytes largest payload that is parsed at all; larger ones get a single
     *                        {@code LIMIT:payload-size} finding
     * @throws IllegalStateException if the canonical schema cannot be loaded (a packaging error)
     */
    public NotificationSchemaValidator(long maxPayloadBytes) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        byte[] xsd = readSchemaResource();
        this.schema = compile(xsd);
        this.repeatableElements = RepeatableElements.in(xsd);
        this.parserFactory = newParserFactory();
    }

    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Validates one payload. Never throws for anything in the payload: every problem is a finding.
     *
     * @param xml the notification as received, in any encoding XML allows
     * @return all findings, in document order
     */
    public ValidationReport validate(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > maxPayloadBytes) {
            return new ValidationReport(List.of(new ValidationFinding("/", "LIMIT:payload-size",
                    "payload of " + xml.length + " bytes exceeds the limit of " + maxPayloadBytes + " bytes",
                    Severity.ERROR)));
        }
        ElementPath path = new ElementPath(repeatableElements);
        FindingCollector findings = new FindingCollector(path, MAX_FINDINGS);
        XMLReader reader = newReader();
        reader.setContentHandler(new PathTrackingHandler(path, newValidatorHandler(findings), findings,
                MAX_ELEMENT_DEPTH));
        try {
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (StopValidation stopped) {
            // The reason is already a finding.
        } catch (SAXParseException e) {
            recordParseFailure(findings, path, e);
        } catch (SAXException | IOException e) {
            if (!(e.getCause() instanceof StopValidation)) {
                recordQuietly(findings, new ValidationFinding(path.current(), "XML:not-well-formed",
                        String.valueOf(e.getMessage()), Severity.ERROR));
            }
        }
        return new ValidationReport(findings.findings());
    }

    private static void recordParseFailure(FindingCollector findings, ElementPath path, SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        String rule = message.contains(DISALLOW_DOCTYPE) ? "XML:dtd-forbidden" : "XML:not-well-formed";
        String text = rule.equals("XML:dtd-forbidden")
                ? "a DOCTYPE is not allowed in a notification (DTDs and entities are refused)"
                : message;
        recordQuietly(findings, new ValidationFinding(path.current(), rule,
                text + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")", Severity.ERROR));
    }

    private static void recordQuietly(FindingCollector findings, ValidationFinding finding) {
        try {
            findings.add(finding);
        } catch (StopValidation full) {
            // The finding-count limit was recorded instead; parsing has ended anyway.
        }
    }

    /** A fresh parser: parsers and validator handlers are not thread-safe, the factory and schema are shared. */
    private XMLReader newReader() {
        try {
            XMLReader reader;
            synchronized (parserFactory) { // JAXP factories are not thread-safe either
                reader = parserFactory.newSAXParser().getXMLReader();
            }
            optionally(() -> reader.setProperty(XERCES_LOCALE, Locale.ROOT));
            reader.setErrorHandler(HardenedXml.STRICT_ERRORS); // the caller turns the exception into a finding
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("hardened SAX parser unavailable", e);
        }
    }

    private ValidatorHandler newValidatorHandler(FindingCollector findings) {
        ValidatorHandler handler = schema.newValidatorHandler();
        try {
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("schema validator cannot be hardened", e);
        }
        optionally(() -> handler.setProperty(XERCES_LOCALE, Locale.ROOT));
        handler.setErrorHandler(findings);
        return handler;
    }

    private static SAXParserFactory newParserFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot harden the SAX parser", e);
        }
    }

    private static Schema compile(byte[] xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(MAX_OCCUR_LIMIT, SCHEMA_MAX_OCCURS);
            URL location = NotificationSchemaValidator.class.getResource(CanonicalSchema.XSD_RESOURCE);
            return factory.newSchema(new StreamSource(new ByteArrayInputStream(xsd), String.valueOf(location)));
        } catch (SAXException e) {
            throw new IllegalStateException("canonical schema " + CanonicalSchema.XSD_RESOURCE + " does not compile", e);
        }
    }

    static byte[] readSchemaResource() {
        try (InputStream in = NotificationSchemaValidator.class.getResourceAsStream(CanonicalSchema.XSD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("canonical schema " + CanonicalSchema.XSD_RESOURCE + " not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CanonicalSchema.XSD_RESOURCE, e);
        }
    }

    /** Sets a JDK (Xerces) property where it exists; elsewhere the default is acceptable. */
    private static void optionally(PropertySetting setting) {
        try {
            setting.apply();
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // Messages then follow the server's locale; rule codes do not depend on it.
        }
    }

    @FunctionalInterface
    private interface PropertySetting {
        void apply() throws SAXNotRecognizedException, SAXNotSupportedException;
    }
}

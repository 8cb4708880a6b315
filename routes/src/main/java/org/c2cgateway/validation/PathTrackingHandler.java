package org.c2cgateway.validation;

import java.util.Optional;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.model.NotificationType;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Sits between the parser and the schema validator. It updates the {@link ElementPath} before the
 * validator sees an element and after the validator has finished with it, so an error raised on a
 * start tag names that element, and one raised on an end tag (missing content) names the element
 * whose content is incomplete.
 *
 * <p>It also refuses, before the validator spends any work on it, a document whose root is not a
 * canonical notification, and one nested deeper than any notification can be.
 */
final class PathTrackingHandler implements ContentHandler {

    private final ElementPath path;
    private final ContentHandler validator;
    private final FindingCollector findings;
    private final int maxDepth;

    PathTrackingHandler(ElementPath path, ContentHandler validator, FindingCollector findings, int maxDepth) {
        this.path = path;
        this.validator = validator;
        this.findings = findings;
        this.maxDepth = maxDepth;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        boolean root = path.depth() == 0;
        path.enter(uri, localName);
        if (root) {
            checkRoot(uri, localName);
        }
        if (path.depth() > maxDepth) {
            findings.add("LIMIT:element-depth", "elements are nested deeper than " + maxDepth
                    + " levels; no notification is", Severity.ERROR);
            throw new StopValidation("too deep");
        }
        validator.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        validator.endElement(uri, localName, qName);
        path.leave();
    }

    private void checkRoot(String uri, String localName) throws SAXException {
        Optional<NotificationType> type = NotificationType.fromRootElement(localName);
        if (CanonicalSchema.NAMESPACE.equals(uri) && type.isPresent()) {
            return;
        }
        findings.add("XSD:unknown-root", "root element {" + uri + "}" + localName + " is not a notification; expected "
                + NotificationType.PRE_ARRIVAL.rootElement() + " or " + NotificationType.EXIT.rootElement()
                + " in namespace " + CanonicalSchema.NAMESPACE, Severity.ERROR);
        throw new StopValidation("unknown root");
    }

    // Everything else goes to the validator unchanged.

    @Override
    public void setDocumentLocator(Locator locator) {
        validator.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        validator.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        validator.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        validator.endPrefixMapping(prefix);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        validator.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        validator.skippedEntity(name);
    }
}

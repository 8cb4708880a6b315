package org.c2cgateway.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.xml.HardenedXml;
import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a {@code SubmitNotification} SOAP 1.1 request and writes its answers: the response, or a
 * SOAP fault whose detail lists every finding.
 *
 * <p>The envelope is untrusted: it is parsed with DOCTYPEs refused (no XXE, no entity bombs), nothing
 * external resolved, secure processing on. Problems with the envelope itself become findings with the
 * validator's rule codes ({@code XML:dtd-forbidden}, {@code XML:not-well-formed}) or {@code SOAP:*} codes,
 * so a national system handles one kind of answer.
 *
 * <p>The notification handed to the intake is the embedded element as a document of its own: UTF-8,
 * with an XML declaration, the namespace declarations it needs, and its content exactly as sent.
 */
final class SoapSubmissionEnvelope {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String OPERATION = "SubmitNotification";
    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";


    private SoapSubmissionEnvelope() {
    }

    /** The notification inside a request, as a standalone document; throws with the findings otherwise. */
    static byte[] notification(byte[] request) {
        Element body = body(parse(request));
        Element operation = firstElementChild(body);
        if (operation == null || !SubmissionOutcome.NAMESPACE.equals(operation.getNamespaceURI())
                || !OPERATION.equals(operation.getLocalName())) {
            throw rejected("/Envelope/Body", "SOAP:unknown-operation", "the body must hold {"
                    + SubmissionOutcome.NAMESPACE + "}" + OPERATION + ", found " + describe(operation));
        }
        Element notification = firstElementChild(operation);
        if (notification == null) {
            throw rejected("/Envelope/Body/" + OPERATION, "SOAP:no-notification",
                    OPERATION + " holds no notification element (in " + CanonicalSchema.NAMESPACE + ")");
        }
        return standalone(notification);
    }

    static byte[] response(String responseElement) {
        return envelope(responseElement);
    }

    /** A fault: {@code Client} when the submission must change, {@code Server} when the gateway failed. */
    static byte[] fault(boolean client, String reason, String detail) {
        return envelope("<soap:Fault><faultcode>soap:" + (client ? "Client" : "Server") + "</faultcode><faultstring>"
                + SubmissionOutcome.escape(reason) + "</faultstring>" + (detail == null ? "" : "<detail>" + detail + "</detail>")
                + "</soap:Fault>");
    }

    static byte[] rejectionFault(List<ValidationFinding> findings) {
        return fault(true, "the notification was rejected; nothing was queued", SubmissionOutcome.rejected(findings));
    }

    static NotificationRejectedException rejected(String path, String rule, String message) {
        return new NotificationRejectedException(List.of(new ValidationFinding(path, rule, message, Severity.ERROR)));
    }

    private static byte[] envelope(String bodyContent) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body>"
                + bodyContent + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static Document parse(byte[] request) {
        try {
            return newBuilder().parse(new ByteArrayInputStream(request));
        } catch (SAXParseException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            throw rejected("/", doctype ? "XML:dtd-forbidden" : "XML:not-well-formed", (doctype
                    ? "a DOCTYPE is not allowed in a submission (DTDs and entities are refused)" : e.getMessage())
                    + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw rejected("/", "XML:not-well-formed", String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("hardened XML parser unavailable", e);
        }
    }

    private static Element body(Document envelope) {
        Element root = envelope.getDocumentElement();
        if (!SOAP11.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw rejected("/", "SOAP:not-an-envelope", "expected a SOAP 1.1 Envelope ({" + SOAP11 + "}Envelope), found "
                    + describe(root));
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SOAP11.equals(element.getNamespaceURI())
                    && "Body".equals(element.getLocalName())) {
                return element;
            }
        }
        throw rejected("/Envelope", "SOAP:no-body", "the envelope has no Body");
    }

    private static Element firstElementChild(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String describe(Element element) {
        return element == null ? "nothing" : "{" + (element.getNamespaceURI() == null ? "" : element.getNamespaceURI())
                + "}" + element.getLocalName();
    }

    /** The element as a document of its own; the serializer declares the namespaces it inherited. */
    private static byte[] standalone(Element element) {
        try {
            Document document = newBuilder().newDocument();
            document.appendChild(document.importNode(element, true));
            document.setXmlStandalone(true); // no standalone="no" in the declaration
            Transformer serializer = HardenedXml.newSerializer();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            serializer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot serialise the submitted notification", e);
        }
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        return HardenedXml.newDocumentBuilder();
    }
}

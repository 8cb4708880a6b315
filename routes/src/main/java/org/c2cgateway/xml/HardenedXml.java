package org.c2cgateway.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one place where parsers for untrusted XML are made. Every document the gateway reads comes from
 * outside (a national system, a partner), so DOCTYPE declarations are refused outright (no DTD means no
 * XXE and no entity-expansion bombs), nothing external is ever fetched, and XInclude is off. The JDK's
 * own implementations are chosen explicitly: other parsers on the classpath (Woodstox, via xmlsec)
 * honour these settings differently. Every parser also refuses nesting deeper than
 * {@link #MAX_ELEMENT_DEPTH} (the JDK's {@code jdk.xml.maxElementDepth}, unlimited by default), so that
 * no document, whatever its kind, can nest deep enough to overflow a recursive walk; tighter limits for a
 * document kind are {@link XmlLimits}.
 */
public final class HardenedXml {

    /** The deepest nesting any parser made here accepts; no document the gateway exchanges comes near it. */
    public static final int MAX_ELEMENT_DEPTH = 256;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String JDK_MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    private static final DocumentBuilderFactory DOM = domFactory();

    /**
     * Ends a parse at the first error, not only at fatal ones; warnings are ignored (a non-validating
     * parser only warns about what the schema judges anyway). Stateless, so it is shared.
     */
    public static final ErrorHandler STRICT_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // nothing to report
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private HardenedXml() {
    }

    /**
     * A new namespace-aware DOM builder (builders are not thread-safe; the factory is shared). Fatal
     * errors throw; it refuses any external entity even if one got past the DOCTYPE ban.
     */
    public static DocumentBuilder newDocumentBuilder() {
        DocumentBuilder builder;
        synchronized (DOM) { // JAXP factories are not thread-safe
            try {
                builder = DOM.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("cannot create a hardened DOM parser", e);
            }
        }
        builder.setErrorHandler(new DefaultHandler());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        return builder;
    }

    /**
     * A serializer that writes UTF-8 with an XML declaration and does not re-indent (re-indenting would
     * break signatures), and that fetches nothing external. Transformers are not thread-safe.
     */
    public static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer serializer = factory.newTransformer();
            serializer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            serializer.setOutputProperty(OutputKeys.INDENT, "no");
            serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            return serializer;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot create an XML serializer", e);
        }
    }

    private static final XMLInputFactory STREAMING_INPUTS = streamingInputFactory();

    /**
     * The StAX reader factory of the per-notification hot paths (routing facts, minimisation, recognition):
     * Woodstox, which reads a 5 KB notification in half the time of the JDK's parser (writing stays with the
     * JDK's writer, which measured no slower)
     * ({@code RuleEvaluationBenchmark.readFacts}: 35 µs with the JDK's, 17 µs with Woodstox). These paths read only
     * documents the validator has already accepted (and the validator's parser refuses any DOCTYPE); the factory
     * is hardened all the same: no DTD, no external or replaced entities, the same depth limit. One instance,
     * shared: Woodstox factories are thread-safe once configured.
     */
    public static XMLInputFactory sharedStreamingInputs() {
        return STREAMING_INPUTS;
    }

    private static XMLInputFactory streamingInputFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
        return factory;
    }

    /** A new namespace-aware StAX factory that supports no DTD and resolves no entity. */
    public static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(JDK_MAX_ELEMENT_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        return factory;
    }

    private static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(JDK_MAX_ELEMENT_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        return factory;
    }
}

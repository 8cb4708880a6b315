package org.c2cgateway.rules;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.validation.RepeatableElements;
import org.c2cgateway.xml.HardenedXml;

/**
 * One notification through an {@link ElementPolicy}: a StAX reader copied to a StAX writer, element by
 * element, with removed subtrees skipped unread and pseudonymised values replaced. The canonical namespace
 * stays the default namespace; attributes (the schema declares none), comments and processing instructions
 * are not copied, so nothing unlisted crosses in them. White space before a removed element goes with it,
 * so the result keeps the sender's indentation without blank lines.
 *
 * <p>The element path is one {@link StringBuilder} cut back on each end tag: a path string is made only for
 * an element that is recorded. Paths have the form of validation findings
 * ({@code /PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode}).
 *
 * <p>One instance per notification; the factories are shared ({@link HardenedXml#sharedStreamingInputs()}).
 */
final class MinimisingPass {

    private static final XMLInputFactory INPUTS = HardenedXml.sharedStreamingInputs();
    private static final XMLOutputFactory OUTPUTS = XMLOutputFactory.newDefaultFactory();
    private static final String NAMESPACE = CanonicalSchema.NAMESPACE;

    private final ElementPolicy policy;
    private final DataSharing sharing;
    private final UnaryOperator<String> pseudonym;
    private final Set<String> repeatable = RepeatableElements.inCanonicalSchema();

    private final List<ElementAction> kept = new ArrayList<>();
    private final List<ElementAction> removed = new ArrayList<>();
    private final List<ElementAction> pseudonymised = new ArrayList<>();
    private final StringBuilder path = new StringBuilder(128);
    private final StringBuilder pendingSpace = new StringBuilder(32);
    private Frame[] frames = new Frame[16];
    private int depth;

    MinimisingPass(ElementPolicy policy, DataSharing sharing, UnaryOperator<String> pseudonym) {
        this.policy = policy;
        this.sharing = sharing;
        this.pseudonym = pseudonym;
    }

    MinimisedNotification run(byte[] xml) {
        StringWriter text = new StringWriter(xml.length);
        try {
            XMLStreamReader reader = INPUTS.createXMLStreamReader(new ByteArrayInputStream(xml));
            // Into characters, encoded once at the end: given a stream, the JDK's writer encodes character by
            // character, which took half the pass's time (MinimisationBenchmark with -prof stack)
            XMLStreamWriter writer = OUTPUTS.createXMLStreamWriter(text);
            try {
                copy(reader, writer);
            } finally {
                reader.close();
                writer.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("notification is not well-formed XML at " + path + ": " + e.getMessage(), e);
        }
        return new MinimisedNotification(text.toString().getBytes(StandardCharsets.UTF_8), kept, removed, pseudonymised);
    }

    private void copy(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeCharacters("\n");
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> startElement(reader, writer);
                case XMLStreamConstants.END_ELEMENT -> endElement(writer);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        characters(reader, writer);
                default -> {
                    // comments and processing instructions are not shared
                }
            }
        }
        writer.writeEndDocument();
    }

    private void startElement(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        String name = reader.getLocalName();
        boolean canonical = NAMESPACE.equals(reader.getNamespaceURI());
        if (depth == 0) {
            startRoot(name, canonical, writer);
            return;
        }
        Frame parent = frames[depth - 1];
        parent.hadChild = true;
        int mark = path.length();
        appendStep(name, parent.countChild(name));
        ElementPolicy.Node node = canonical && parent.node != null ? parent.node.child(name) : null;
        ClauseRef keptBy = parent.keptBy;
        ElementPolicy.Decision decision = !canonical ? ElementPolicy.Decision.REMOVE
                : keptBy != null ? ElementPolicy.Decision.KEEP
                : node == null ? ElementPolicy.Decision.REMOVE
                : node.decision();
        if (decision == ElementPolicy.Decision.REMOVE) {
            removed.add(action(sharing.ref()));
            path.setLength(mark);
            pendingSpace.setLength(0);
            skipSubtree(reader);
            return;
        }
        if (keptBy == null && decision == ElementPolicy.Decision.KEEP) {
            keptBy = node.keptBy();
        }
        flushSpace(writer);
        writer.writeStartElement("", name, NAMESPACE);
        if (keptBy != null && node != null && node.pseudonymisedBy() != null) {
            writer.writeCharacters(pseudonym.apply(leafText(reader, node.pseudonymisedBy())));
            writer.writeEndElement();
            pseudonymised.add(action(node.pseudonymisedBy()));
            path.setLength(mark);
            return;
        }
        push(node, keptBy, mark);
    }

    private void startRoot(String name, boolean canonical, XMLStreamWriter writer) throws XMLStreamException {
        String expected = sharing.type().rootElement();
        if (!canonical || !expected.equals(name)) {
            throw new IllegalArgumentException("root element " + name + " is not " + expected + " in " + NAMESPACE
                    + ", the type of " + sharing.ref().label());
        }
        path.append('/').append(name);
        writer.writeStartElement("", name, NAMESPACE);
        writer.writeDefaultNamespace(NAMESPACE);
        push(policy.root(), null, 0);
    }

    private void endElement(XMLStreamWriter writer) throws XMLStreamException {
        Frame frame = frames[--depth];
        if (frame.keptBy != null && !frame.hadChild) {
            kept.add(action(frame.keptBy));
        }
        flushSpace(writer);
        writer.writeEndElement();
        if (depth == 0) {
            writer.writeCharacters("\n");
        }
        path.setLength(frame.pathMark);
    }

    private void characters(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        if (depth == 0) {
            return;
        }
        if (reader.isWhiteSpace()) {
            pendingSpace.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            return;
        }
        flushSpace(writer);
        writer.writeCharacters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
    }

    /** The text of a pseudonymised element, which the agreement's loader has checked is a leaf. */
    private String leafText(XMLStreamReader reader, ClauseRef entry) {
        try {
            return reader.getElementText();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(path + " has child elements; " + entry.label()
                    + " may only pseudonymise a leaf element's value", e);
        }
    }

    private static void skipSubtree(XMLStreamReader reader) throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }

    private void flushSpace(XMLStreamWriter writer) throws XMLStreamException {
        if (!pendingSpace.isEmpty()) {
            writer.writeCharacters(pendingSpace.toString());
            pendingSpace.setLength(0);
        }
    }

    private void appendStep(String name, int position) {
        path.append('/').append(name);
        if (position > 1 || repeatable.contains(name)) {
            path.append('[').append(position).append(']');
        }
    }

    private ElementAction action(ClauseRef clause) {
        return new ElementAction(path.toString(), clause);
    }

    private void push(ElementPolicy.Node node, ClauseRef keptBy, int pathMark) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        Frame frame = frames[depth];
        if (frame == null) {
            frame = new Frame();
            frames[depth] = frame;
        }
        frame.reset(node, keptBy, pathMark);
        depth++;
    }

    /** An open element: its policy node (null below the policy's depth), the entry keeping it, its children so far. */
    private static final class Frame {
        private ElementPolicy.Node node;
        private ClauseRef keptBy;
        private int pathMark;
        private boolean hadChild;
        private String lastChild;
        private int lastChildCount;

        void reset(ElementPolicy.Node node, ClauseRef keptBy, int pathMark) {
            this.node = node;
            this.keptBy = keptBy;
            this.pathMark = pathMark;
            this.hadChild = false;
            this.lastChild = null;
            this.lastChildCount = 0;
        }

        /**
         * The 1-based position of a child among its same-named siblings. The schema keeps repeated elements
         * together (a sequence), so counting runs of equal names suffices and needs no map.
         */
        int countChild(String name) {
            if (name.equals(lastChild)) {
                return ++lastChildCount;
            }
            lastChild = name;
            lastChildCount = 1;
            return 1;
        }
    }
}

package org.c2cgateway.app.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.c2cgateway.xml.HardenedXml;

/**
 * Tells what a receiving national system got compared with what the sending one submitted: how many data
 * elements crossed the border, which values arrived as pseudonyms, and what the receiving gateway recognised.
 */
public final class DeliveredNotification {

    private DeliveredNotification() {
    }

    /**
     * The data elements of a notification as {@code path=value}, in document order, without its
     * {@code Recognition}: what two documents must share to carry the same data, whatever their serialisation
     * (comments, the XML declaration, whitespace between elements).
     */
    public static List<String> dataElements(byte[] xml) throws Exception {
        Element root = parse(xml);
        Element recognition = child(root, "Recognition");
        if (recognition != null) {
            root.removeChild(recognition);
        }
        return leaves(root, "");
    }

    /** Whether the receiving gateway marked the notification with its {@code Recognition}. */
    public static boolean recognised(byte[] xml) throws Exception {
        return child(parse(xml), "Recognition") != null;
    }

    static String describe(byte[] submitted, byte[] delivered) throws Exception {
        Element sent = parse(submitted);
        Element got = parse(delivered);
        Element recognition = child(got, "Recognition");
        if (recognition != null) {
            got.removeChild(recognition);
        }
        List<String> gotLeaves = leaves(got, "");
        StringBuilder text = new StringBuilder();
        text.append(gotLeaves.size()).append(" of ").append(leaves(sent, "").size())
                .append(" data elements crossed the border\n");
        for (String leaf : gotLeaves) {
            if (leaf.contains("=PSN-")) {
                text.append("pseudonymised: ").append(leaf).append('\n');
            }
        }
        if (recognition == null) {
            return text.append("no Recognition element (NOT marked by the receiving gateway)\n").toString();
        }
        text.append("recognised by the receiving gateway under ").append(value(recognition, "Agreement")).append(" v")
                .append(value(recognition, "AgreementVersion")).append(':');
        int marks = 0;
        for (Node n = recognition.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element mark && !List.of("Agreement", "AgreementVersion").contains(mark.getLocalName())) {
                text.append("\n  ").append(mark.getLocalName()).append(": ").append(String.join(", ", leaves(mark, "")));
                marks++;
            }
        }
        return text.append(marks == 0 ? " nothing (no AEO, control result or seals recognised)\n" : "\n").toString();
    }

    private static Element parse(byte[] xml) throws Exception {
        Document document = HardenedXml.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String value(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().trim();
    }

    /** Every leaf element as {@code path=value}. */
    private static List<String> leaves(Element element, String prefix) {
        List<String> leaves = new ArrayList<>();
        boolean hasChildElements = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                hasChildElements = true;
                leaves.addAll(leaves(child, prefix.isEmpty() ? child.getLocalName() : prefix + "/" + child.getLocalName()));
            }
        }
        if (!hasChildElements && !prefix.isEmpty()) {
            leaves.add(prefix + "=" + element.getTextContent().trim());
        }
        return leaves;
    }
}

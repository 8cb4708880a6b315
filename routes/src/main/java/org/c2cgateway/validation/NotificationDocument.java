package org.c2cgateway.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.c2cgateway.model.CanonicalSchema;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A schema-valid notification as the business rules read it: elements by local name, their trimmed
 * text, and each element's finding path in the scheme of {@link NotificationSchemaValidator}
 * ({@code /PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode}), so that a business finding
 * and a schema finding about the same element name it the same way.
 *
 * <p>Rules may rely on what the schema guarantees (the element is there, the pattern holds) but stay
 * defensive where it costs nothing. Not thread-safe; one instance per validation.
 */
final class NotificationDocument {

    /** One element a rule looks at: where it is and what it says. */
    record Field(Element element, String path, String value) {
    }

    private final Element root;
    private final Set<String> repeatable;
    private final Map<Element, String> paths = new HashMap<>();
    private final Map<String, Integer> documentOrder = new HashMap<>();
    /** Canonical elements by local name, in document order: one walk of the tree serves every rule. */
    private final Map<String, List<Element>> byName = new HashMap<>();

    NotificationDocument(Element root, Set<String> repeatable) {
        this.root = root;
        this.repeatable = repeatable;
        index(root);
    }

    /** Walks the tree once, in document order, without recursion (depth is bounded anyway). */
    private void index(Element start) {
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(start);
        int order = 0;
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            documentOrder.put(path(element), order++);
            if (CanonicalSchema.NAMESPACE.equals(element.getNamespaceURI())) {
                byName.computeIfAbsent(element.getLocalName(), name -> new ArrayList<>()).add(element);
            }
            Deque<Element> children = new ArrayDeque<>();
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element child) {
                    children.push(child);
                }
            }
            children.forEach(pending::push);
        }
    }

    /** {@code PreArrivalNotification} or {@code ExitNotification}. */
    String rootName() {
        return root.getLocalName();
    }

    boolean isPreArrival() {
        return "PreArrivalNotification".equals(rootName());
    }

    boolean isExit() {
        return "ExitNotification".equals(rootName());
    }

    /** A header element: a direct child of the root element. */
    Optional<Field> header(String localName) {
        return child(root, localName);
    }

    /** Every element of that local name, anywhere, in document order. */
    List<Field> all(String localName) {
        List<Element> elements = byName.getOrDefault(localName, List.of());
        List<Field> fields = new ArrayList<>(elements.size());
        for (Element element : elements) {
            fields.add(field(element));
        }
        return fields;
    }

    /** Direct children of {@code parent} with that local name, in document order. */
    List<Field> children(Element parent, String localName) {
        List<Field> fields = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && isCanonical(element, localName)) {
                fields.add(field(element));
            }
        }
        return fields;
    }

    Optional<Field> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    Field field(Element element) {
        return new Field(element, path(element), element.getTextContent().strip());
    }

    /** Position of the element at {@code path} in document order, for sorting findings; unknown paths last. */
    int documentOrder(String path) {
        return documentOrder.getOrDefault(path, Integer.MAX_VALUE);
    }

    private String path(Element element) {
        return paths.computeIfAbsent(element, this::computePath);
    }

    private String computePath(Element element) {
        String step = step(element);
        return element == root || !(element.getParentNode() instanceof Element parent)
                ? "/" + step
                : path(parent) + "/" + step;
    }

    private String step(Element element) {
        String name = element.getLocalName();
        int position = 1;
        for (Node node = element.getPreviousSibling(); node != null; node = node.getPreviousSibling()) {
            if (node instanceof Element sibling && isCanonical(sibling, name)) {
                position++;
            }
        }
        return position > 1 || repeatable.contains(name) ? name + "[" + position + "]" : name;
    }

    private static boolean isCanonical(Element element, String localName) {
        return localName.equals(element.getLocalName()) && CanonicalSchema.NAMESPACE.equals(element.getNamespaceURI());
    }
}

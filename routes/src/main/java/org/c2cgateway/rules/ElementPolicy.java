package org.c2cgateway.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link DataSharing} clause compiled for streaming: a tree of element names from the notification's root,
 * so that deciding an element costs one map look-up in its parent's node, whatever the length of the
 * allow-list. Compiled once per clause ({@link #of(DataSharing)}), never per message.
 *
 * <p>Immutable after compilation, so one instance serves every thread.
 */
final class ElementPolicy {

    /** What happens to an element. */
    enum Decision {
        /** Listed (itself or an ancestor): kept with its whole subtree. */
        KEEP,
        /** An ancestor of a listed element: kept, each child decided on its own. */
        CONTAINER,
        /** Neither: dropped with its whole subtree. */
        REMOVE
    }

    /** One element name under its parent: the clause that keeps it, or why it is a container. */
    static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        private ClauseRef keptBy;
        private ClauseRef pseudonymisedBy;
        private boolean leadsToAllowed;

        Node child(String name) {
            return children.get(name);
        }

        /** The allow-list entry that lists this very path; null when only an ancestor or descendant is listed. */
        ClauseRef keptBy() {
            return keptBy;
        }

        /** The pseudonymisation entry for this path; null when its value is kept as it is. */
        ClauseRef pseudonymisedBy() {
            return pseudonymisedBy;
        }

        /** The decision for this node's element when its parent is a container. */
        Decision decision() {
            if (keptBy != null) {
                return Decision.KEEP;
            }
            return leadsToAllowed ? Decision.CONTAINER : Decision.REMOVE;
        }

        /** The node of {@code path} ({@code Parties/Consignor/Name}), created as needed. */
        private Node descend(String path, boolean allowed) {
            Node node = this;
            int start = 0;
            while (start <= path.length()) {
                int slash = path.indexOf('/', start);
                int end = slash < 0 ? path.length() : slash;
                if (end > start) {
                    node.leadsToAllowed |= allowed;
                    node = node.children.computeIfAbsent(path.substring(start, end), name -> new Node());
                }
                start = end + 1;
            }
            return node;
        }
    }

    private final Node root;

    private ElementPolicy(Node root) {
        this.root = root;
    }

    /** The root element's node: the root is always a container. */
    Node root() {
        return root;
    }

    static ElementPolicy of(DataSharing sharing) {
        Node root = new Node();
        for (ElementRule rule : sharing.allow()) {
            for (String path : rule.paths()) {
                Node node = root.descend(path, true);
                if (node != root && node.keptBy == null) {
                    node.keptBy = rule.ref(); // the first entry that lists a path is the one named
                }
            }
        }
        for (ElementRule rule : sharing.pseudonymise()) {
            for (String path : rule.paths()) {
                Node node = root.descend(path, false);
                if (node.pseudonymisedBy == null) {
                    node.pseudonymisedBy = rule.ref();
                }
            }
        }
        return new ElementPolicy(root);
    }
}

package org.c2cgateway.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.c2cgateway.model.CanonicalSchema;

/**
 * The path of the element the parser is in, kept up to date from SAX events so that every finding
 * can say where it is. A step carries a 1-based index when its element is declared repeatable in
 * the schema ({@code GoodsItem[1]}, even before a second one is seen, since a streaming parser
 * cannot know yet) or when it is not the first sibling of that name ({@code OfficeOfExit[2]} in a
 * document that wrongly repeats it). Elements outside the canonical namespace show as
 * {@code {namespace}name}.
 *
 * <p>Not thread-safe: one instance per validation.
 */
final class ElementPath {

    private final Set<String> repeatable;
    private final Deque<Frame> frames = new ArrayDeque<>();

    ElementPath(Set<String> repeatable) {
        this.repeatable = repeatable;
        frames.push(new Frame(""));
    }

    void enter(String namespace, String localName) {
        Frame parent = frames.peek();
        int position = parent.countChild(namespace + '}' + localName);
        boolean canonical = CanonicalSchema.NAMESPACE.equals(namespace);
        String name = canonical || namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
        boolean indexed = position > 1 || (canonical && repeatable.contains(localName));
        frames.push(new Frame(indexed ? name + "[" + position + "]" : name));
    }

    void leave() {
        if (frames.size() > 1) {
            frames.pop();
        }
    }

    /** Number of open elements; 0 before the root element and after it ends. */
    int depth() {
        return frames.size() - 1;
    }

    /** The current path, {@code /} outside the root element. */
    String current() {
        if (depth() == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        Iterator<Frame> fromRoot = frames.descendingIterator();
        fromRoot.next(); // the document frame has no step
        while (fromRoot.hasNext()) {
            path.append('/').append(fromRoot.next().step);
        }
        return path.toString();
    }

    private static final class Frame {
        private final String step;
        private Map<String, Integer> childCounts;

        Frame(String step) {
            this.step = step;
        }

        int countChild(String expandedName) {
            if (childCounts == null) {
                childCounts = new HashMap<>();
            }
            return childCounts.merge(expandedName, 1, Integer::sum);
        }
    }
}

package org.c2cgateway.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads an agreement file into a JSON tree (for the JSON Schema) that remembers the line of every field, so
 * each finding can name {@code file:line}. The YAML is only composed, never constructed into objects: no tag
 * can instantiate anything, and an alias, a duplicate key or an unknown tag is refused.
 */
final class AgreementYaml {

    /** A document read: the tree, and the line of each field, by its path (keys and indices). */
    record Tree(JsonNode root, Map<List<Object>, Integer> lines) {

        /** The line of the field at {@code path}, or of its nearest ancestor that has one. */
        int line(List<Object> path) {
            for (int end = path.size(); end >= 0; end--) {
                Integer line = lines.get(path.subList(0, end));
                if (line != null) {
                    return line;
                }
            }
            return 1;
        }
    }

    /** Why a file could not be read, at which line. */
    static final class Unreadable extends Exception {
        private final int line;

        Unreadable(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final int CODE_POINT_LIMIT = 1_000_000;
    private static final int NESTING_LIMIT = 20;

    private AgreementYaml() {
    }

    static Tree read(String text) throws Unreadable {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new Unreadable(line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            String message = e.getMessage() != null && e.getMessage().contains("aliases")
                    ? "anchors and aliases (&name, *name) of lists and maps are not allowed; write the values out"
                    : e.getMessage();
            throw new Unreadable(0, "not valid YAML: " + message);
        }
        if (root == null) {
            throw new Unreadable(0, "the file is empty; it must state one agreement version");
        }
        Map<List<Object>, Integer> lines = new HashMap<>();
        JsonNode json = convert(root, new ArrayList<>(), lines);
        return new Tree(json, Map.copyOf(lines));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setMergeOnCompose(false);
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumping), dumping, options, new PlainResolver());
    }

    private static JsonNode convert(Node node, List<Object> path, Map<List<Object>, Integer> lines) throws Unreadable {
        int line = node.getStartMark().getLine() + 1;
        lines.putIfAbsent(List.copyOf(path), line);
        Tag tag = node.getTag();
        if (!tag.getValue().startsWith(Tag.PREFIX)) {
            throw new Unreadable(line, "the tag " + tag.getValue() + " is not allowed; write plain values");
        }
        if (node instanceof MappingNode mapping) {
            return object(mapping, path, lines);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Node item : sequence.getValue()) {
                path.add(array.size());
                array.add(convert(item, path, lines));
                path.remove(path.size() - 1);
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static ObjectNode object(MappingNode mapping, List<Object> path, Map<List<Object>, Integer> lines)
            throws Unreadable {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new Unreadable(keyLine, "a key must be a plain name");
            }
            if (object.has(key.getValue())) {
                throw new Unreadable(keyLine, key.getValue() + " is given twice; give each field once");
            }
            path.add(key.getValue());
            lines.put(List.copyOf(path), keyLine);
            object.set(key.getValue(), convert(tuple.getValueNode(), path, lines));
            path.remove(path.size() - 1);
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        if (Tag.INT.equals(tag) && PlainResolver.DECIMAL.matcher(text).matches() && text.length() < 10) {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /**
     * Resolves only what an agreement needs: true/false, decimal integers without leading zeros, and null.
     * Everything else is text, so a country code NO stays "NO" (YAML 1.1 would read false), a date stays as
     * written, and a WCO ID 016 is not read as an octal number.
     */
    private static final class PlainResolver extends Resolver {
        static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("true|false"), "tf");
            addImplicitResolver(Tag.INT, DECIMAL, "-0123456789");
            addImplicitResolver(Tag.NULL, Pattern.compile("~|null|Null|NULL|$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("$"), null);
        }
    }
}

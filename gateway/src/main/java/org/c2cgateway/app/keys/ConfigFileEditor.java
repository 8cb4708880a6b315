package org.c2cgateway.app.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.keys.MessageKeyPurpose;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Edits the key settings of a gateway's configuration file as an operator would by hand, and nothing else: the
 * file is read as a YAML node tree with its comments and written back the same way, so every other line stays as
 * it was. Not thread-safe; one editor per command.
 */
final class ConfigFileEditor {

    static final List<String> SLOTS = List.of("current", "next", "previous");

    private final Yaml yaml;
    private final Path file;
    private final MappingNode root;

    private ConfigFileEditor(Yaml yaml, Path file, MappingNode root) {
        this.yaml = yaml;
        this.file = file;
        this.root = root;
    }

    static ConfigFileEditor open(Path file) {
        LoaderOptions loading = new LoaderOptions();
        loading.setProcessComments(true);
        DumperOptions dumping = new DumperOptions();
        dumping.setProcessComments(true);
        dumping.setIndent(2);
        dumping.setWidth(Integer.MAX_VALUE);
        dumping.setSplitLines(false);
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (yaml.compose(in) instanceof MappingNode root) {
                return new ConfigFileEditor(yaml, file, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new KeyConfigurationException(file.toString(), "not a YAML file: " + e.getMessage(), e);
        }
        throw new KeyConfigurationException(file.toString(), "not a gateway configuration (no mapping at the top)");
    }

    /** The file's text with the edits made so far. */
    String render() {
        StringWriter out = new StringWriter();
        yaml.serialize(root, out);
        return out.toString();
    }

    /** A slot's setting as written in the file, e.g. the password of the current key (perhaps a placeholder). */
    Optional<String> keySetting(String purpose, String slot, String setting) {
        return mapping(root, "c2c", "message-keys", purpose, slot).flatMap(m -> scalar(m, setting));
    }

    /** Writes {@code c2c.message-keys.<purpose>.<slot>}, replacing what was there. */
    void setKey(String purpose, String slot, String keyStore, String password, String alias) {
        List<NodeTuple> entry = new ArrayList<>();
        entry.add(new NodeTuple(scalar("key-store"), scalar(keyStore)));
        entry.add(new NodeTuple(scalar("password"), scalar(password)));
        if (alias != null) {
            entry.add(new NodeTuple(scalar("alias"), scalar(alias)));
        }
        MappingNode slots = createMapping(root, "c2c", "message-keys", purpose);
        put(slots, slot, new MappingNode(Tag.MAP, entry, DumperOptions.FlowStyle.BLOCK));
        order(slots);
    }

    /**
     * The next key becomes the current one. For encryption the replaced key stays as {@code previous} (replacing
     * any older one), since partners may still encrypt to it for a while; a replaced signing key has no use.
     *
     * @return what was in the previous slot and is no longer accepted, if anything
     */
    Optional<String> promote(String purpose) {
        MappingNode slots = mapping(root, "c2c", "message-keys", purpose).orElseThrow(() ->
                missing("c2c.message-keys." + purpose));
        Node next = remove(slots, "next").orElseThrow(() -> missing("c2c.message-keys." + purpose + ".next"));
        Node current = remove(slots, "current").orElseThrow(() -> missing("c2c.message-keys." + purpose + ".current"));
        Optional<String> dropped = Optional.empty();
        if (!MessageKeyPurpose.named(purpose).signs()) {
            dropped = remove(slots, "previous").flatMap(p -> scalar((MappingNode) p, "key-store"));
            put(slots, "previous", current);
        }
        put(slots, "current", next);
        order(slots);
        return dropped;
    }

    /** Removes {@code c2c.message-keys.<purpose>.previous}; false when there was none. */
    boolean dropPrevious(String purpose) {
        return mapping(root, "c2c", "message-keys", purpose).flatMap(slots -> remove(slots, "previous")).isPresent();
    }

    /**
     * Appends a certificate to one of a partner's lists: {@code encryption-certificates} or
     * {@code trust.signing-certificates}. An encryption list that is not written yet starts as a copy of the
     * signing certificates, which is what it defaulted to.
     *
     * @return false when the certificate was listed already
     */
    boolean addPartnerCertificate(String partner, String list, String certificate) {
        SequenceNode entries = partnerList(partner, list);
        if (indexOf(entries, certificate) >= 0) {
            return false;
        }
        entries.getValue().add(scalar(certificate));
        return true;
    }

    /** Moves a listed certificate to the front of the partner's list, where it is preferred. */
    void preferPartnerCertificate(String partner, String list, String certificate) {
        SequenceNode entries = partnerList(partner, list);
        int at = indexOf(entries, certificate);
        if (at < 0) {
            throw new KeyConfigurationException(partnerSetting(partner, list), certificate + " is not listed "
                    + values(entries) + ": add it first");
        }
        entries.getValue().add(0, entries.getValue().remove(at));
    }

    /**
     * Removes a certificate from the partner's list.
     *
     * @return false when it was not listed
     * @throws KeyConfigurationException if it is the only one left
     */
    boolean removePartnerCertificate(String partner, String list, String certificate) {
        Optional<SequenceNode> entries = existingPartnerList(partner, list);
        int at = entries.map(e -> indexOf(e, certificate)).orElse(-1);
        if (at < 0) {
            return false;
        }
        if (entries.get().getValue().size() == 1) {
            throw new KeyConfigurationException(partnerSetting(partner, list), certificate
                    + " is the only certificate listed; add its successor first");
        }
        entries.get().getValue().remove(at);
        return true;
    }

    private SequenceNode partnerList(String partner, String list) {
        Optional<SequenceNode> existing = existingPartnerList(partner, list);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Node> initial = new ArrayList<>();
        if ("encryption-certificates".equals(list)) {
            existingPartnerList(partner, "trust.signing-certificates")
                    .ifPresent(signing -> values(signing).forEach(value -> initial.add(scalar(value))));
        }
        SequenceNode created = new SequenceNode(Tag.SEQ, initial, DumperOptions.FlowStyle.FLOW);
        String[] path = list.split("\\.");
        MappingNode parent = partnerMapping(partner);
        for (int i = 0; i < path.length - 1; i++) {
            parent = createMapping(parent, path[i]);
        }
        put(parent, path[path.length - 1], created);
        return created;
    }

    private Optional<SequenceNode> existingPartnerList(String partner, String list) {
        Node node = partnerMapping(partner);
        for (String key : list.split("\\.")) {
            Optional<Node> child = node instanceof MappingNode m ? child(m, key, false) : Optional.empty();
            if (child.isEmpty()) {
                return Optional.empty();
            }
            node = child.get();
        }
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence);
        }
        throw new KeyConfigurationException(partnerSetting(partner, list), "is not a list");
    }

    /** Partner keys are matched ignoring case, as the gateway does (Micronaut lower-cases them). */
    private MappingNode partnerMapping(String partner) {
        MappingNode partners = mapping(root, "c2c", "partners").orElseThrow(() -> missing("c2c.partners"));
        return child(partners, partner, true).filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .orElseThrow(() -> missing("c2c.partners." + partner.toUpperCase(Locale.ROOT)));
    }

    private static String partnerSetting(String partner, String list) {
        return "c2c.partners." + partner.toUpperCase(Locale.ROOT) + "." + list;
    }

    private KeyConfigurationException missing(String setting) {
        return new KeyConfigurationException(setting, "is not set in " + file);
    }

    private static Optional<MappingNode> mapping(MappingNode from, String... path) {
        MappingNode node = from;
        for (String key : path) {
            Optional<Node> child = child(node, key, false);
            if (child.isEmpty() || !(child.get() instanceof MappingNode m)) {
                return Optional.empty();
            }
            node = m;
        }
        return Optional.of(node);
    }

    private static MappingNode createMapping(MappingNode from, String... path) {
        MappingNode node = from;
        for (String key : path) {
            Optional<Node> child = child(node, key, false);
            if (child.isPresent() && child.get() instanceof MappingNode m) {
                node = m;
            } else {
                MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                put(node, key, created);
                node = created;
            }
        }
        return node;
    }

    private static Optional<Node> child(MappingNode node, String key, boolean ignoreCase) {
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k
                    && (ignoreCase ? k.getValue().equalsIgnoreCase(key) : k.getValue().equals(key))) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scalar(MappingNode node, String key) {
        return child(node, key, false).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    /** Replaces the value under {@code key}, keeping the key's comments, or appends the pair. */
    private static void put(MappingNode node, String key, Node value) {
        List<NodeTuple> tuples = node.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                tuples.set(i, new NodeTuple(k, value));
                return;
            }
        }
        tuples.add(new NodeTuple(scalar(key), value));
    }

    private static Optional<Node> remove(MappingNode node, String key) {
        List<NodeTuple> tuples = node.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuples.remove(i).getValueNode());
            }
        }
        return Optional.empty();
    }

    /** Slots in the order they are read: current, next, previous. */
    private static void order(MappingNode slots) {
        slots.getValue().sort((a, b) -> Integer.compare(rank(a), rank(b)));
    }

    private static int rank(NodeTuple tuple) {
        int rank = tuple.getKeyNode() instanceof ScalarNode k ? SLOTS.indexOf(k.getValue()) : -1;
        return rank < 0 ? SLOTS.size() : rank;
    }

    private static int indexOf(SequenceNode entries, String value) {
        return values(entries).indexOf(value);
    }

    private static List<String> values(SequenceNode entries) {
        return entries.getValue().stream().map(n -> n instanceof ScalarNode s ? s.getValue() : "").toList();
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }
}

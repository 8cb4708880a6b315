package org.c2cgateway.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.c2cgateway.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * The element structure of the canonical schema, read from the XSD itself: for each complex type
 * its child elements in schema order, whether each repeats, and whether its value is a number. The
 * JSON mapping is driven by this, so a new optional element in the XSD is mapped without code
 * changes and the two cannot drift.
 *
 * <p>It understands the subset of XML Schema the canonical schema uses (named types, sequences of
 * named elements, extension of a complex type, restriction of a simple type) and refuses anything
 * else, so that a schema change outside that subset fails the build's tests instead of being
 * mapped wrongly.
 */
public final class SchemaStructure {

    /** How an element's value is represented. */
    public enum Kind {
        /** Child elements: a JSON object. */
        COMPLEX,
        /** A value whose schema type is numeric: a JSON number when its lexical form allows. */
        NUMBER,
        /** Any other value: a JSON string. */
        TEXT
    }

    /**
     * One element declared in a complex type.
     *
     * @param required whether it must occur (minOccurs of 1 or more)
     * @param wcoIds   its WCO Data Model IDs ({@code xs:documentation source="WCO-DM"}), usually one or none
     */
    public record ChildElement(String name, String typeName, boolean repeatable, Kind kind, boolean required,
                               List<String> wcoIds) {
    }

    /**
     * The facets of a simple type, its base types' included: what a value must look like. Data minimisation
     * needs them to know whether a replaced value (a pseudonym) would still be valid.
     *
     * @param builtIn      the XML Schema built-in type it derives from ({@code string}, {@code decimal}, …)
     * @param patterns     every pattern along the derivation (a value must match each)
     * @param enumerations the allowed values, when enumerated
     * @param maxLength    the smallest maxLength along the derivation, when any
     */
    public record SimpleFacets(String builtIn, List<String> patterns, List<String> enumerations,
                               Optional<Integer> maxLength) {
    }

    /** The children of a complex type, in schema order (those of a base type first). */
    public record ComplexType(String name, List<ChildElement> children) {

        public Optional<ChildElement> child(String elementName) {
            return children.stream().filter(child -> child.name().equals(elementName)).findFirst();
        }
    }

    private static final Set<String> NUMERIC_BUILT_INS = Set.of("decimal", "integer", "int", "long", "short",
            "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
            "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte");
    private static final Set<String> IGNORED = Set.of("annotation");

    private static final SchemaStructure CANONICAL = read(CanonicalSchema.XSD_RESOURCE);

    private final Map<String, ChildElement> roots;
    private final Map<String, ComplexType> complexTypes;
    private final Map<String, SimpleFacets> simpleTypes;

    private SchemaStructure(Map<String, ChildElement> roots, Map<String, ComplexType> complexTypes,
                            Map<String, SimpleFacets> simpleTypes) {
        this.roots = Map.copyOf(roots);
        this.complexTypes = Map.copyOf(complexTypes);
        this.simpleTypes = Map.copyOf(simpleTypes);
    }

    /** The structure of the canonical schema on the classpath. */
    public static SchemaStructure canonical() {
        return CANONICAL;
    }

    /** The global element with this local name, if the schema declares one. */
    public Optional<ChildElement> root(String name) {
        return Optional.ofNullable(roots.get(name));
    }

    Set<String> rootNames() {
        return roots.keySet();
    }

    /**
     * The facets of an element's simple type; for an element declared with a built-in type
     * ({@code xs:date}), that built-in without facets.
     */
    public SimpleFacets facets(ChildElement element) {
        return simpleTypes.getOrDefault(element.typeName(),
                new SimpleFacets(element.typeName(), List.of(), List.of(), Optional.empty()));
    }

    /** The complex type of an element whose kind is {@link Kind#COMPLEX}. */
    public ComplexType complexType(ChildElement element) {
        ComplexType type = complexTypes.get(element.typeName());
        if (type == null) {
            throw new IllegalArgumentException(element.name() + " is not of a complex type");
        }
        return type;
    }

    Map<String, ComplexType> complexTypes() {
        return complexTypes;
    }

    static SchemaStructure read(String resource) {
        Element schema = parse(resource);
        Map<String, Element> simpleDefs = new HashMap<>();
        Map<String, Element> complexDefs = new HashMap<>();
        List<Element> globalElements = new ArrayList<>();
        for (Element child : children(schema)) {
            switch (child.getLocalName()) {
                case "simpleType" -> simpleDefs.put(child.getAttribute("name"), child);
                case "complexType" -> complexDefs.put(child.getAttribute("name"), child);
                case "element" -> globalElements.add(child);
                default -> refuse(child);
            }
        }
        Reader reader = new Reader(simpleDefs, complexDefs);
        Map<String, ComplexType> complexTypes = new LinkedHashMap<>();
        for (String name : complexDefs.keySet()) {
            complexTypes.put(name, new ComplexType(name, reader.childrenOf(name)));
        }
        Map<String, ChildElement> roots = new LinkedHashMap<>();
        for (Element element : globalElements) {
            ChildElement root = reader.element(element);
            roots.put(root.name(), root);
        }
        Map<String, SimpleFacets> simpleTypes = new LinkedHashMap<>();
        for (String name : simpleDefs.keySet()) {
            simpleTypes.put(name, reader.facets(name));
        }
        return new SchemaStructure(roots, complexTypes, simpleTypes);
    }

    /** Resolves declarations against the schema's named types. */
    private record Reader(Map<String, Element> simpleDefs, Map<String, Element> complexDefs) {

        List<ChildElement> childrenOf(String complexTypeName) {
            Element definition = complexDefs.get(complexTypeName);
            List<ChildElement> result = new ArrayList<>();
            for (Element part : children(definition)) {
                switch (part.getLocalName()) {
                    case "sequence" -> result.addAll(sequence(part));
                    case "complexContent" -> result.addAll(extension(part));
                    default -> refuse(part);
                }
            }
            return List.copyOf(result);
        }

        private List<ChildElement> extension(Element complexContent) {
            List<ChildElement> result = new ArrayList<>();
            for (Element extension : children(complexContent)) {
                if (!extension.getLocalName().equals("extension")) {
                    refuse(extension);
                }
                result.addAll(childrenOf(localName(extension.getAttribute("base"))));
                for (Element part : children(extension)) {
                    if (!part.getLocalName().equals("sequence")) {
                        refuse(part);
                    }
                    result.addAll(sequence(part));
                }
            }
            return result;
        }

        private List<ChildElement> sequence(Element sequence) {
            List<ChildElement> result = new ArrayList<>();
            for (Element particle : children(sequence)) {
                if (!particle.getLocalName().equals("element")) {
                    refuse(particle);
                }
                result.add(element(particle));
            }
            return result;
        }

        ChildElement element(Element declaration) {
            String name = declaration.getAttribute("name");
            String type = declaration.getAttribute("type");
            if (name.isEmpty() || type.isEmpty()) {
                refuse(declaration);
            }
            String maxOccurs = declaration.getAttribute("maxOccurs");
            boolean repeatable = !maxOccurs.isEmpty() && !maxOccurs.equals("1");
            String minOccurs = declaration.getAttribute("minOccurs");
            boolean required = minOccurs.isEmpty() || !minOccurs.equals("0");
            return new ChildElement(name, localName(type), repeatable, kindOf(type), required, wcoIds(declaration));
        }

        private static List<String> wcoIds(Element declaration) {
            List<String> ids = new ArrayList<>();
            NodeList docs = declaration.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
            for (int i = 0; i < docs.getLength(); i++) {
                Element doc = (Element) docs.item(i);
                if ("WCO-DM".equals(doc.getAttribute("source"))) {
                    ids.add(doc.getTextContent().trim());
                }
            }
            return List.copyOf(ids);
        }

        /** Facets of a named simple type, following its restriction bases to a built-in type. */
        SimpleFacets facets(String simpleTypeName) {
            List<String> patterns = new ArrayList<>();
            List<String> enumerations = new ArrayList<>();
            Integer maxLength = null;
            String current = simpleTypeName;
            while (simpleDefs.containsKey(current)) {
                Element restriction = restriction(simpleDefs.get(current));
                for (Element facet : children(restriction)) {
                    String value = facet.getAttribute("value");
                    switch (facet.getLocalName()) {
                        case "pattern" -> patterns.add(value);
                        case "enumeration" -> enumerations.add(value);
                        case "maxLength" -> maxLength = maxLength == null ? Integer.parseInt(value)
                                : Math.min(maxLength, Integer.parseInt(value));
                        default -> { // other facets (length, digits, bounds) do not matter here
                        }
                    }
                }
                current = localName(restriction.getAttribute("base"));
            }
            return new SimpleFacets(current, List.copyOf(patterns), List.copyOf(enumerations),
                    Optional.ofNullable(maxLength));
        }

        private static Element restriction(Element simpleType) {
            for (Element part : children(simpleType)) {
                if (part.getLocalName().equals("restriction")) {
                    return part;
                }
            }
            throw new IllegalStateException("canonical schema: simple type " + simpleType.getAttribute("name")
                    + " is not a restriction");
        }

        private Kind kindOf(String qualifiedType) {
            String name = localName(qualifiedType);
            if (!qualifiedType.contains(":")) {
                if (complexDefs.containsKey(name)) {
                    return Kind.COMPLEX;
                }
                Element simple = simpleDefs.get(name);
                if (simple == null) {
                    throw new IllegalStateException("canonical schema: type " + name + " is not defined");
                }
                return kindOf(restrictionBase(simple));
            }
            return NUMERIC_BUILT_INS.contains(name) ? Kind.NUMBER : Kind.TEXT;
        }

        private static String restrictionBase(Element simpleType) {
            for (Element part : children(simpleType)) {
                if (part.getLocalName().equals("restriction")) {
                    return part.getAttribute("base");
                }
                refuse(part);
            }
            throw new IllegalStateException("canonical schema: simple type " + simpleType.getAttribute("name")
                    + " is not a restriction");
        }
    }

    private static String localName(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    /** Child elements in the XML Schema namespace, without annotations. */
    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && !IGNORED.contains(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static void refuse(Element construct) {
        throw new IllegalStateException("canonical schema: xs:" + construct.getLocalName()
                + " is outside what the JSON mapping understands");
    }

    private static Element parse(String resource) {
        try (InputStream in = SchemaStructure.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " not on the classpath");
            }
            return HardenedXml.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot parse " + resource, e);
        }
    }
}

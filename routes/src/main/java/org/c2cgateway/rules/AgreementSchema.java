package org.c2cgateway.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * The JSON Schema of agreement files ({@value #RESOURCE}, draft 2020-12): it documents the format for the
 * people who write agreements, and the loader checks every file against it before reading a single clause.
 */
final class AgreementSchema {

    static final String RESOURCE = "/rules/agreement.schema.json";

    private static final Schema SCHEMA = load();

    private AgreementSchema() {
    }

    private static Schema load() {
        try (InputStream in = AgreementSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every schema error of the document, each at the line of the field it is about. */
    static List<LintFinding> check(String file, AgreementYaml.Tree tree) {
        List<LintFinding> findings = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree.root())) {
            List<Object> path = path(error.getInstanceLocation());
            String property = error.getProperty();
            boolean namesProperty = property != null
                    && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()));
            if (namesProperty) {
                path.add(property);
            }
            findings.add(new LintFinding(file, tree.line(path), FieldNames.of(path), problem(error)));
        }
        return findings;
    }

    private static String problem(Error error) {
        String property = error.getProperty();
        return switch (error.getKeyword()) {
            case "required" -> "required field missing; add " + property + " (see " + RESOURCE + ")";
            case "additionalProperties" -> "unknown field " + property + "; remove it or correct its name (see "
                    + RESOURCE + ")";
            case "enum" -> "'" + value(error) + "' is not one of " + withoutLocation(error.getMessage())
                    .replaceFirst("^[^\\[]*", "");
            case "pattern" -> "'" + value(error) + "' " + withoutLocation(error.getMessage());
            default -> withoutLocation(error.getMessage());
        };
    }

    private static String value(Error error) {
        return error.getInstanceNode() == null ? "" : error.getInstanceNode().asText();
    }

    /** The library prefixes its messages with the instance location ({@code $.flows: }); the finding has it. */
    private static String withoutLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    private static List<Object> path(NodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        return path;
    }
}

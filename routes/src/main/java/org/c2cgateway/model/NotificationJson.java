package org.c2cgateway.model;

import java.io.IOException;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON representation of canonical notifications, for national systems that prefer JSON to
 * XML. It is a direct mirror of the XML, so that the XML stays the one model that is validated,
 * signed and forwarded, and a validation finding's path reads the same for JSON clients:
 *
 * <pre>{@code
 * {"PreArrivalNotification": {
 *     "MessageId": "RS-NCTS-20260310-000452",
 *     "MRN": "26RS0110T0000452M5",
 *     "CountriesOfRouting": {"CountryOfRouting": ["RS", "MK"]},
 *     "TotalGrossMass": 6240.5,
 *     "GoodsItems": {"GoodsItem": [
 *         {"SequenceNumber": 1, "CommodityCode": "847130", "Packaging": [{"PackageType": "BX", "NumberOfPackages": 420}]}
 *     ]}
 * }}
 * }</pre>
 *
 * <ul>
 *   <li>One top-level field, named after the root element ({@code PreArrivalNotification} or
 *       {@code ExitNotification}); every element is a field named after it (its local name; the
 *       namespace is implied).</li>
 *   <li>An element with children is an object. An element the schema declares repeatable is an
 *       array, even with one occurrence ({@code GoodsItem}, {@code TransportEquipment}, {@code SealId},
 *       {@code Packaging}, ...); on input a single value is also accepted for it.</li>
 *   <li>A value of a numeric schema type (masses, counts, item numbers) is a JSON number, other
 *       values are strings. On input, any JSON scalar is accepted and written as its text; numbers
 *       keep their digits ({@code 1.50} stays {@code 1.50}).</li>
 * </ul>
 *
 * <p>{@link #toXml} does not validate: it writes every field the client sent, in schema order, and
 * fields the schema does not know as elements after the known ones, so the validator reports them
 * (with the path {@code /PreArrivalNotification/Foo}) instead of the gateway silently dropping
 * them. Only JSON with no XML form at all is refused with a {@link NotificationFormatException}
 * naming the JSON pointer.
 *
 * <p>Thread-safe and meant to be shared.
 */
public final class NotificationJson {

    /** Deepest JSON nesting accepted; a notification needs 8. */
    public static final int MAX_JSON_DEPTH = 32;

    private final SchemaStructure schema;
    private final ObjectMapper mapper;

    public NotificationJson() {
        this.schema = SchemaStructure.canonical();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /**
     * Converts a JSON notification to canonical XML (UTF-8), without validating it.
     *
     * @throws NotificationFormatException if the JSON is malformed or nested too deeply, has a
     *                                     top-level field other than one notification, or has an
     *                                     object or array where a value belongs (or the reverse)
     */
    public byte[] toXml(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode document;
        try {
            document = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotificationFormatException("", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NotificationFormatException("", "unreadable JSON: " + e.getMessage(), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new NotificationFormatException("", "empty JSON document");
        }
        return JsonToXml.convert(schema, document);
    }

    /**
     * Converts a canonical XML notification (normally one that passed validation) to JSON (UTF-8).
     *
     * @throws NotificationFormatException if the XML is not well-formed, has a DOCTYPE, is not a
     *                                     notification, or has something the JSON form cannot carry
     *                                     (an undeclared element, an attribute, text between elements)
     */
    public byte[] toJson(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        try {
            return mapper.writeValueAsBytes(XmlToJson.convert(schema, xml));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }
}

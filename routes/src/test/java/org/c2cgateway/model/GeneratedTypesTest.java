package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.c2cgateway.model.SchemaStructure.ChildElement;
import org.c2cgateway.model.SchemaStructure.ComplexType;
import org.c2cgateway.model.v1.ExitNotification;
import org.c2cgateway.model.v1.ObjectFactory;
import org.c2cgateway.model.v1.PreArrivalNotification;
import org.c2cgateway.validation.NotificationSchemaValidator;
import org.c2cgateway.validation.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The Java types generated from the XSD at build time (org.c2cgateway.model.v1) read every sample,
 * lose nothing, and have exactly the schema's elements: a failure here means the generation
 * configuration in routes/pom.xml no longer matches the schema.
 */
class GeneratedTypesTest {

    private static JAXBContext context;
    private static Map<String, Class<?>> generatedByTypeName;
    private final NotificationSchemaValidator validator = new NotificationSchemaValidator(10 * 1024 * 1024);

    @BeforeAll
    static void loadGeneratedTypes() throws Exception {
        context = JAXBContext.newInstance(ObjectFactory.class);
        generatedByTypeName = new HashMap<>();
        for (Method method : ObjectFactory.class.getMethods()) {
            if (method.getName().startsWith("create")) {
                for (Class<?> type = method.getReturnType(); type != Object.class; type = type.getSuperclass()) {
                    generatedByTypeName.put(type.getAnnotation(XmlType.class).name(), type);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void everyValidSampleValidatesAndUnmarshalsToItsGeneratedRootClass(String sample) throws Exception {
        ValidationReport report = validator.validate(Samples.valid(sample));
        assertTrue(report.accepted(), report.findings().toString());

        Object notification = unmarshal(Samples.valid(sample));

        Class<?> expected = sample.contains("exit") ? ExitNotification.class : PreArrivalNotification.class;
        assertEquals(expected, notification.getClass());
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void generatedTypesKeepEveryElementOfEveryValidSample(String sample) throws Exception {
        byte[] original = Samples.valid(sample);
        Marshaller marshaller = context.createMarshaller();
        ByteArrayOutputStream remarshalled = new ByteArrayOutputStream();
        marshaller.marshal(unmarshal(original), remarshalled);

        assertEquals(XmlEquivalence.outline(original), XmlEquivalence.outline(remarshalled.toByteArray()));
    }

    @Test
    void everyGlobalElementOfTheSchemaHasAGeneratedRootClass() {
        Set<String> generatedRoots = new TreeSet<>();
        for (Class<?> type : generatedByTypeName.values()) {
            XmlRootElement root = type.getAnnotation(XmlRootElement.class);
            if (root != null) {
                String namespace = "##default".equals(root.namespace())
                        ? type.getPackage().getAnnotation(XmlSchema.class).namespace() : root.namespace();
                assertEquals(CanonicalSchema.NAMESPACE, namespace, type.getName());
                generatedRoots.add(root.name());
            }
        }
        assertEquals(new TreeSet<>(SchemaStructure.canonical().rootNames()), generatedRoots);
        for (NotificationType type : NotificationType.values()) {
            assertTrue(generatedRoots.contains(type.rootElement()), type.rootElement());
        }
    }

    @Test
    void everyComplexTypeHasAGeneratedClassWithTheSameElementsInSchemaOrder() {
        Map<String, ComplexType> schemaTypes = SchemaStructure.canonical().complexTypes();
        assertEquals(new TreeSet<>(schemaTypes.keySet()), new TreeSet<>(generatedByTypeName.keySet()));
        for (ComplexType type : schemaTypes.values()) {
            List<String> schemaElements = type.children().stream().map(ChildElement::name).toList();
            assertEquals(schemaElements, elementNamesInOrder(generatedByTypeName.get(type.name())), type.name());
        }
    }

    /** Element names of a generated class, its superclass's first, in @XmlType propOrder. */
    private static List<String> elementNamesInOrder(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.getSuperclass() != Object.class) {
            names.addAll(elementNamesInOrder(type.getSuperclass()));
        }
        for (String property : type.getAnnotation(XmlType.class).propOrder()) {
            try {
                Field field = type.getDeclaredField(property);
                XmlElement element = field.getAnnotation(XmlElement.class);
                assertNotNull(element, type.getSimpleName() + "." + property);
                names.add(element.name());
            } catch (NoSuchFieldException e) {
                throw new AssertionError(type.getName() + " has no field " + property, e);
            }
        }
        return names;
    }

    private static Object unmarshal(byte[] xml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            return context.createUnmarshaller().unmarshal(reader);
        } finally {
            reader.close();
        }
    }
}

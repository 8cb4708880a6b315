package org.c2cgateway.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.Repository;
import org.junit.jupiter.api.Test;

/**
 * Every repository of the gateway runs on both databases the configuration may choose: a repository annotated
 * with one fixed dialect (as Micronaut Data's examples are) would run H2's SQL on PostgreSQL, or the reverse.
 */
class TraceStoreDialectTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.c2cgateway.app");

    @Test
    void every_repository_is_a_dialect_variant_chosen_by_configuration() {
        List<String> fixed = repositories().stream()
                .filter(r -> !r.isAnnotatedWith(OnH2.class) && !r.isAnnotatedWith(OnPostgres.class))
                .map(JavaClass::getName).toList();
        assertEquals(List.of(), fixed, "repositories with a dialect of their own; make them nested @OnH2 and "
                + "@OnPostgres variants of an interface without one (see TracedMessageRepository)");
    }

    @Test
    void every_h2_repository_has_its_postgresql_twin() {
        List<JavaClass> h2 = repositories().stream().filter(r -> r.isAnnotatedWith(OnH2.class)).toList();
        assertFalse(h2.isEmpty());
        for (JavaClass variant : h2) {
            Class<?> repository = variant.reflect().getEnclosingClass();
            boolean twin = repository != null && Arrays.stream(repository.getDeclaredClasses())
                    .anyMatch(c -> c.isAnnotationPresent(OnPostgres.class) && repository.isAssignableFrom(c));
            assertEquals(true, twin, variant.getName() + " has no @OnPostgres twin beside it");
        }
    }

    private static List<JavaClass> repositories() {
        return GATEWAY.stream().filter(c -> !c.isAnnotation())
                .filter(c -> c.isMetaAnnotatedWith(Repository.class) || c.isAnnotatedWith(Repository.class))
                .toList();
    }
}

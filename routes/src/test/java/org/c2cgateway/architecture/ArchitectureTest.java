package org.c2cgateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's house rules, checked on every build so they never need a clean-up later. */
@AnalyzeClasses(packages = "org.c2cgateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engine_never_depends_on_micronaut = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..")
            .because("routes is the engine, testable with Camel alone; gateway wires it");

    @ArchTest
    static final ArchRule capabilities_have_no_cycles = slices()
            .matching("org.c2cgateway.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_raw_exceptions_are_thrown = noClasses()
            .that().areNotAssignableTo(Throwable.class)
            .should().callConstructor(Exception.class, String.class)
            .orShould().callConstructor(Exception.class, String.class, Throwable.class)
            .orShould().callConstructor(RuntimeException.class, String.class)
            .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
            .orShould().callConstructor(RuntimeException.class, Throwable.class)
            .because("errors carry a type that says what went wrong (an ebMS code, a finding, a state)");
}

package org.c2cgateway.app.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The application's wiring packages stay free of cycles, like the engine's. */
@AnalyzeClasses(packages = "org.c2cgateway.app", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule wiring_packages_have_no_cycles = slices()
            .matching("org.c2cgateway.app.(*)..")
            .should().beFreeOfCycles();
}

package org.patientgen.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependency rules from CONVENTIONS.md, enforced on the engine's main code. */
@AnalyzeClasses(packages = "org.patientgen.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine runs headless on servers; only the console uses JavaFX");

    @ArchTest
    static final ArchRule onlyTheCliPrintsToStandardStreams = noClasses()
            .that().resideOutsideOfPackage("org.patientgen.engine.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("library code logs through SLF4J; the CLI owns stdout and stderr");

    @ArchTest
    static final ArchRule modelDependsOnNothingElse = noClasses()
            .that().resideInAPackage("org.patientgen.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.patientgen.engine.sim..",
                    "org.patientgen.engine.module..", "org.patientgen.engine.export..", "org.patientgen.engine.cli..")
            .because("the patient model is the shared vocabulary of simulation and export");

    @ArchTest
    static final ArchRule exportersDoNotKnowTheSimulator = noClasses()
            .that().resideInAPackage("org.patientgen.engine.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.patientgen.engine.sim..",
                    "org.patientgen.engine.module..")
            .because("exporters read finished PatientRecords only");

    @ArchTest
    static final ArchRule apiTypesStandAlone = classes()
            .that().resideInAPackage("org.patientgen.engine.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.patientgen.engine.api..", "java..", "")
            .because("the api records are the wire format shared with the HTTP client: no engine internals, no libraries");

    @ArchTest
    static final ArchRule theClientSpeaksOnlyTheSharedApi = noClasses()
            .that().resideInAPackage("org.patientgen.engine.client..")
            .should().dependOnClassesThat().resideInAnyPackage("org.patientgen.engine.server..",
                    "org.patientgen.engine.service..", "org.patientgen.engine.persistence..",
                    "org.patientgen.engine.jobs..", "io.javalin..", "org.eclipse.jetty..")
            .because("the remote client knows the server only through the api and wire records it sends and reads");

    @ArchTest
    static final ArchRule clientInternalsStayInternal = noClasses()
            .that().resideOutsideOfPackage("org.patientgen.engine.client..")
            .should().dependOnClassesThat().resideInAPackage("org.patientgen.engine.client.internal..")
            .because("callers use RemoteService; how it works may change");
}

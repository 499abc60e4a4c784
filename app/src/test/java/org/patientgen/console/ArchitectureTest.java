package org.patientgen.console;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependency rules from CONVENTIONS.md, enforced on the console's main code. */
@AnalyzeClasses(packages = "org.patientgen.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheLocalBootstrapTouchesEngineInternals = noClasses()
            .that().resideOutsideOfPackage("org.patientgen.console.connection.local..")
            .and().resideOutsideOfPackage("org.patientgen.console.connection.remote..")
            .should().dependOnClassesThat(resideInAPackage("org.patientgen.engine..")
                    .and(not(resideInAPackage("org.patientgen.engine.api.."))))
            .because("screens work against any engine through PatientGenService (org.patientgen.engine.api);"
                    + " only the local engine's bootstrap may start an engine in process");

    @ArchTest
    static final ArchRule remoteConnectionsUseOnlyTheClient = noClasses()
            .that().resideInAPackage("org.patientgen.console.connection.remote..")
            .should().dependOnClassesThat(resideInAPackage("org.patientgen.engine..")
                    .and(not(resideInAPackage("org.patientgen.engine.api..")))
                    .and(not(resideInAPackage("org.patientgen.engine.client")))
                    .and(not(resideInAPackage("org.patientgen.engine.wire"))))
            .because("a remote server is reached through the engine's published client (and the wire types"
                    + " it returns), never its internals");

    @ArchTest
    static final ArchRule onlyRemoteConnectionsUseTheClient = noClasses()
            .that().resideOutsideOfPackage("org.patientgen.console.connection.remote..")
            .should().dependOnClassesThat(resideInAPackage("org.patientgen.engine.client.."))
            .because("screens see a remote server as a Connection; only connection.remote knows the HTTP client");

    @ArchTest
    static final ArchRule viewModelsDoNotKnowNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                    "org.controlsfx..", "atlantafx..")
            .because("ViewModels hold state and commands as properties and are tested without a window");

    @ArchTest
    static final ArchRule viewModelsDoNotCallTheEngineOnTheirOwnThread = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
            .because("results return to the UI thread in one place, BackgroundTasks");

    @ArchTest
    static final ArchRule nothingPrintsToStandardStreams = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the console logs through SLF4J");
}

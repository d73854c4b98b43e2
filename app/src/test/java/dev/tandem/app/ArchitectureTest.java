package dev.tandem.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/**
 * The app's structure, checked on the compiled classes: views only bind and lay out, so they see
 * nothing but view-models, the FX adapters and the look; view-models hold the logic without the
 * scene graph, so they run in tests without a toolkit; and what lies below them never reaches up.
 */
class ArchitectureTest {
    private static final String APP = "dev.tandem.app";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP, "dev.tandem.ui");

    @Test
    void views_dependOnlyOnViewModelsFxAndUi() {
        classes().that().resideInAPackage(APP + ".view..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(APP + ".view..", APP + ".vm..", APP + ".fx..",
                        "dev.tandem.ui..", "java..", "javafx..", "org.controlsfx..", "org.kordamp.ikonli..")
                .check(MAIN);
    }

    @Test
    void viewModels_useNoSceneGraph() {
        noClasses().that().resideInAPackage(APP + ".vm..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(MAIN);
    }

    @Test
    void lowerLayers_neverReachViewsViewModelsOrTheWindow() {
        noClasses().that().resideInAnyPackage(APP + ".vm..", APP + ".model..", APP + ".sync..", APP + ".text..",
                        APP + ".fx..", APP + ".transfer..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".view..", APP + ".demo..", APP + ".cli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage(APP + ".model..", APP + ".sync..", APP + ".text..", APP + ".fx..",
                        APP + ".transfer..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".vm..")
                .check(MAIN);
    }

    @Test
    void fxThread_isReachedOnlyThroughFxExecutor() {
        noClasses().that().doNotHaveFullyQualifiedName(APP + ".fx.FxExecutor")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("FxExecutor is the one way back to the FX thread, so tests can hand view-models a plain executor")
                .check(MAIN);
    }
}

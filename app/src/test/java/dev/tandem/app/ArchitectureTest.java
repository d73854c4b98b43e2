package dev.tandem.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.ImportWriter;
import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import dev.tandem.engine.TxConflicts;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.SyncEngine;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The app's structure, checked on the compiled classes: views only bind and lay out, so they see
 * nothing but view-models, the FX adapters, the look and the plain values a view-model hands them (a
 * diff's rows, a note's blocks); view-models hold the logic without the scene graph, so they run in
 * tests without a toolkit, and reach the data only through the model; and what lies below them never
 * reaches up.
 */
@Tag("unit")
class ArchitectureTest {
    private static final String APP = "dev.tandem.app";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP, "dev.tandem.ui");

    /**
     * Every package, by the layer it belongs to, top to bottom as docs/APP.md draws them. A package
     * made without a place here fails {@link #everyMainPackage_isInALayer}, so it cannot escape the
     * rules below unnoticed.
     */
    private static final String[][] LAYERS = {
        {"Composition", APP, APP + ".cli", APP + ".demo"},
        {"Views", APP + ".view", APP + ".view.agenda", APP + ".view.attachment", APP + ".view.calendar",
            APP + ".view.conflict", APP + ".view.editor", APP + ".view.filter", APP + ".view.history",
            APP + ".view.quickadd", APP + ".view.settings", APP + ".view.sharing"},
        {"View-models", APP + ".vm.window", APP + ".vm.agenda", APP + ".vm.attachment", APP + ".vm.calendar",
            APP + ".vm.conflict", APP + ".vm.editor", APP + ".vm.filter", APP + ".vm.history", APP + ".vm.outline",
            APP + ".vm.quickadd", APP + ".vm.settings", APP + ".vm.shared", APP + ".vm.sharing"},
        {"Web companion", APP + ".web"},
        {"MCP server", APP + ".mcp"},
        {"FX adapter", APP + ".fx"},
        {"Services", APP + ".agent", APP + ".space", APP + ".sync", APP + ".caldav", APP + ".feeds", APP + ".backup", APP + ".transfer"},
        {"Text", APP + ".text", APP + ".text.diff", APP + ".text.filter", APP + ".text.note"},
        {"Settings", APP + ".settings"},
        {"Model", APP + ".model", APP + ".model.backup", APP + ".model.events", APP + ".model.filter",
            APP + ".model.history", APP + ".model.outline", APP + ".model.reminder"},
        {"Resources (ui-resources)", "dev.tandem.ui", "dev.tandem.ui.messages"},
    };

    @Test
    void everyMainPackage_isInALayer() {
        String[] packages = Arrays.stream(LAYERS).flatMap(l -> Arrays.stream(l, 1, l.length))
                .toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("every package has a place in the layers docs/APP.md draws").check(MAIN);
    }

    /** Each layer is reached only from the layers above it in {@link #LAYERS}. */
    @Test
    void layers_dependDownwardsOnly() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] l : LAYERS) {
            layers = layers.layer(l[0]).definedBy(Arrays.copyOfRange(l, 1, l.length));
        }
        for (int i = 1; i < LAYERS.length; i++) {
            String[] above = new String[i];
            for (int j = 0; j < i; j++) {
                above[j] = LAYERS[j][0];
            }
            layers = layers.whereLayer(LAYERS[i][0]).mayOnlyBeAccessedByLayers(above);
        }
        layers.check(MAIN);
    }

    @Test
    void packages_dependOnEachOther_withoutCycles() {
        slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * The model by feature, top to bottom: the features (an item's history, backups restored, reminders, the
     * outline (its moves, sections, lines and live view), the calendar's events), the core (the store and what it
     * hands out: items, lists, listings, the verbs, the tree's rules every write keeps), and the filter language
     * the core's listings run. A feature builds on the core only, never on another feature; the core never names
     * a feature.
     */
    private static final String[][] MODEL_LAYERS = {
        {"Model history", APP + ".model.history"},
        {"Model backup", APP + ".model.backup"},
        {"Model reminder", APP + ".model.reminder"},
        {"Model outline", APP + ".model.outline"},
        {"Model events", APP + ".model.events"},
        {"Model core", APP + ".model"},
        {"Model filter", APP + ".model.filter"},
    };

    @Test
    void modelFeatures_dependOnTheCoreOnly() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] l : MODEL_LAYERS) {
            layers = layers.layer(l[0]).definedBy(Arrays.copyOfRange(l, 1, l.length));
        }
        int core = MODEL_LAYERS.length - 2;
        String[] features = new String[core];
        for (int i = 0; i < core; i++) {
            features[i] = MODEL_LAYERS[i][0];
            layers = layers.whereLayer(features[i]).mayNotBeAccessedByAnyLayer();
        }
        String[] aboveFilter = Arrays.copyOf(features, core + 1);
        aboveFilter[core] = "Model core";
        layers.whereLayer("Model core").mayOnlyBeAccessedByLayers(features)
                .whereLayer("Model filter").mayOnlyBeAccessedByLayers(aboveFilter)
                .check(MAIN);
    }

    /** Each package of the model is a slice: none reaches another that reaches it back, even through a third. */
    @Test
    void modelPackages_dependOnEachOther_withoutCycles() {
        slices().assignedFrom(MODEL_PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    /** Each package of the model, the core included, as one slice; every other class is left out. */
    private static final SliceAssignment MODEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(APP + ".model") || p.startsWith(APP + ".model.") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the model's packages";
        }
    };

    /**
     * Every package of the view-models is a slice, and none reaches another that reaches it back, even through a
     * third: a feature's view-models (vm.calendar, vm.settings, ...) build on vm.shared (feedback, questions, undo,
     * the rows) and on each other one way only (the calendar places occurrences as the agenda does); vm.window puts
     * them together into the window. What a feature needs of the window it owns as an interface or takes as a
     * function (the dialogs a feature opens are in an interface the feature owns, which vm.window.Dialogs extends;
     * the agenda's Done is the window's commands handed in), so vm.shared names no feature and no feature names
     * vm.window.
     */
    @Test
    void viewModels_dependOnEachOther_withoutCycles() {
        slices().matching(APP + ".vm.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void viewModelFeatures_neverReachTheWindow() {
        noClasses().that().resideInAPackage(APP + ".vm..").and().resideOutsideOfPackage(APP + ".vm.window..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".vm.window..")
                .because("vm.window composes the features and the shared pieces; what they need of it they own")
                .check(MAIN);
    }

    /**
     * A feature's views (view.calendar, view.settings, ...) build on what the window shares in view (the
     * dialogs' base, the form helpers, the states) and on each other one way only (the editor shows the
     * item's history, whose versions show a diff as the conflicts do); view itself, which composes them
     * into the window, is the hub and no slice.
     */
    @Test
    void viewFeatures_dependOnEachOther_withoutCycles() {
        slices().matching(APP + ".view.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void views_dependOnlyOnViewModelsFxAndUi() {
        classes().that().resideInAPackage(APP + ".view..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(APP + ".view..", APP + ".vm..", APP + ".fx..",
                        APP + ".text.diff..", APP + ".text.note..", "dev.tandem.ui..", "java..", "javafx..",
                        "org.controlsfx..", "org.kordamp.ikonli..")
                .check(MAIN);
    }

    @Test
    void viewModels_useNoSceneGraph() {
        noClasses().that().resideInAPackage(APP + ".vm..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(MAIN);
    }

    @Test
    void viewModels_reachTheDatabaseOnlyThroughTheModel() {
        // A transaction handed on to a helper (TagStore.add(tx, ...)) is used without naming Tx.
        DescribedPredicate<JavaCall<?>> handsOnATransaction = DescribedPredicate.describe("code taking a transaction",
                call -> call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isAssignableTo(Tx.class)));
        noClasses().that().resideInAPackage(APP + ".vm..")
                .should().dependOnClassesThat().areAssignableTo(Db.class)
                .orShould().dependOnClassesThat().areAssignableTo(Tx.class)
                .orShould().callCodeUnitWhere(handsOnATransaction)
                .because("what a write needs (one transaction, the rows that go with it) is decided once, in the"
                        + " model, not again in each view-model that offers the action")
                .check(MAIN);
    }

    /**
     * The model is the one door to the data: outside it no class holds the engine's database, takes one or
     * gets one, so what a write reads is decided in the model, inside the write's transaction. The engine's
     * sync services reach it through {@link dev.tandem.app.model.Replica}, which makes their calls with it. A class that
     * implements the engine's own sync interfaces (the shared lists' engine and their blobs) is handed the
     * database by the engine's call, and may only pass it on to the engine calls it makes within that
     * call: what it needs to know of the rows (a list's name, which list a file belongs to) it asks the
     * model for.
     */
    @Test
    void onlyTheModel_holdsTheDatabase() {
        DescribedPredicate<JavaCall<?>> passesTheDatabase = DescribedPredicate.describe("code taking or returning the"
                + " database", call -> call.getTarget().getRawReturnType().isAssignableTo(Db.class)
                || call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isAssignableTo(Db.class)));
        noClasses().that().resideOutsideOfPackage(APP + ".model..")
                .and().doNotImplement(SyncEngine.class).and().doNotImplement(RemoteBlobs.class)
                .should().dependOnClassesThat().areAssignableTo(Db.class)
                .orShould().callCodeUnitWhere(passesTheDatabase)
                .because("a read that decides a write belongs in the model, inside the write's transaction;"
                        + " handing the database out lets every caller read and write it apart")
                .check(MAIN);
        DescribedPredicate<JavaCall<?>> passesItOnToAnEngine = DescribedPredicate.describe("code of the engine",
                call -> call.getTargetOwner().getPackageName().startsWith("dev.tandem.engine"));
        noClasses().that().resideOutsideOfPackage(APP + ".model..")
                .should().callMethodWhere(DescribedPredicate.describe("a method of the database (or of a"
                        + " Tx or Conflicts it hands out)", ArchitectureTest::readsTheDatabase))
                .orShould().callCodeUnitWhere(DescribedPredicate.and(passesTheDatabase,
                        DescribedPredicate.not(passesItOnToAnEngine)))
                .because("a database handed in by an engine's call is passed on to the engines it names, never"
                        + " read: the rows are the model's to read")
                .check(MAIN);
    }

    /**
     * Whether {@code call} reads or writes rows: a method of the database, or of a transaction or the
     * conflicts it hands out. The import's one transaction, which the model hands {@link ImportWriter}, is held
     * to {@link #database_rowsAreWrittenOnlyByTheModel} instead. The change history ({@code History}) the model
     * hands out on purpose ({@link TodoStore#history()}): it reads past versions, not the rows a write decides on.
     */
    private static boolean readsTheDatabase(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        boolean theImport = call.getOriginOwner().getName().startsWith(ImportWriter.class.getName());
        return owner.isAssignableTo(Db.class) || owner.isAssignableTo(TxConflicts.class)
                || (owner.isAssignableTo(Tx.class) && !theImport);
    }

    @Test
    void lowerLayers_neverReachViewsViewModelsOrTheWindow() {
        noClasses().that().resideInAnyPackage(APP + ".vm..", APP + ".model..", APP + ".settings..", APP + ".sync..",
                        APP + ".space..", APP + ".text..", APP + ".fx..", APP + ".transfer..", APP + ".caldav..", APP + ".backup..",
                        APP + ".feeds..", APP + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".view..", APP + ".demo..", APP + ".cli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage(APP + ".model..", APP + ".settings..", APP + ".sync..", APP + ".space..",
                        APP + ".text..", APP + ".fx..", APP + ".transfer..", APP + ".caldav..", APP + ".backup..",
                        APP + ".feeds..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".vm..")
                .check(MAIN);
        // The CalDAV sync and the calendars' refresh run in the app and the command line alike: no toolkit.
        noClasses().that().resideInAnyPackage(APP + ".caldav..", APP + ".feeds..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".fx..", "javafx..")
                .check(MAIN);
    }

    @Test
    void demo_isReachedOnlyByTheAppAndNeverReachesBack() {
        noClasses().that().resideOutsideOfPackage(APP + ".demo..").and().doNotHaveFullyQualifiedName(APP + ".TandemApp")
                .should().dependOnClassesThat().resideInAPackage(APP + ".demo..")
                .check(MAIN);
        noClasses().that().resideInAPackage(APP + ".demo..")
                .should().dependOnClassesThat().haveFullyQualifiedName(APP + ".TandemApp")
                .orShould().dependOnClassesThat().resideInAPackage(APP + ".cli..")
                .because("the app starts the demo; what both need (the stage's size, icon and focus) is AppStage's")
                .check(MAIN);
    }

    @Test
    void database_rowsAreWrittenOnlyByTheModel() {
        Set<String> writes = Set.of("save", "delete", "restore", "keepOutsideLoser", "keepReplacedChange",
                "transaction", "transactionResult");
        DescribedPredicate<JavaCall<?>> writesRows = DescribedPredicate.describe("a write of rows (Tx's or Db's)",
                call -> (call.getTargetOwner().isAssignableTo(Tx.class)
                        || call.getTargetOwner().isAssignableTo(TxConflicts.class)) && writes.contains(call.getName()));
        // The import's one transaction is the one writer outside: what it writes comes from transfer's readers.
        noClasses().that().resideOutsideOfPackage(APP + ".model..")
                .and().doNotHaveFullyQualifiedName(ImportWriter.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(Tx.class.getName())
                .orShould().callMethodWhere(writesRows)
                .orShould().callMethod(TodoStore.class, "writeAll", Function.class)
                .because("which rows go with a write (an item's tags and links) and what is checked first is decided"
                        + " once, in the model")
                .check(MAIN);
    }

    @Test
    void doneAndTrash_areWrittenOnlyByTheModel() {
        Set<String> setters = Set.of("withDone", "withDoneFields", "withTrashedAt");
        // What Done, Reopen, Delete and Restore do is decided once, in the model's verbs (TodoVerbs): no door
        // writes these fields itself. Two copy whole rows from outside, as they are there: a CalDAV server's
        // completed state merged field by field (a series is moved on by caldav's Repeats), and the import. The
        // editor's Done box calls the verbs beside its field edit, as the list's Done does.
        noClasses().that().resideOutsideOfPackage(APP + ".model..")
                .and().doNotHaveFullyQualifiedName(ImportWriter.class.getName())
                .and().doNotHaveFullyQualifiedName(APP + ".caldav.Merge")
                .should().callMethodWhere(DescribedPredicate.describe("a write of an item's done or trash fields",
                        call -> call.getTargetOwner().isEquivalentTo(Item.class) && setters.contains(call.getName())))
                .because("completing, reopening and trashing a todo touch its series and its subtasks, decided once"
                        + " in the model (TodoVerbs)")
                .check(MAIN);
    }

    @Test
    void items_areBuiltByNameOutsideTheModel() {
        // Records the engine reads stay public, so the rule is on the calls: with...(...) copies name what they set.
        noClasses().that().resideOutsideOfPackage(APP + ".model..")
                .should().callConstructorWhere(DescribedPredicate.describe("Item's canonical constructor",
                        call -> call.getTargetOwner().isEquivalentTo(Item.class)
                                && call.getTarget().getRawParameterTypes().size() == Item.class.getRecordComponents().length))
                .check(MAIN);
    }

    /**
     * The web companion runs headless (tandem serve on a NAS) and in the app alike: it uses the model
     * and the text layer as the view-models do, and nothing of the toolkit or the windows.
     */
    @Test
    void web_knowsNoUiToolkitNorViewModels() {
        noClasses().that().resideInAPackage(APP + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", APP + ".fx..", APP + ".vm..",
                        APP + ".view..", APP + ".cli..", APP + ".demo..")
                .because("quick add, recurrence and validation are the model's and the text layer's, shared, not"
                        + " written again for the page")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackages(APP + ".web..", APP + ".cli..", APP + ".view..", APP + ".vm..", APP)
                .should().dependOnClassesThat().resideInAPackage(APP + ".web..")
                .check(MAIN);
    }

    /** Backups run on their own thread and in the CLI: what Settings shows of them is a view-model's to adapt. */
    @Test
    void backups_knowNoUiToolkit() {
        noClasses().that().resideInAPackage(APP + ".backup..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", APP + ".fx..")
                .check(MAIN);
    }

    @Test
    void settingsSyncAndSpaces_dependDownwardsOnly() {
        noClasses().that().resideInAPackage(APP + ".settings..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".sync..", APP + ".space..", APP + ".caldav..",
                        APP + ".transfer..")
                .because("settings are read by everything that syncs, so they name none of it")
                .check(MAIN);
        noClasses().that().resideInAPackage(APP + ".sync..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".space..", APP + ".caldav..")
                .because("a shared list's space is built from the sync package's parts and syncs beside the"
                        + " personal remote; the sync service does not know it is there")
                .check(MAIN);
    }

    @Test
    void fxThread_isReachedOnlyThroughFxExecutor() {
        noClasses().that().doNotHaveFullyQualifiedName(APP + ".fx.FxExecutor")
                .should().callMethod("javafx.application.Platform", "runLater", "java.lang.Runnable")
                .because("FxExecutor is the one way back to the FX thread, so tests can hand view-models a plain executor")
                .check(MAIN);
    }
}

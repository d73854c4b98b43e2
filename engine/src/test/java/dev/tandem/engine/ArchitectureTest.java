package dev.tandem.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, as docs/ARCHITECTURE.md draws them, checked on the compiled classes:
 * internal packages depend downwards only, the public API reaches the implementation only through
 * its static factories and builder, and nothing here knows of a UI toolkit.
 */
@Tag("unit")
class ArchitectureTest {
    private static final String ENGINE = "dev.tandem.engine";
    private static final String INTERNAL = ENGINE + ".internal";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/bench/"))
            .importPackages(ENGINE);

    /** Each internal package, the internal root included, is one slice; API packages are left out. */
    private static final SliceAssignment INTERNAL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            return p.equals(INTERNAL) || p.startsWith(INTERNAL + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "internal packages";
        }
    };

    /** Every layer and the packages it holds, top to bottom; a package in none fails {@link #everyMainPackage_isInALayer}. */
    private static final String[][] LAYERS = {
        {"Api", ENGINE, ENGINE + ".sync", ENGINE + ".caldav"},
        {"Sync", INTERNAL + ".sync"},
        {"SyncScope", INTERNAL + ".sync.scope"},
        {"SyncDevice", INTERNAL + ".sync.device"},
        {"SyncSpace", INTERNAL + ".sync.space"},
        {"Backup", INTERNAL + ".backup"},
        {"Compaction", INTERNAL + ".compaction"},
        {"CalDav", INTERNAL + ".caldav"},
        {"Space", INTERNAL + ".space"},
        {"Storage", INTERNAL + ".storage"},
        {"Dav", INTERNAL + ".dav"},
        {"Http", INTERNAL + ".http"},
        {"Keys", INTERNAL + ".keys"},
        {"Db", INTERNAL},
        {"Blob", INTERNAL + ".blob"},
        {"Reactive", INTERNAL + ".reactive"},
        {"Capture", INTERNAL + ".capture"},
        {"History", INTERNAL + ".history"},
        {"Snapshot", INTERNAL + ".snapshot"},
        {"Apply", INTERNAL + ".apply"},
        {"Wire", INTERNAL + ".wire"},
        {"Changelog", INTERNAL + ".changelog"},
        {"Mapping", INTERNAL + ".mapping"},
        {"Tx", INTERNAL + ".tx"},
        {"Store", INTERNAL + ".store"},
        {"Clock", INTERNAL + ".clock", INTERNAL + ".merge"},
        {"Crypto", INTERNAL + ".crypto"},
    };

    /** A package made without a place in the layers would escape every dependency rule. */
    @Test
    void everyMainPackage_isInALayer() {
        String[] packages = Arrays.stream(LAYERS).flatMap(l -> Arrays.stream(l, 1, l.length)).toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("every package is one of the layers docs/ARCHITECTURE.md draws").check(MAIN);
    }

    @Test
    void internalPackages_dependOnEachOther_withoutCycles() {
        slices().assignedFrom(INTERNAL_PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internalPackages_dependDownwardsOnly() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] l : LAYERS) {
            layers = layers.layer(l[0]).definedBy(Arrays.copyOfRange(l, 1, l.length));
        }
        layers
                .whereLayer("Sync").mayOnlyBeAccessedByLayers("Api")
                // What a remote's scope lets out and a shared space lets in: asked by the changelog and snapshots of a sync.
                .whereLayer("SyncScope").mayOnlyBeAccessedByLayers("Sync")
                .whereLayer("SyncScope").mayOnlyAccessLayers("Api", "Apply", "Wire", "Changelog", "Tx", "Store", "Clock")
                // Why a sync stops for a new device id: thrown inside a sync, handled by .sync's engine.
                .whereLayer("SyncDevice").mayOnlyBeAccessedByLayers("Sync")
                .whereLayer("SyncDevice").mayNotAccessAnyLayer()
                // A device's part in a shared space: set up by the builder, kept and changed by .sync's engine.
                .whereLayer("SyncSpace").mayOnlyBeAccessedByLayers("Api", "Sync")
                .whereLayer("SyncSpace").mayOnlyAccessLayers("Api", "Space", "Db", "Changelog", "Tx", "Store")
                .whereLayer("Backup").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("Backup").mayOnlyAccessLayers("Api", "Keys", "Changelog", "Store", "Crypto")
                .whereLayer("CalDav").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("CalDav").mayOnlyAccessLayers("Api", "Dav", "Http")
                .whereLayer("Space").mayOnlyBeAccessedByLayers("Api", "Sync", "SyncSpace")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Api", "Sync", "Space")
                .whereLayer("Dav").mayOnlyBeAccessedByLayers("Storage", "CalDav")
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Storage", "Dav", "CalDav")
                .whereLayer("Http").mayOnlyAccessLayers("Api")
                .whereLayer("Keys").mayOnlyBeAccessedByLayers("Api", "Sync", "Storage", "Backup")
                .whereLayer("Blob").mayOnlyBeAccessedByLayers("Db", "Sync")
                .whereLayer("Blob").mayOnlyAccessLayers("Api", "Changelog", "Crypto")
                .whereLayer("Compaction").mayOnlyBeAccessedByLayers("Sync")
                .whereLayer("Compaction").mayOnlyAccessLayers("Api", "Db", "Snapshot", "Wire", "Changelog", "Tx", "Store", "Clock")
                .whereLayer("Db").mayOnlyBeAccessedByLayers("Api", "Sync", "SyncSpace", "Compaction")
                .whereLayer("Reactive").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("Capture").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("History").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("History").mayOnlyAccessLayers("Api", "Changelog", "Mapping", "Store", "Clock")
                .whereLayer("Snapshot").mayOnlyBeAccessedByLayers("Db", "Compaction", "Sync")
                .whereLayer("Snapshot").mayOnlyAccessLayers("Api", "Apply", "Wire", "Changelog", "Tx", "Store", "Clock")
                .whereLayer("Apply").mayOnlyBeAccessedByLayers("Db", "Capture", "Snapshot", "Sync", "SyncScope", "SyncSpace")
                .whereLayer("Apply").mayOnlyAccessLayers("Api", "Changelog", "Tx", "Store", "Clock")
                .whereLayer("Wire").mayOnlyBeAccessedByLayers("Snapshot", "Compaction", "Sync", "SyncScope", "SyncSpace")
                .whereLayer("Wire").mayOnlyAccessLayers("Api", "Changelog", "Store", "Clock")
                .whereLayer("Changelog").mayOnlyBeAccessedByLayers("Db", "Capture", "History", "Snapshot", "Apply", "Wire",
                        "Compaction", "Sync", "SyncScope", "SyncSpace", "Backup", "Blob")
                .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Db", "Capture", "History", "Reactive")
                .whereLayer("Tx").mayOnlyBeAccessedByLayers("Db", "Capture", "Snapshot", "Apply", "Changelog", "Reactive", "Compaction",
                        "Sync", "SyncScope", "SyncSpace")
                // The one AEAD and its chunked stream: used by every format that encrypts, using nothing of the engine.
                .whereLayer("Crypto").mayOnlyBeAccessedByLayers("Blob", "Backup", "Storage", "Space", "Keys")
                .whereLayer("Crypto").mayNotAccessAnyLayer()
                .check(MAIN);
    }

    /** S3 is plain HTTP: its storage and errors use the shared plumbing, never the WebDAV client. */
    @Test
    void s3Storage_reachesHttpPlumbing_notTheDavClient() {
        noClasses().that().haveNameMatching("dev\\.tandem\\.engine\\.internal\\.storage\\.S3.*")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + ".dav")
                .check(MAIN);
    }

    @Test
    void api_reachesImplementation_onlyThroughFactoriesAndTheBuilder() {
        noClasses().that().resideInAnyPackage(ENGINE, ENGINE + ".sync", ENGINE + ".caldav")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".Db")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".Db$Builder")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".Backups")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SyncEngine")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SyncEngine$Builder")
                // The builder's second half: the storage layers it puts over a target (package-private).
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.EngineStack")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SyncStorage")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SpaceKeys")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SpaceInvite")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".caldav.CalDavAccount")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + "..")
                .check(MAIN);
    }

    /** Sync sees a database only through {@code SyncPort}, so what it may do there stays that short list. */
    @Test
    void sync_reachesTheDatabase_onlyThroughItsPort() {
        noClasses().that().resideInAPackage(INTERNAL + ".sync..")
                .should().dependOnClassesThat().haveFullyQualifiedName(INTERNAL + ".DefaultDb")
                .check(MAIN);
    }

    @Test
    void engine_knowsNoUiToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(MAIN);
    }
}

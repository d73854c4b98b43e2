package dev.tandem.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, as docs/ARCHITECTURE.md draws them, checked on the compiled classes:
 * internal packages depend downwards only, the public API reaches the implementation only through
 * its static factories and builder, and nothing here knows of a UI toolkit.
 */
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

    @Test
    void internalPackages_dependOnEachOther_withoutCycles() {
        slices().assignedFrom(INTERNAL_PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internalPackages_dependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Api").definedBy(ENGINE, ENGINE + ".sync", ENGINE + ".caldav")
                .layer("Sync").definedBy(INTERNAL + ".sync")
                .layer("CalDav").definedBy(INTERNAL + ".caldav")
                .layer("Space").definedBy(INTERNAL + ".space")
                .layer("Storage").definedBy(INTERNAL + ".storage")
                .layer("Dav").definedBy(INTERNAL + ".dav")
                .layer("Http").definedBy(INTERNAL + ".http")
                .layer("Keys").definedBy(INTERNAL + ".keys")
                .layer("Db").definedBy(INTERNAL)
                .layer("Reactive").definedBy(INTERNAL + ".reactive")
                .layer("Capture").definedBy(INTERNAL + ".capture")
                .layer("History").definedBy(INTERNAL + ".history")
                .layer("Snapshot").definedBy(INTERNAL + ".snapshot")
                .layer("Apply").definedBy(INTERNAL + ".apply")
                .layer("Wire").definedBy(INTERNAL + ".wire")
                .layer("Changelog").definedBy(INTERNAL + ".changelog")
                .layer("Mapping").definedBy(INTERNAL + ".mapping")
                .layer("Tx").definedBy(INTERNAL + ".tx")
                .layer("Store").definedBy(INTERNAL + ".store")
                .layer("Clock").definedBy(INTERNAL + ".clock", INTERNAL + ".merge")
                .whereLayer("Sync").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("CalDav").mayOnlyBeAccessedByLayers("Api")
                .whereLayer("CalDav").mayOnlyAccessLayers("Api", "Dav", "Http")
                .whereLayer("Space").mayOnlyBeAccessedByLayers("Api", "Sync")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Api", "Sync", "Space")
                .whereLayer("Dav").mayOnlyBeAccessedByLayers("Storage", "CalDav")
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Storage", "Dav", "CalDav")
                .whereLayer("Http").mayOnlyAccessLayers("Api")
                .whereLayer("Keys").mayOnlyBeAccessedByLayers("Api", "Sync", "Storage")
                .whereLayer("Db").mayOnlyBeAccessedByLayers("Api", "Sync")
                .whereLayer("Reactive").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("Capture").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("History").mayOnlyBeAccessedByLayers("Db")
                .whereLayer("History").mayOnlyAccessLayers("Api", "Changelog", "Mapping", "Store", "Clock")
                .whereLayer("Snapshot").mayOnlyBeAccessedByLayers("Db", "Sync")
                .whereLayer("Snapshot").mayOnlyAccessLayers("Api", "Apply", "Wire", "Changelog", "Tx", "Store", "Clock")
                .whereLayer("Apply").mayOnlyBeAccessedByLayers("Db", "Capture", "Snapshot", "Sync")
                .whereLayer("Apply").mayOnlyAccessLayers("Api", "Changelog", "Tx", "Store", "Clock")
                .whereLayer("Wire").mayOnlyBeAccessedByLayers("Snapshot", "Sync")
                .whereLayer("Wire").mayOnlyAccessLayers("Api", "Changelog", "Store", "Clock")
                .whereLayer("Changelog").mayOnlyBeAccessedByLayers("Db", "Capture", "History", "Snapshot", "Apply", "Wire", "Sync")
                .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Db", "Capture", "History", "Reactive")
                .whereLayer("Tx").mayOnlyBeAccessedByLayers("Db", "Capture", "Snapshot", "Apply", "Changelog", "Reactive", "Sync")
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
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SyncEngine")
                .and().doNotHaveFullyQualifiedName(ENGINE + ".sync.SyncEngine$Builder")
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

package dev.tandem.app.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The personal remote and the shared lists as one sync: a shared list that fails stops nothing else, and says so. */
@Tag("unit")
class SpaceSyncTest {
    @TempDir
    Path tmp;

    @Test
    void sync_sharedListUnreachableOrUnusable_personalSyncsAndTheReportSaysWhich() throws Exception {
        SettingsStore settings = new SettingsStore(tmp);
        SpaceLists shared = new SpaceLists(settings);
        // One shared list on a remote nobody answers at, one whose S3 log-in is missing on this machine.
        shared.save(new SpaceLists.Space("l-away", "webdav:http://127.0.0.1:9/nowhere", SpaceKeys.newSpace("Sam"),
                "pass", null));
        shared.save(new SpaceLists.Space("l-s3", "s3://bucket/groceries", SpaceKeys.newSpace("Sam"), "pass", null));
        SyncStorage personal = SyncStorage.memory();
        try (Db db = Schema.database(tmp.resolve("tandem.db")).build()) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            try (SyncEngine engine = shared.withSpaces(SyncEngine.builder().storage(personal), Map.of(), store)) {
                store.add("call the bank", null, null);
                SyncReport r = engine.sync(db);
                assertEquals(1, r.pushed(), "the personal remote synced: " + r);
                assertFalse(r.complete());
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains("l-away") && w.contains("did not sync")),
                        r.warnings().toString());
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains("l-s3") && w.contains("cannot sync here")
                        && w.contains("AWS_ACCESS_KEY_ID")), r.warnings().toString());
                assertTrue(engine.describe().endsWith("and 1 shared list"), engine.describe());
            }
        }
        assertTrue(Files.exists(tmp.resolve(SettingsStore.SECRETS_FILE)));
        assertEquals(List.of("l-away", "l-s3"), shared.all().stream().map(SpaceLists.Space::listId).toList());
    }

    /** The list's name comes from the profile's model, the one whose database the sync is handed. */
    @Test
    void sync_sharedListHereUnreachable_theReportNamesTheList() throws Exception {
        SpaceLists shared = new SpaceLists(new SettingsStore(tmp));
        try (Db db = Schema.database(tmp.resolve("tandem.db")).build()) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            String groceries = store.createList("Groceries").id();
            shared.save(new SpaceLists.Space(groceries, "webdav:http://127.0.0.1:9/nowhere", SpaceKeys.newSpace("Sam"),
                    "pass", null));
            try (SyncEngine engine = shared.withSpaces(null, Map.of(), store)) {
                List<String> warnings = engine.sync(db).warnings();
                assertTrue(warnings.stream().anyMatch(w -> w.contains("“Groceries”") && w.contains("did not sync")
                        && !w.contains(groceries)), warnings.toString());
            }
        }
    }
}

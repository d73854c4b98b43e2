package dev.tandem.app.model.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring a backup writes only what differs, as edits that sync, and can be taken back. */
@Tag("unit")
class BackupRestoreTest {
    @TempDir
    Path tmp;

    private TodoStore open(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
    }

    private Path backup(TodoStore store) {
        return store.replica().backups().write(tmp.resolve("b-" + System.nanoTime() + ".tandembackup"), null).file();
    }

    @Test
    void apply_changedTrashedDeletedAndNewItems_writesOnlyDifferingFieldsAndLeavesNewOnesAlone() throws Exception {
        try (TodoStore a = open("a")) {
            TodoList home = a.createList("Home");
            Item edited = a.add("Water plants", home.id(), null);
            a.update(edited.id(), i -> new Item(i.id(), i.listId(), i.title(), "twice a week", i.due(), i.done(),
                    i.doneAt(), i.trashedAt(), i.createdAt()));
            Item trashed = a.add("Pay rent", null, null);
            Item deleted = a.add("Call mum", home.id(), null);
            Item same = a.add("Read", home.id(), null);
            Path file = backup(a);

            a.update(edited.id(), i -> withTitle(i, "Water the plants"));
            a.trash(trashed.id());
            a.deleteForever(deleted.id());
            Item made = a.add("Made since", home.id(), null);

            BackupRestore restore = BackupRestore.read(file, null, tmp.resolve("a"));
            RestoreSummary s = restore.summary(a.db());
            assertEquals(1, s.changed());
            assertEquals(2, s.broughtBack());
            assertEquals(1, s.unchanged());
            assertEquals(1, s.leftAlone());
            assertTrue(s.describe().stream().anyMatch(l -> l.contains("Home: 1 changed, 1 brought back, 1 unchanged, 1 left alone")),
                    s.describe().toString());

            int before = a.history().changes("items", edited.id()).size();
            BackupRestore undo = restore.apply(a.db());
            assertEquals("Water plants", a.get(edited.id()).orElseThrow().title());
            assertEquals("twice a week", a.get(edited.id()).orElseThrow().notes());
            assertNull(a.get(trashed.id()).orElseThrow().trashedAt());
            assertEquals("Call mum", a.get(deleted.id()).orElseThrow().title());
            assertTrue(a.get(made.id()).isPresent());
            List<Change> history = a.history().changes("items", edited.id());
            assertEquals(before + 1, history.size());
            assertEquals(List.of("title"), history.get(history.size() - 1).fields().stream().map(FieldChange::field).toList(),
                    "the restore wrote the title alone");
            assertTrue(restore.summary(a.db()).nothingToDo());

            undo.apply(a.db());
            assertEquals("Water the plants", a.get(edited.id()).orElseThrow().title());
            assertTrue(a.get(trashed.id()).orElseThrow().trashedAt() != null);
            assertFalse(a.get(deleted.id()).isPresent());
            assertTrue(a.get(made.id()).isPresent());
        }
    }

    /**
     * A restore on one device reaches the other as an edit of the fields it wrote; the other
     * device's edit of another field, made meanwhile and not yet synced, survives on both.
     */
    @Test
    void apply_anotherDeviceEditedAnotherFieldMeanwhile_bothEditsSurviveTheSync() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        try (TodoStore a = open("a"); TodoStore b = open("b");
             SyncEngine ea = SyncEngine.builder().folder(remote).build();
             SyncEngine eb = SyncEngine.builder().folder(remote).build()) {
            Item item = a.add("Water plants", null, null);
            a.replica().sync(ea);
            b.replica().sync(eb);
            Path file = backup(a);
            a.update(item.id(), i -> withTitle(i, "Oops, overwritten"));
            a.replica().sync(ea);
            b.replica().sync(eb);
            b.update(item.id(), i -> new Item(i.id(), i.listId(), i.title(), "from B, meanwhile", i.due(), i.done(),
                    i.doneAt(), i.trashedAt(), i.createdAt()));

            BackupRestore.read(file, null, tmp.resolve("a")).apply(a.db());
            for (int round = 0; round < 2; round++) {
                a.replica().sync(ea);
                b.replica().sync(eb);
            }
            for (TodoStore s : List.of(a, b)) {
                Item now = s.get(item.id()).orElseThrow();
                assertEquals("Water plants", now.title());
                assertEquals("from B, meanwhile", now.notes());
            }
        }
    }

    @Test
    void read_intoNewProfile_hasItsOwnDeviceId() throws Exception {
        String original;
        Path file;
        try (TodoStore a = open("a")) {
            a.add("Water plants", null, null);
            original = a.replica().deviceId();
            file = backup(a);
        }
        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("tandem.db");
        Backups.unpack(file, null, fresh);
        try (Db db = Schema.database(fresh).build()) {
            assertFalse(db.deviceId().equals(original));
            assertEquals(1, db.query(Item.class, "SELECT * FROM items").size());
        }
    }

    private static Item withTitle(Item i, String title) {
        return new Item(i.id(), i.listId(), title, i.notes(), i.due(), i.done(), i.doneAt(), i.trashedAt(), i.createdAt(),
                i.priority(), i.repeat(), i.seriesId(), i.remindAt(), i.remindDismissed(), i.kind(), i.dueTime(),
                i.durationMinutes(), i.tags());
    }
}

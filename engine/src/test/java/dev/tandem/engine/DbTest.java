package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Ghost;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.ItemTitleOnly;
import dev.tandem.engine.Fixtures.NoId;
import dev.tandem.engine.Fixtures.TodoList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class DbTest {
    @TempDir
    Path dir;
    Db db;

    @BeforeEach
    void open() {
        db = Db.open(dir.resolve("test.db"));
        db.migrate(Fixtures.MIGRATIONS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void save_nullId_assignsUuidV7AndReturnsStoredRow() {
        Item saved = db.save(Item.of("milk"));
        UUID id = UUID.fromString(saved.id());
        assertEquals(7, id.version());
        assertEquals("milk", saved.title());
        assertEquals(saved, db.get(Item.class, saved.id()).orElseThrow());
    }

    @Test
    void save_emptyId_assignsNewId() {
        Item saved = db.save(new Item("", null, "eggs", false, null, null));
        assertFalse(saved.id().isEmpty());
    }

    @Test
    void save_existingId_updatesRow() {
        Item saved = db.save(Item.of("milk"));
        Item updated = db.save(saved.withTitle("oat milk").withDone(true));
        assertEquals("oat milk", updated.title());
        assertTrue(updated.done());
        assertEquals(1, db.query(Item.class, "SELECT * FROM item").size());
    }

    @Test
    void save_extraComponents_ignoredAndMissingColumnsKept() {
        Item full = db.save(new Item(null, null, "milk", true, 3L, "2 litres"));
        ItemTitleOnly partial = db.save(new ItemTitleOnly(full.id(), "oat milk", "blue"));
        assertEquals("oat milk", partial.title());
        assertNull(partial.colour());
        Item after = db.get(Item.class, full.id()).orElseThrow();
        assertEquals(3L, after.priority());
        assertEquals("2 litres", after.notes());
    }

    @Test
    void query_mapsColumnsByNameAndMissingReadNull() {
        db.save(new Item(null, null, "b", false, 2L, null));
        db.save(new Item(null, null, "a", false, 1L, null));
        List<ItemTitleOnly> rows = db.query(ItemTitleOnly.class, "SELECT id, title FROM item ORDER BY priority");
        assertEquals(List.of("a", "b"), rows.stream().map(ItemTitleOnly::title).toList());
        List<Item> partial = db.query(Item.class, "SELECT id, title FROM item WHERE title = ?", "a");
        assertNull(partial.get(0).priority());
    }

    @Test
    void delete_existing_removesRowAndReturnsTrue() {
        Item saved = db.save(Item.of("milk"));
        assertTrue(db.delete(Item.class, saved.id()));
        assertTrue(db.get(Item.class, saved.id()).isEmpty());
        assertFalse(db.delete(Item.class, saved.id()));
    }

    @Test
    void restore_deleted_bringsBackLastValues() {
        Item saved = db.save(new Item(null, null, "milk", false, 5L, "notes"));
        db.delete(Item.class, saved.id());
        Item restored = db.restore(Item.class, saved.id()).orElseThrow();
        assertEquals(saved, restored);
    }

    @Test
    void save_unknownTable_throwsNamingTable() {
        MappingException e = assertThrows(MappingException.class, () -> db.save(new Ghost(null, "x")));
        assertTrue(e.getMessage().contains("'Ghost'"), e.getMessage());
    }

    @Test
    void save_recordWithoutId_throwsNamingRecord() {
        MappingException e = assertThrows(MappingException.class, () -> db.save(new NoId("x")));
        assertTrue(e.getMessage().contains("NoId") && e.getMessage().contains("id"), e.getMessage());
    }

    @Test
    void save_constraintViolation_throwsStorageExceptionAndKeepsData() {
        Item ok = db.save(Item.of("kept"));
        StorageException e = assertThrows(StorageException.class,
                () -> db.save(new Item(null, "no-such-list", "x", false, null, null)));
        assertTrue(e.getMessage().toLowerCase().contains("table 'item'") && e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        assertEquals(List.of(ok), db.query(Item.class, "SELECT * FROM item"));
        assertEquals(1, db.history().changes("item", ok.id()).size());
    }

    @Test
    void query_badSql_throwsStorageException() {
        assertThrows(StorageException.class, () -> db.query(Item.class, "SELECT * FROM nowhere"));
    }

    @Test
    void transaction_failure_rollsBackEverySave() {
        db.save(new TodoList("l1", "Home"));
        assertThrows(IllegalStateException.class, () -> db.transaction(tx -> {
            tx.save(new Item(null, "l1", "a", false, null, null));
            tx.save(new Item(null, "l1", "b", false, null, null));
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, db.query(Item.class, "SELECT * FROM item").size());
    }

    @Test
    void transaction_readsItsOwnWrites() {
        int seen = db.transactionResult(tx -> {
            tx.save(Item.of("a"));
            return tx.query(Item.class, "SELECT * FROM item").size();
        });
        assertEquals(1, seen);
    }

    @Test
    void migrate_twice_appliesStepsOnce() {
        assertEquals(2, db.schemaVersion());
        db.migrate(Fixtures.MIGRATIONS);
        assertEquals(2, db.schemaVersion());
    }

    @Test
    void migrate_failingStep_rollsBackAndReportsStep() {
        List<String> more = new ArrayList<>(Fixtures.MIGRATIONS);
        more.add("CREATE TABLE ok(id TEXT PRIMARY KEY); CREATE TABLE broken(");
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrate(more));
        assertEquals(2, e.step());
        assertEquals(2, db.schemaVersion());
        assertThrows(StorageException.class, () -> db.query(Item.class, "SELECT * FROM ok"));
    }

    @Test
    void open_corruptFile_throwsStorageException() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.write(bad, "this is not a database, just some text that is long enough to have a header".repeat(20).getBytes());
        StorageException e = assertThrows(StorageException.class, () -> Db.open(bad));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(Files.readString(bad).startsWith("this is not a database"));
    }

    @Test
    void save_fileLockedByAnotherProcess_throwsStorageExceptionSayingLocked() throws Exception {
        Path file = dir.resolve("locked.db");
        try (Db locked = Db.builder().file(file).busyTimeout(Duration.ofMillis(200)).build();
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            locked.migrate(Fixtures.MIGRATIONS);
            Item kept = locked.save(Item.of("before"));
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                StorageException e = assertThrows(StorageException.class, () -> locked.save(Item.of("blocked")));
                assertTrue(e.getMessage().contains("locked"), e.getMessage());
                st.execute("ROLLBACK");
            }
            assertEquals(List.of(kept), locked.query(Item.class, "SELECT * FROM item"));
            locked.save(Item.of("after"));
        }
    }

    @Test
    void openMemory_worksLikeAFile() {
        try (Db mem = Db.openMemory()) {
            mem.migrate(Fixtures.MIGRATIONS);
            Item saved = mem.save(Item.of("x"));
            assertEquals(saved, mem.get(Item.class, saved.id()).orElseThrow());
            assertTrue(mem.file().isEmpty());
        }
    }

    @Test
    void reopen_keepsDeviceIdAndData() {
        Item saved = db.save(Item.of("persist"));
        String device = db.deviceId();
        db.close();
        db = Db.open(dir.resolve("test.db"));
        assertEquals(device, db.deviceId());
        assertNotNull(db.get(Item.class, saved.id()).orElse(null));
    }

    @Test
    void builder_invalidReaders_namesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Db.builder().memory().readers(0).build());
        assertTrue(e.getMessage().startsWith("readers"), e.getMessage());
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> Db.builder().memory().file(dir.resolve("x.db")).build());
        assertTrue(both.getMessage().startsWith("file"), both.getMessage());
    }
}

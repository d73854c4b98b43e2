package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.Canonical;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new device bootstraps from a snapshot through the fast path, which writes rows in bulk. Rows
 * this device's schema refuses must be held back like in any merge, and names that are only
 * shadow tables here must never be written: before, a list without a name (the writer's schema
 * allows it) failed the bootstrap for good, and a writer's table called {@code item_fts_data} was
 * written into this device's full-text index.
 */
@Tag("unit")
class BootstrapRefusedRowsTest {
    static final List<String> WRITER_SCHEMA = List.of(
            "CREATE TABLE list(id TEXT PRIMARY KEY, name TEXT);"
                    + "CREATE TABLE item(id TEXT PRIMARY KEY, list_id TEXT REFERENCES list(id), title TEXT,"
                    + " done INTEGER NOT NULL DEFAULT 0, priority INTEGER, notes TEXT);"
                    + "CREATE TABLE tag(id TEXT PRIMARY KEY, label TEXT);"
                    + "CREATE TABLE item_fts_data(id TEXT PRIMARY KEY, block BLOB);");

    @Table("list")
    record NamelessList(String id, String name) {
    }

    @Table("item_fts_data")
    record Block(String id, byte[] block) {
    }

    final SyncStorage remote = SyncStorage.memory();
    final SyncEngine engine = SyncEngine.builder().storage(remote).snapshotEvery(0).build();
    final List<Db> dbs = new ArrayList<>();

    @AfterEach
    void close() {
        dbs.forEach(Db::close);
    }

    Db device(List<String> schema) {
        Db db = Db.openMemory();
        db.migrate(schema);
        dbs.add(db);
        return db;
    }

    @Test
    void bootstrap_rowsThisSchemaRefuses_heldAndTheRestApplied() {
        Db writer = device(WRITER_SCHEMA);
        writer.save(new NamelessList("nameless", null));
        writer.save(new Block("1", new byte[] {9, 9, 9, 9}));
        for (int i = 0; i < 10; i++) {
            writer.save(Item.of("item " + i));
            engine.sync(writer);
        }
        assertTrue(engine.compact(writer).snapshotWritten());

        Db fresh = device(Fixtures.MIGRATIONS);
        SyncReport r = engine.sync(fresh);
        assertEquals(0, r.skipped(), r.toString());
        assertEquals(10, fresh.query(Item.class, "SELECT * FROM item").size());
        assertTrue(Canonical.pending(fresh).contains("list/nameless"), Canonical.pending(fresh).toString());
        assertTrue(Canonical.pending(fresh).contains("item_fts_data/1"), Canonical.pending(fresh).toString());
        assertEquals("ok", Canonical.integrity(fresh));
        record Hit(String id, long n) {
        }
        assertEquals(10, fresh.query(Hit.class, "SELECT 'x' AS id, count(*) AS n FROM item_fts WHERE item_fts MATCH 'item'")
                .get(0).n(), "the full-text index is intact");
    }
}

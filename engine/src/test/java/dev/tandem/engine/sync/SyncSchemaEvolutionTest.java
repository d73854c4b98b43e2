package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Devices on different schema versions: what a newer one writes waits on an older one until it migrates. */
@Tag("unit")
class SyncSchemaEvolutionTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncEngine engine = fixture.engine();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    @Test
    void sync_unknownColumn_keptAndAppliedAfterMigration() {
        Db newer = device("newer");
        newer.migrate(addColumn());
        newer.save(new Colored(null, "paint", "red"));
        engine.sync(newer);
        Db older = device("older");
        engine.sync(older);
        Item seen = items(older).get(0);
        assertEquals("paint", seen.title());
        older.migrate(addColumn());
        assertEquals("red", older.query(Colored.class, "SELECT * FROM item").get(0).colour());
    }

    @Test
    void sync_unknownTable_keptAndAppliedAfterMigration() {
        Db newer = device("newer2");
        List<String> withNote = new ArrayList<>(Fixtures.MIGRATIONS);
        withNote.add("CREATE TABLE note(id TEXT PRIMARY KEY, body TEXT)");
        newer.migrate(withNote);
        newer.save(new Note(null, "hello"));
        engine.sync(newer);
        Db older = device("older2");
        SyncReport r = engine.sync(older);
        assertEquals(1, r.pulled());
        older.migrate(withNote);
        assertEquals("hello", older.query(Note.class, "SELECT * FROM note").get(0).body());
    }

    @Table("item")
    record Colored(String id, String title, String colour) {
    }

    record Note(String id, String body) {
    }

    static List<String> addColumn() {
        List<String> m = new ArrayList<>(Fixtures.MIGRATIONS);
        m.add("ALTER TABLE item ADD COLUMN colour TEXT");
        return m;
    }
}

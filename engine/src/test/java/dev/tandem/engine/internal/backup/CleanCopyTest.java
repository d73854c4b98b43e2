package dev.tandem.engine.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup's rows in a schema the program built: nothing of the file's own schema is kept or run. */
@Tag("unit")
class CleanCopyTest {
    private static final Consumer<Path> SCHEMA = p -> {
        try (Db db = Db.open(p)) {
            db.migrate(Fixtures.MIGRATIONS);
        }
    };

    @TempDir
    Path dir;

    private Path backupEditedWith(String... sql) throws Exception {
        Path backup = dir.resolve("b.tandembackup");
        try (Db db = Db.open(dir.resolve("profile.db"))) {
            db.migrate(Fixtures.MIGRATIONS);
            db.transaction(tx -> {
                tx.save(new TodoList("l1", "Home"));
                tx.save(new Item("i1", "l1", "Water plants", false, null, "twice a week"));
            });
            db.backups().write(backup, null);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
        return backup;
    }

    private static List<String> schemaNames(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void unpack_backupWithATriggerAndATable_keepsTheRowsAndNoneOfItsSchema() throws Exception {
        Path backup = backupEditedWith(
                "CREATE TRIGGER pwn AFTER INSERT ON item BEGIN UPDATE item SET title = 'PWNED-' || new.title"
                        + " WHERE id = new.id; END",
                "CREATE TABLE extra(x)", "CREATE VIEW pwn_view AS SELECT 1", "CREATE INDEX pwn_index ON item(title)");
        Path target = dir.resolve("restored.db");
        Backups.unpack(backup, null, target, SCHEMA);

        Path fresh = dir.resolve("fresh.db");
        SCHEMA.accept(fresh);
        assertEquals(schemaNames(fresh), schemaNames(target), "the schema is the program's, nothing more");
        try (Db db = Db.open(target)) {
            assertEquals("Water plants", db.get(Item.class, "i1").orElseThrow().title());
            db.save(new Item("i2", "l1", "Buy milk", false, null, null));
            assertEquals("Buy milk", db.get(Item.class, "i2").orElseThrow().title());
            assertEquals(2, db.query(Item.class, "SELECT item.* FROM item JOIN item_fts ON item_fts.rowid = item.rowid"
                    + " WHERE item_fts MATCH ?", "water OR milk").size(), "the search index refilled from the rows");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "the unpacked copy is gone");
        }
    }

    @Test
    void unpack_backupFromANewerSchema_isRefusedAndLeavesNothing() throws Exception {
        Path backup = backupEditedWith("UPDATE _tandem_meta SET value = 99 WHERE key = 'schema_version'");
        Path target = dir.resolve("restored.db");
        BackupException e = assertThrows(BackupException.class, () -> Backups.unpack(backup, null, target, SCHEMA));
        assertEquals(BackupException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith("restored")), "nothing of it is left");
        }
    }
}

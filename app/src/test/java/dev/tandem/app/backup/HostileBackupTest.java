package dev.tandem.app.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.backup.BackupRestore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain backup someone edited to carry code: a trigger that renames every todo typed after the
 * restore (and so syncs the rename), a view, an index. Restored into a new profile or into this
 * one, none of it is kept or runs; the backup's todos come back.
 */
@Tag("unit")
class HostileBackupTest {
    private static final String TRIGGER = "CREATE TRIGGER pwn AFTER INSERT ON items BEGIN"
            + " UPDATE items SET title = 'PWNED-' || new.title WHERE id = new.id; END";

    @TempDir
    Path tmp;

    private Path hostileBackup() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("source"));
        Path file;
        try (TodoStore s = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            s.add("Water plants", null, null);
            file = s.replica().backups().write(tmp.resolve("tandem-source-2026-11-26T0039.tandembackup"), null).file();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute(TRIGGER);
            st.execute("CREATE VIEW pwn_view AS SELECT title FROM items");
            st.execute("CREATE INDEX pwn_index ON items(title)");
        }
        return file;
    }

    @Test
    void intoNewProfile_backupWithATrigger_nextTodoKeepsItsTitleAndNoForeignSchemaSurvives() throws Exception {
        Path backup = hostileBackup();
        Path fresh = tmp.resolve("fresh");
        BackupService.intoNewProfile(backup, null, fresh, "tandem.db");
        try (TodoStore s = new TodoStore(Schema.database(fresh.resolve("tandem.db")).build(), Clock.systemUTC())) {
            assertTrue(s.allItems().stream().anyMatch(i -> i.title().equals("Water plants")));
            Item typed = s.add("Buy milk", null, null);
            assertEquals("Buy milk", s.get(typed.id()).orElseThrow().title());
            assertNoForeignSchema(fresh.resolve("tandem.db"));
        }
        try (Stream<Path> left = Files.list(fresh)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().contains(".tmp")).toList(),
                    "the unpacked backup is gone");
        }
    }

    @Test
    void read_backupWithATrigger_restoresTheRowsAndNothingOfItsSchemaRuns() throws Exception {
        Path backup = hostileBackup();
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        try (TodoStore s = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            BackupRestore.read(backup, null, dir).apply(s);
            assertTrue(s.allItems().stream().anyMatch(i -> i.title().equals("Water plants")));
            Item typed = s.add("Buy milk", null, null);
            assertEquals("Buy milk", s.get(typed.id()).orElseThrow().title());
            assertNoForeignSchema(dir.resolve("tandem.db"));
        }
    }

    @Test
    void open_anyProfile_distrustsTheFilesSchema() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        try (TodoStore s = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            s.add("Water plants", null, null);
            // A reader of the pool, and the writer.
            assertEquals(List.of(new TrustedSchema("now", 0)), s.writeAll(tx -> tx.query(TrustedSchema.class, TRUSTED)));
            assertEquals(List.of(new TrustedSchema("now", 0)),
                    s.writeAll(tx -> tx.query(TrustedSchema.class, TRUSTED)));
        }
    }

    private static final String TRUSTED = "SELECT 'now' AS id, trusted_schema FROM pragma_trusted_schema";

    /** The row {@code PRAGMA trusted_schema} reads (the engine maps rows to records with an id). */
    record TrustedSchema(String id, long trusted_schema) {
    }

    private static void assertNoForeignSchema(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT type, name FROM sqlite_schema WHERE name LIKE 'pwn%' OR type = 'view'")) {
            assertTrue(!rs.next(), "a foreign schema object survived");
        }
    }
}

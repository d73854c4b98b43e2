package dev.tandem.engine.internal.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Change;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the engine of internal version 1 opens with every change, attribute,
 * winner and conflict it had. The fixture {@code changelog-v1.db} and what that engine read from
 * it, {@code changelog-v1.txt}, were made by {@link #main} run against the version 1 engine
 * (commit aba6154); only public API is used, so the same dump runs on both. One line differs from
 * what that engine read, on purpose: an edit-delete conflict's kept side is now the delete (the
 * tombstone's value 1, from the delete's change); version 1 showed the edit itself on both sides.
 */
@Tag("unit")
class ChangelogUpgradeTest {
    record Task(String id, String title, Double score, byte[] data, Long done) {
        Task withTitle(String t) {
            return new Task(id, t, score, data, done);
        }
    }

    static final String TASK_DDL = "CREATE TABLE task(id TEXT PRIMARY KEY, title TEXT, score REAL, data BLOB,"
            + " done INTEGER NOT NULL DEFAULT 0)";

    @Test
    void open_version1Changelog_readsAsVersion1Did(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        assertEquals(1, internalVersion(file), "the fixture is a version 1 database");
        try (Db db = Db.open(file)) {
            assertEquals(resource("changelog-v1.txt"), dump(db, file));
        }
        assertEquals(2, internalVersion(file));
        assertEquals(0, pragma(file, "freelist_count"), "the old tables' pages went back to the file system");
        try (Db db = Db.open(file)) {
            assertEquals(resource("changelog-v1.txt"), dump(db, file), "opening again changes nothing");
        }
    }

    @Test
    void save_afterUpgrade_replacesTheVersion1WinnerWithALaterId(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        try (Db db = Db.open(file)) {
            Task t1 = db.query(Task.class, "SELECT * FROM task WHERE title LIKE '%title'").get(0);
            List<Change> before = db.history().changes("task", t1.id());
            String winner = before.stream().filter(c -> c.fields().stream().anyMatch(f -> f.field().equals("title")))
                    .max(Comparator.comparing(Change::id)).orElseThrow().id();
            String newestOld = db.query(Row.class, "SELECT lower(hex(max(id))) AS id FROM _tandem_change").get(0).id();

            db.save(t1.withTitle("after the upgrade"));

            List<Change> after = db.history().changes("task", t1.id());
            assertEquals(before.size() + 1, after.size());
            Change edit = after.get(after.size() - 1);
            FieldChange title = edit.fields().get(0);
            assertEquals("title", title.field());
            assertEquals(winner, title.replaces(), "the edit replaces the winner kept through the upgrade");
            assertTrue(edit.id().replace("-", "").compareTo(newestOld) > 0, "the clock starts after every old id");
        }
    }

    record Row(String id) {
    }

    private static Path fixture(Path dir) throws IOException {
        Path file = dir.resolve("v1.db");
        try (InputStream in = Objects.requireNonNull(ChangelogUpgradeTest.class.getResourceAsStream("changelog-v1.db"))) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ChangelogUpgradeTest.class.getResourceAsStream(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long pragma(Path file, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.getLong(1);
        }
    }

    private static long internalVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM _tandem_meta WHERE key = 'internal_version'")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Rows, every entity's history and the conflicts, as text. */
    static String dump(Db db, Path file) throws SQLException {
        List<String> entities = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT entity FROM _tandem_change WHERE tbl = 'task' ORDER BY 1")) {
            while (rs.next()) {
                entities.add(rs.getString(1));
            }
        }
        StringBuilder out = new StringBuilder("device " + db.deviceId() + "\n");
        for (String id : entities) {
            out.append("entity ").append(id).append(": ");
            db.get(Task.class, id).ifPresentOrElse(t -> out.append(t.title()).append(" | ").append(t.score())
                    .append(" | ").append(text(t.data())).append(" | ").append(t.done()), () -> out.append("(no row)"));
            out.append('\n');
            for (Change c : db.history().changes("task", id)) {
                out.append("  ").append(c.id()).append(" by ").append(c.author()).append(" at ").append(c.at()).append('\n');
                for (FieldChange f : c.fields()) {
                    out.append("    ").append(f.field()).append(" = ").append(text(f.value())).append(" replaces ")
                            .append(f.replaces()).append('\n');
                }
            }
        }
        for (Conflict k : db.conflicts().list()) {
            out.append("conflict ").append(k.id()).append(' ').append(k.kind()).append(' ').append(k.entity())
                    .append('.').append(k.field()).append(" kept ").append(text(k.keptValue())).append(" from ")
                    .append(k.keptChange()).append(" lost ").append(text(k.lostValue())).append(" from ")
                    .append(k.lostChange()).append(" by ").append(k.lostAuthor()).append('\n');
        }
        return out.toString();
    }

    private static String text(Object v) {
        return v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(v);
    }

    /**
     * Makes the fixture in {@code args[0]}: two devices edit and delete the same tasks concurrently
     * through a folder remote; the second device's file, with pushed and unpushed changes, pulled
     * ones and conflicts, is the fixture.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir.resolve("remote"));
        SyncEngine engine = SyncEngine.builder().folder(dir.resolve("remote")).build();
        Path fileB = dir.resolve("changelog-v1.db");
        try (Db a = Db.open(dir.resolve("a.db")); Db b = Db.open(fileB)) {
            a.migrate(List.of(TASK_DDL));
            b.migrate(List.of(TASK_DDL));
            Task t1 = a.save(new Task(null, "Buy milk", 1.5, new byte[] {1, 2, 3}, 0L));
            Task t2 = a.save(new Task(null, "Call Grandma", null, null, 0L));
            Task t3 = a.save(new Task(null, "Fix the bike", 2.0, new byte[0], 1L));
            t1 = a.save(t1.withTitle("Buy oat milk"));
            a.delete(Task.class, t2.id());
            engine.sync(a);
            engine.sync(b);
            b.save(t1.withTitle("B's title"));
            a.save(t1.withTitle("A's title"));
            b.delete(Task.class, t3.id());
            a.save(t3.withTitle("Fix the bike tyre"));
            engine.sync(b);
            engine.sync(a);
            engine.sync(b);
            b.save(new Task(null, "Not pushed yet", -0.25, "é".getBytes(StandardCharsets.UTF_8), 0L));
        }
        try (Db b = Db.open(fileB)) {
            Files.writeString(dir.resolve("changelog-v1.txt"), dump(b, fileB));
        }
        assertNotNull(fileB);
    }
}

package dev.tandem.engine.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pulled batch's rows written group by group ({@link MergedRows}) on a real file: what SQLite
 * keeps on the side while it writes them, and a refused row among good ones.
 */
@Tag("unit")
class MergedRowsTest {
    /** The app's shape: a table with several indexes and a search index kept by triggers. */
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE task(id TEXT PRIMARY KEY, list TEXT, title TEXT NOT NULL, notes TEXT, due TEXT,"
                    + " priority INTEGER, createdAt INTEGER)",
            "CREATE INDEX task_list ON task(list)",
            "CREATE INDEX task_due ON task(due)",
            "CREATE INDEX task_priority ON task(priority)",
            "CREATE INDEX task_created ON task(createdAt)",
            "CREATE VIRTUAL TABLE task_fts USING fts5(title, notes)",
            "CREATE TRIGGER task_fts_insert AFTER INSERT ON task BEGIN"
                    + " DELETE FROM task_fts WHERE rowid = new.rowid;"
                    + " INSERT INTO task_fts(rowid, title, notes) VALUES (new.rowid, new.title, coalesce(new.notes, ''));"
                    + " END");

    @TempDir
    Path dir;

    /**
     * A statement that fails under ABORT undoes itself, so the group needs no savepoint of its own.
     * With one held across the group, every row's statement journal (the pages its insert and the
     * search index's trigger touch) went to a temporary file once it passed SQLite's 64 KiB in
     * memory: 35 MB written for a merge that leaves 1 MB in the WAL. Without it, a statement's
     * journal stays small, and what spills (a statement whose inserts split several indexes at once)
     * is about 4 MB.
     */
    @Test
    void apply_thousandNewRowsIndexedAndSearched_writesAFewTimesWhatItKeeps() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/io")), "needs Linux's /proc to count the bytes written");
        try (Db db = Db.builder().file(dir.resolve("pull.db")).build()) {
            db.migrate(SCHEMA);
            List<ChangeData> changes = tasks(1000, -1);
            RemoteApply apply = SyncPort.of(db).remoteApply();
            long before = bytesWritten();
            SyncPort.of(db).write("pull", s -> apply.apply(s, UUID.randomUUID(), changes, 0));
            long written = bytesWritten() - before;
            long kept = Files.size(dir.resolve("pull.db-wal"));
            assertTrue(written < 8 * kept, "the merge wrote " + written + " B for " + kept + " B in the WAL");
            assertEquals(1000L, count(db, "SELECT count(*) FROM task"));
            assertEquals(1000L, count(db, "SELECT count(*) FROM task_fts WHERE task_fts MATCH 'benchmark'"));
        }
    }

    @Test
    void apply_oneRefusedRowAmongAThousand_writesTheOthersAndHoldsIt() {
        try (Db db = Db.builder().file(dir.resolve("pull.db")).build()) {
            db.migrate(SCHEMA);
            List<ChangeData> changes = tasks(1000, 500);
            RemoteApply apply = SyncPort.of(db).remoteApply();
            SyncPort.of(db).write("pull", s -> apply.apply(s, UUID.randomUUID(), changes, 0));
            assertEquals(999L, count(db, "SELECT count(*) FROM task"));
            assertEquals(0L, count(db, "SELECT count(*) FROM task WHERE id = 't500'"));
            assertEquals(999L, count(db, "SELECT count(*) FROM task_fts"),
                    "the refused row's search entry was undone with it");
            assertEquals(1L, count(db, "SELECT count(*) FROM _tandem_pending WHERE entity = 't500'"));
        }
    }

    /** {@code n} new tasks from one device; the one at {@code untitled} has no title, which the table refuses. */
    private static List<ChangeData> tasks(int n, int untitled) {
        HybridClock clock = new HybridClock(Clock.systemUTC());
        List<ChangeData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<FieldData> fields = new ArrayList<>();
            fields.add(new FieldData("title", i == untitled ? null : "To-do " + i + ": benchmark item " + i, null));
            fields.add(new FieldData("notes", "Details for item " + i + ".", null));
            fields.add(new FieldData("list", "bench", null));
            fields.add(new FieldData("due", "2026-12-" + (1 + i % 28), null));
            fields.add(new FieldData("priority", (long) (i % 4), null));
            fields.add(new FieldData("createdAt", 1_735_689_600_000L + i, null));
            out.add(new ChangeData(clock.next(), "task", "t" + i, fields));
        }
        return out;
    }

    /** What this process has written through write(2) and its kin, from /proc/self/io. */
    private static long bytesWritten() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (l.startsWith("wchar:")) {
                    return Long.parseLong(l.substring(6).trim());
                }
            }
            throw new IllegalStateException("no wchar in /proc/self/io");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Db db, String sql) {
        return SyncPort.of(db).read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

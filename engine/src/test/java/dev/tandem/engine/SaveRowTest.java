package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code save} returns and records, with and without a trigger in the schema: without one
 * the row comes back from the write itself ({@code RETURNING *}), with one it is read back at the
 * end of the save. Both must give the row as the table holds it.
 */
@Tag("unit")
class SaveRowTest {
    private static final String NOTE = "CREATE TABLE note(id TEXT PRIMARY KEY, body TEXT NOT NULL,"
            + " status TEXT NOT NULL DEFAULT 'open', score INTEGER DEFAULT 7,"
            + " total INTEGER GENERATED ALWAYS AS (coalesce(score, 0) * 2) VIRTUAL)";
    /** A trigger that leaves every row as it is, on another table: enough to need the read-back. */
    private static final String TRIGGER = "CREATE TABLE audit(n INTEGER);"
            + "CREATE TRIGGER audit_ai AFTER INSERT ON audit BEGIN SELECT 1; END";

    @Table("note")
    record Note(String id, String body, String status, Long score, Long total) {
        Note withScore(Long s) {
            return new Note(id, body, status, s, total);
        }
    }

    @Table("note")
    record NoteBody(String id, String body) {
    }

    @Table("note")
    record NoteTagged(String id, String body, String tag) {
    }

    @TempDir
    Path dir;
    Db db;

    private Db open(boolean withTrigger) {
        db = Db.open(dir.resolve("save.db"));
        db.migrate(withTrigger ? List.of(NOTE, TRIGGER) : List.of(NOTE));
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Map<String, Object> fields(Change c) {
        return c.fields().stream().collect(Collectors.toMap(FieldChange::field, f -> f.value() == null ? "NULL" : f.value()));
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void save_partialRecordInsert_returnsAndRecordsColumnDefaults(boolean withTrigger) {
        open(withTrigger);
        NoteBody saved = db.save(new NoteBody(null, "call Anna"));
        assertEquals(db.get(NoteBody.class, saved.id()).orElseThrow(), saved);
        Note stored = db.get(Note.class, saved.id()).orElseThrow();
        assertEquals(new Note(saved.id(), "call Anna", "open", 7L, 14L), stored);
        Map<String, Object> recorded = fields(db.history().changes("note", saved.id()).get(0));
        assertEquals("open", recorded.get("status"));
        assertEquals(7L, recorded.get("score"));
        assertEquals("call Anna", recorded.get("body"));
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void save_update_returnsRowWithGeneratedColumnRecomputed(boolean withTrigger) {
        open(withTrigger);
        Note first = db.save(new Note(null, "b", "open", 3L, null));
        assertEquals(6L, first.total());
        Note second = db.save(first.withScore(5L));
        assertEquals(10L, second.total());
        assertEquals(db.get(Note.class, first.id()).orElseThrow(), second);
        assertEquals(Map.of("score", 5L), fields(db.history().changes("note", first.id()).get(1)));
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void save_unchanged_returnsStoredRowAndRecordsNothing(boolean withTrigger) {
        open(withTrigger);
        Note first = db.save(new Note(null, "b", "open", 3L, null));
        Note again = db.save(new Note(first.id(), "b", "open", 3L, 999L));
        assertEquals(first, again);
        assertEquals(1, db.history().changes("note", first.id()).size());
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void save_deletedEntityAgain_recordsUndeleteReplacingTombstone(boolean withTrigger) {
        open(withTrigger);
        Note first = db.save(new Note(null, "b", "open", 3L, null));
        assertTrue(db.delete(Note.class, first.id()));
        Note back = db.save(new Note(first.id(), "c", "open", 3L, null));
        assertEquals(db.get(Note.class, first.id()).orElseThrow(), back);
        List<Change> history = db.history().changes("note", first.id());
        assertEquals(3, history.size());
        FieldChange undelete = history.get(2).fields().stream()
                .filter(f -> f.field().equals(Change.DELETED_FIELD)).findFirst().orElseThrow();
        assertEquals(0L, undelete.value());
        assertEquals(history.get(1).id(), undelete.replaces());
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void restore_deletedNote_bringsRowBackAndOnlyOnce(boolean withTrigger) {
        open(withTrigger);
        Note first = db.save(new Note(null, "b", "done", 3L, null));
        db.delete(Note.class, first.id());
        assertEquals(first, db.restore(Note.class, first.id()).orElseThrow());
        db.restore(Note.class, first.id());
        assertEquals(3, db.history().changes("note", first.id()).size());
    }

    @ParameterizedTest(name = "trigger={0}")
    @ValueSource(booleans = {false, true})
    void save_afterMigrationAddsColumn_writesAndReturnsNewColumn(boolean withTrigger) {
        open(withTrigger);
        Note first = db.save(new Note(null, "b", "open", 3L, null));
        List<String> steps = new ArrayList<>(withTrigger ? List.of(NOTE, TRIGGER) : List.of(NOTE));
        steps.add("ALTER TABLE note ADD COLUMN tag TEXT");
        db.migrate(steps);
        NoteTagged tagged = db.save(new NoteTagged(first.id(), "b", "home"));
        assertEquals(new NoteTagged(first.id(), "b", "home"), tagged);
        assertEquals(Map.of("tag", "home"), fields(db.history().changes("note", first.id()).get(1)));
    }

    @Test
    void save_afterTriggerEditsSavedRow_returnsAndRecordsRowAsTriggerLeftIt() {
        db = Db.open(dir.resolve("trigger.db"));
        db.migrate(List.of(NOTE, "CREATE TRIGGER shout AFTER INSERT ON note BEGIN"
                + " UPDATE note SET body = upper(body) WHERE id = new.id; END"));
        Note saved = db.save(new Note(null, "quiet", "open", 1L, null));
        assertEquals("QUIET", saved.body());
        assertEquals("QUIET", fields(db.history().changes("note", saved.id()).get(0)).get("body"));
    }

    @Test
    void save_tempTriggerEditsSavedRow_returnsRowAsTriggerLeftIt() {
        db = Db.open(dir.resolve("temp-trigger.db"));
        db.migrate(List.of(NOTE, "CREATE TEMP TRIGGER shout AFTER UPDATE OF body ON main.note BEGIN"
                + " UPDATE main.note SET body = upper(body) WHERE id = new.id AND body <> upper(body); END"));
        Note saved = db.save(new Note(null, "quiet", "open", 1L, null));
        Note edited = db.save(new Note(saved.id(), "still quiet", "open", 1L, null));
        assertEquals("STILL QUIET", edited.body());
        assertEquals(db.get(Note.class, saved.id()).orElseThrow(), edited);
    }

    @Test
    void transaction_severalSavesOfOneRow_eachReturnsRowSoFar() {
        open(false);
        db.transaction(tx -> {
            Note a = tx.save(new Note("n1", "a", "open", 1L, null));
            Note b = tx.save(a.withScore(2L));
            assertEquals(4L, b.total());
            assertEquals(b, tx.get(Note.class, "n1").orElseThrow());
        });
        assertEquals(2, db.history().changes("note", "n1").size());
    }

    @Table("kinds")
    record Kinds(String id, Object i, Object t, Object r, Object n, Object b) {
        Object get(int k) {
            return new Object[] {i, t, r, n, b}[k];
        }

        Kinds with(int k, Object v) {
            Object[] c = {i, t, r, n, b};
            c[k] = v;
            return new Kinds(id, c[0], c[1], c[2], c[3], c[4]);
        }
    }

    private static String shown(Kinds k) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < 5; c++) {
            Object v = k.get(c);
            out.append(v instanceof byte[] bytes ? "x" + HexFormat.of().formatHex(bytes)
                    : v == null ? "null" : v.getClass().getSimpleName() + ":" + v).append(' ');
        }
        return out.toString();
    }

    /**
     * An edit returns the row without reading it back when SQLite stores every new value as given
     * (SavePlan.storedAsGiven); this pins that to what a read shows, for every column affinity and
     * the values whose storage differs from what was bound.
     */
    @Test
    void save_updateOfEveryAffinityAndValueKind_returnsRowAsStored() {
        db = Db.open(dir.resolve("kinds.db"));
        db.migrate(List.of("CREATE TABLE kinds(id TEXT PRIMARY KEY, i INTEGER, t TEXT, r REAL, n NUMERIC, b)"));
        List<Object> values = Arrays.asList(5L, -3L, Long.MAX_VALUE, 2.5, 3.0, -0.0, 1e300, Double.NaN,
                Double.POSITIVE_INFINITY, "12", " 12", "1e3", "0x10", "abc", "", new byte[] {1, 2}, new byte[0], null,
                7, true);
        int checked = 0;
        for (int column = 0; column < 5; column++) {
            for (Object v : values) {
                Kinds saved = db.save(new Kinds(null, 1L, "x", 1.5, 1L, "y"));
                Kinds edited = db.save(saved.with(column, v));
                assertEquals(shown(db.get(Kinds.class, saved.id()).orElseThrow()), shown(edited),
                        "column " + column + " set to " + v);
                checked++;
            }
        }
        assertEquals(100, checked);
    }
}

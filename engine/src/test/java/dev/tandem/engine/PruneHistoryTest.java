package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pruning history: old versions go, while rows, the next push, listed conflicts and the last versions stay. */
@Tag("unit")
class PruneHistoryTest {
    private static final long DAY = 24L * 3600 * 1000;
    private static final Duration YEAR = Duration.ofDays(365);

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    final SyncStorage remote = fixture.remote();

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    SyncEngine engine() {
        return fixture.closeAfter(SyncEngine.builder().storage(remote).build());
    }

    /** One todo renamed {@code times} times, {@code daysApart} days apart; returns its id. */
    private String renamed(Db db, int times, int daysApart) {
        Item it = db.save(Item.of("v0").withList(null));
        for (int i = 1; i <= times; i++) {
            clock.millis.addAndGet(daysApart * DAY);
            it = db.save(it.withTitle("v" + i));
        }
        return it.id();
    }

    private static String stateHash(Db db) {
        return Canonical.userTables(db).toString();
    }

    private static long changes(Db db) {
        record N(String id, long n) {
        }
        return db.query(N.class, "SELECT 'x' AS id, count(*) AS n FROM _tandem_change").get(0).n();
    }

    @Test
    void held_afterPruning_exactlyTheChangesStillKeptAndNoneForIdsThatAreNoChanges() {
        SyncEngine engine = engine();
        Db a = device("a");
        String id = renamed(a, 12, 60);
        engine.sync(a);
        List<String> before = a.history().changes("item", id).stream().map(Change::id).toList();
        assertEquals(java.util.Set.copyOf(before), a.history().held(before));

        a.pruneHistory(YEAR);
        List<String> after = a.history().changes("item", id).stream().map(Change::id).toList();
        java.util.List<String> asked = new java.util.ArrayList<>(before);
        asked.add("not a change id");
        asked.add("01890000-0000-7000-8000-000000000000");
        assertEquals(java.util.Set.copyOf(after), a.history().held(asked), "v1 to v5 forgotten, the rest held");
        assertEquals(java.util.Set.of(), a.history().held(List.of()));
    }

    @Test
    void pruneHistory_oldVersionsPushedEverywhere_forgottenKeepingTheLastThreeAndTheRows() {
        SyncEngine engine = engine();
        Db a = device("a");
        String id = renamed(a, 12, 60); // two years of renames, one every 60 days
        engine.sync(a);
        String before = stateHash(a);

        PrunedHistory pruned = a.pruneHistory(YEAR);
        // Kept: the last year (v6..v12) and the insert, which still wins every field but the title.
        assertEquals(5, pruned.changes(), "v1 to v5");
        assertEquals(before, stateHash(a));
        List<Change> history = a.history().changes("item", id);
        assertEquals(8, history.size(), history.toString());
        assertEquals(0, engine.pendingChanges(a), "nothing to push appeared");
        assertEquals(0, a.pruneHistory(YEAR).changes(), "a second run finds nothing");

        Db b = device("b");
        engine.sync(b);
        assertEquals(before, stateHash(b), "a new device still gets the same state");
    }

    @Test
    void pruneHistory_shortWindow_keepsTheLastThreeVersionsOfEveryAttribute() {
        Db a = device("a");
        engine().sync(a);
        String id = renamed(a, 8, 1);
        engine().sync(a);
        a.pruneHistory(Duration.ZERO);
        List<Change> history = a.history().changes("item", id);
        assertEquals(4, history.size(), "the insert, which still wins the other fields, and the last three titles");
        for (String title : List.of("v6", "v7", "v8")) {
            assertTrue(history.stream().anyMatch(c -> c.fields().stream().anyMatch(f -> title.equals(f.value()))), title);
        }
    }

    @Test
    void pruneHistory_changesNotPushed_keptHoweverOld() {
        Db a = device("a");
        String id = renamed(a, 12, 60);
        assertEquals(0, a.pruneHistory(YEAR).changes(), "never pushed: every own change waits for its first push");
        assertEquals(13, a.history().changes("item", id).size());
    }

    @Test
    void pruneHistory_listedConflictKeepsItsChangesDismissedOneGoesAfterTheWindow() {
        SyncEngine engine = engine();
        Db a = device("a");
        Db b = device("b");
        Item shared = a.save(Item.of("shared"));
        engine.sync(a);
        engine.sync(b);
        b.save(b.get(Item.class, shared.id()).orElseThrow().withTitle("b's title"));
        clock.millis.addAndGet(1000);
        a.save(a.get(Item.class, shared.id()).orElseThrow().withTitle("a's title"));
        engine.sync(a);
        engine.sync(b);
        engine.sync(a);
        assertEquals(1, b.conflicts().list().size());
        for (int i = 0; i < 5; i++) { // later renames push the clash out of the last three versions
            clock.millis.addAndGet(100 * DAY);
            b.save(b.get(Item.class, shared.id()).orElseThrow().withTitle("later " + i));
        }
        engine.sync(b);
        b.pruneHistory(YEAR);
        Conflict kept = b.conflicts().list().get(0);
        assertEquals("b's title", kept.lostValue(), "a listed conflict keeps its values");

        b.conflicts().dismiss(kept.id());
        clock.millis.addAndGet(400 * DAY);
        PrunedHistory pruned = b.pruneHistory(YEAR);
        assertEquals(1, pruned.conflicts());
        assertTrue(b.history().changes("item", shared.id()).stream().noneMatch(c -> c.fields().stream()
                .anyMatch(f -> "b's title".equals(f.value()))), "the dismissed clash's versions are gone");
    }

    @Test
    void pruneHistory_negativeWindow_refusedNamingIt() {
        Db a = device("a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.pruneHistory(Duration.ofDays(-1)));
        assertTrue(e.getMessage().startsWith("keep: "), e.getMessage());
    }

    @Test
    void pruneHistory_afterACatchUp_forgetsTheRowsItLeftBehind() {
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
        Db a = device("a");
        Db away = device("away");
        a.transaction(tx -> {
            for (int i = 0; i < 50; i++) {
                tx.save(Item.of("todo " + i));
            }
        });
        engine.sync(a);
        engine.sync(away);
        for (int round = 0; round < 12; round++) {
            int r = round;
            a.transaction(tx -> tx.query(Item.class, "SELECT * FROM item").forEach(it -> tx.save(it.withTitle("round " + r))));
            engine.sync(a);
        }
        engine.compact(a);
        engine.sync(away); // catches up from the snapshot
        long before = changes(away);
        PrunedHistory pruned = away.pruneHistory(YEAR);
        assertTrue(pruned.changes() >= 50, "the rows of its old history: " + pruned);
        assertEquals(before - pruned.changes(), changes(away));
        assertEquals(stateHash(a), stateHash(away));
    }

    @Test
    void pruneHistory_muchForgotten_fileShrinksAndRowsStay() throws Exception {
        Db db = device("big");
        assertEquals(2L, pragma(db, "auto_vacuum"), "a new file returns freed pages a step at a time");
        shrinks(db, dir.resolve("big.db"));
    }

    @Test
    void pruneHistory_databaseMadeWithoutAPageMap_rewrittenOnceThenShrinksInSteps() throws Exception {
        Path file = dir.resolve("old.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE made_before(id TEXT PRIMARY KEY)"); // as a database made by an older version: no auto-vacuum
        }
        Db db = device("old");
        assertEquals(0L, pragma(db, "auto_vacuum"));
        shrinks(db, file);
        assertEquals(2L, pragma(db, "auto_vacuum"), "incremental from now on");
    }

    private static long pragma(Db db, String name) {
        record P(String id, long v) {
        }
        return db.query(P.class, "SELECT 'x' AS id, " + name + " AS v FROM pragma_" + name).get(0).v();
    }

    /** 500 todos with 4 KB notes, each rewritten 8 times; pruning a year later returns most of it. */
    private void shrinks(Db db, Path file) throws Exception {
        engine().sync(db); // pushed: old versions may go
        String note = "x".repeat(4000);
        List<Item> items = new java.util.ArrayList<>();
        db.transaction(tx -> {
            for (int i = 0; i < 500; i++) {
                items.add(tx.save(Item.of("item " + i).withNotes(note)));
            }
        });
        for (int round = 1; round <= 8; round++) {
            clock.millis.addAndGet(10 * DAY);
            int r = round;
            db.transaction(tx -> items.replaceAll(it -> tx.save(it.withNotes(r + note))));
        }
        engine().sync(db);
        String before = stateHash(db);
        long sizeBefore = java.nio.file.Files.size(file);
        clock.millis.addAndGet(400 * DAY);
        PrunedHistory pruned = db.pruneHistory(YEAR);
        assertTrue(pruned.changes() >= 500 * 5, pruned.toString());
        long sizeAfter = java.nio.file.Files.size(file);
        assertTrue(pruned.bytesReturned() > 8_000_000, pruned.toString());
        assertTrue(sizeAfter < sizeBefore - 8_000_000, "the file shrank: " + sizeBefore + " -> " + sizeAfter);
        assertEquals(before, stateHash(db));
        PrunedHistory again = db.pruneHistory(YEAR);
        assertEquals(new PrunedHistory(0, 0, 0), again, "nothing more to forget or return");
    }
}

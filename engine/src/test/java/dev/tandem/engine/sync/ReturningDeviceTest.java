package dev.tandem.engine.sync;

import static dev.tandem.engine.sync.SnapshotTest.stateHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device back after a long time: it catches up from the newest snapshot, its own offline edits
 * merged on top by last write wins, and only real clashes become conflicts; killed mid-way, it
 * loses nothing and the next sync catches up.
 */
@Tag("server")
class ReturningDeviceTest {
    private static final int TODOS = 1500;
    private static final int ROUNDS = 5;

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    SyncStorage remote;
    SyncEngine engine;
    Db a;
    Db b;
    final List<String> ids = new ArrayList<>();
    String madeAway;
    String lastRound;

    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    /**
     * a, b and away on a folder remote; away edits offline (todo 0's title, which a renames later:
     * a real clash; todo 1's notes, which nobody else touches; a new todo) and stays away while a
     * and b rename every todo five times each; then a writes a snapshot. Returns away, still open.
     */
    private Db awayWhileOthersEdit() throws Exception {
        return awayWhileOthersEdit(ROUNDS, true, false);
    }

    /**
     * As above, with {@code rounds} renames each, and a snapshot at the end or none; {@code turns}:
     * each of a and b syncs before it renames, so each rename follows the other's (no clash).
     */
    private Db awayWhileOthersEdit(int rounds, boolean snapshot, boolean turns) throws Exception {
        return awayWhileOthersEdit(rounds, snapshot, turns, away -> { });
    }

    /** As above; {@code beforeLeaving}: what away does after its first sync, before its offline edits. */
    private Db awayWhileOthersEdit(int rounds, boolean snapshot, boolean turns, Consumer<Db> beforeLeaving)
            throws Exception {
        remote = SyncStorage.folder(Files.createDirectories(dir.resolve("remote")));
        engine = fixture.closeAfter(SyncEngine.builder().storage(remote).snapshotEvery(0).build());
        a = device("a");
        b = device("b");
        Db away = device("away");
        a.transaction(tx -> {
            for (int i = 0; i < TODOS; i++) {
                ids.add(tx.save(Item.of("todo " + i)).id());
            }
        });
        for (Db d : List.of(a, b, away)) {
            engine.sync(d);
        }
        beforeLeaving.accept(away);
        away.save(away.get(Item.class, ids.get(0)).orElseThrow().withTitle("todo 0, renamed on holiday"));
        away.save(away.get(Item.class, ids.get(1)).orElseThrow().withNotes("holiday notes"));
        madeAway = away.save(Item.of("made on holiday")).id();
        lastRound = "round " + (rounds - 1) + " by b";
        for (int round = 0; round < rounds; round++) {
            for (Db d : List.of(a, b)) {
                int r = round;
                String who = d == a ? "a" : "b";
                if (turns) {
                    engine.sync(d);
                }
                d.transaction(tx -> {
                    for (String id : ids) {
                        tx.save(tx.get(Item.class, id).orElseThrow().withTitle("round " + r + " by " + who));
                    }
                });
                engine.sync(d);
            }
        }
        engine.sync(a);
        if (snapshot) {
            assertTrue(engine.compact(a).snapshotWritten());
        }
        return away;
    }

    /**
     * Past the snapshot, a and b take turns renaming every todo, each rename following the last: the
     * batches a catch-up from the snapshot folds into its bulk load.
     */
    private void renameAfterTheSnapshot() {
        for (Db d : List.of(a, b)) {
            String who = d == a ? "a" : "b";
            engine.sync(d);
            d.transaction(tx -> {
                for (String id : ids) {
                    tx.save(tx.get(Item.class, id).orElseThrow().withTitle("after the snapshot, by " + who));
                }
            });
            engine.sync(d);
        }
        lastRound = "after the snapshot, by b";
    }

    /** Every device ends with the same state, the offline edits in it, and one conflict on the returning device. */
    private void assertConverged(Db away) {
        assertConvergedKeepingOfflineEdits(away);
        List<Conflict> conflicts = away.conflicts().list();
        assertEquals(1, conflicts.size(), "only todo 0's title clashed, not every renamed todo: " + conflicts.size());
        assertEquals("todo 0, renamed on holiday", String.valueOf(conflicts.get(0).lostValue()));
    }

    /** Every device ends with the same state, the offline edits in it (as winner or kept conflict). */
    private void assertConvergedKeepingOfflineEdits(Db away) {
        engine.sync(away);
        engine.sync(a);
        engine.sync(b);
        engine.sync(away);
        assertTrue(stateHash(a).equals(stateHash(away)) && stateHash(b).equals(stateHash(away)), "all three converge");
        assertEquals("holiday notes", a.get(Item.class, ids.get(1)).orElseThrow().notes());
        assertEquals(lastRound, a.get(Item.class, ids.get(0)).orElseThrow().title());
        assertTrue(a.get(Item.class, madeAway).isPresent());
        assertTrue(away.conflicts().list().stream().anyMatch(c -> "todo 0, renamed on holiday".equals(c.lostValue())),
                "the clash on todo 0's title is kept");
    }

    @Test
    void sync_afterManyEditsElsewhere_catchesUpKeepingOfflineEditsWithOnlyRealConflicts() throws Exception {
        Db away = awayWhileOthersEdit();
        SyncReport back = engine.sync(away);
        assertEquals(3, back.pushed(), "its three offline changes");
        assertEquals(1, back.conflicts());
        assertConverged(away);
        assertTrue(away.history().changes("item", ids.get(5)).size() >= 1, "history holds the winning changes");
    }

    @Test
    void sync_batchesPastTheSnapshot_foldedIntoTheCatchUpUpToTheFirstClash() throws Exception {
        // Away also writes notes on todo 4 while away, which a deletes after the snapshot.
        Db away = awayWhileOthersEdit(ROUNDS, true, true);
        away.save(away.get(Item.class, ids.get(4)).orElseThrow().withNotes("notes of 4, written on holiday"));
        renameAfterTheSnapshot();
        // ...then a deletes todo 4 and renames todo 2, which b renames too without having seen it (a clash).
        engine.sync(a);
        a.transaction(tx -> {
            tx.delete(Item.class, ids.get(4));
            tx.save(tx.get(Item.class, ids.get(2)).orElseThrow().withTitle("clash, by a"));
        });
        engine.sync(a);
        b.save(b.get(Item.class, ids.get(2)).orElseThrow().withTitle("clash, by b"));
        engine.sync(b);
        a.save(a.get(Item.class, ids.get(5)).orElseThrow().withTitle("last, by a"));
        engine.sync(a);

        SyncReport back = engine.sync(away);

        assertEquals(4, back.pushed(), "its four offline changes: " + back);
        assertEquals(3, back.conflicts(), "todo 0's title, todo 2's title, todo 4's notes: " + back);
        // The renames up to the clash were folded into the bulk load: the versions they replaced
        // are gone, as from a snapshot taken after them. Replayed, todo 7 would show both renames
        // past the snapshot and the winner before them.
        assertTrue(away.history().changes("item", ids.get(7)).size() <= 2, "folded: " + away.history().changes("item", ids.get(7)));
        List<Conflict> clashes = away.conflicts().list();
        assertTrue(clashes.stream().anyMatch(c -> "todo 0, renamed on holiday".equals(c.lostValue())), "" + clashes);
        assertTrue(clashes.stream().anyMatch(c -> c.entity().equals(ids.get(2)) && c.kind() == Conflict.Kind.EDIT_EDIT),
                "the clash past the fold is merged and recorded as on the others: " + clashes);
        assertTrue(clashes.stream().anyMatch(c -> c.kind() == Conflict.Kind.EDIT_DELETE && c.entity().equals(ids.get(4))
                && "notes of 4, written on holiday".equals(c.lostValue())),
                "the delete never saw the offline notes, so they are kept to bring back: " + clashes);
        assertTrue(away.get(Item.class, ids.get(4)).isEmpty(), "todo 4 stays deleted");
        assertEquals("last, by a", away.get(Item.class, ids.get(5)).orElseThrow().title());
        engine.sync(a);
        engine.sync(b);
        engine.sync(away);
        assertTrue(stateHash(a).equals(stateHash(away)) && stateHash(b).equals(stateHash(away)), "all three converge");
        assertEquals("holiday notes", a.get(Item.class, ids.get(1)).orElseThrow().notes());
        assertTrue(a.get(Item.class, madeAway).isPresent());
    }

    @Test
    void sync_backAfterFewTodosChangedElsewhere_rewritesOnlyTheirRows() throws Exception {
        // a renames the same ten todos in twelve batches, enough for away to catch up from a snapshot.
        Db away = awayWhileOthersEdit(0, false, false);
        for (int round = 0; round < 12; round++) {
            int r = round;
            a.transaction(tx -> {
                for (String id : ids.subList(0, 10)) {
                    tx.save(tx.get(Item.class, id).orElseThrow().withTitle("round " + r + " by a"));
                }
            });
            engine.sync(a);
        }
        assertTrue(engine.compact(a).snapshotWritten());
        List<String> rewritten = new CopyOnWriteArrayList<>();
        Subscription events = away.subscribe(commit -> commit.forEach(e -> rewritten.add(e.kind() + " " + e.id())));

        SyncReport back = engine.sync(away);
        List<String> expected = new ArrayList<>();
        for (String id : ids.subList(0, 10)) {
            expected.add("UPDATE " + id);
        }
        expected.add("UPDATE " + ids.get(1)); // its offline notes, merged again on top
        expected.add("UPDATE " + madeAway); // made offline: out while the snapshot loads, then merged again
        // Listeners hear of commits on the dispatch thread: wait for the rows that must be rewritten to be heard of.
        Await.until("the sync's commits heard of", () -> rewritten.containsAll(expected));
        events.close();

        assertEquals(TODOS + 10, back.pulled(), "from the snapshot: every todo's first version, ten renames: " + back);
        assertEquals(expected.stream().sorted().distinct().toList(), rewritten.stream().sorted().distinct().toList(),
                "only the rows whose values differ are written, not all " + TODOS);
        assertEquals("round 11 by a", away.get(Item.class, ids.get(3)).orElseThrow().title());
        lastRound = "round 11 by a";
        assertConverged(away);
    }

    @Test
    void sync_farBehindAlsoSyncingAnotherRemote_replaysTheBatchesWithOnlyRealConflicts() throws Exception {
        // The away device also syncs a second remote (as with a shared list), so a snapshot of this
        // one cannot replace its state; it pushed once before leaving, so its batches are kept.
        // Merging the snapshot into its state recorded a conflict for each of the 1,500 renamed todos.
        SyncEngine other = fixture.closeAfter(SyncEngine.builder()
                .storage(SyncStorage.folder(Files.createDirectories(dir.resolve("other")))).snapshotEvery(0).build());
        Db away = awayWhileOthersEdit(ROUNDS, true, true, d -> {
            d.save(Item.of("before leaving"));
            engine.sync(d);
            other.sync(d);
        });

        // A device that has data from the other remote but never synced this one still starts
        // from the snapshot: none of its versions can stand between the snapshot's and its own.
        Db newcomer = device("newcomer");
        other.sync(newcomer);
        SyncReport joined = engine.sync(newcomer);
        assertEquals(0, joined.conflicts());
        assertTrue(joined.pulled() < ROUNDS * TODOS, "from the snapshot, not every rename: " + joined.pulled());
        assertEquals(lastRound, newcomer.get(Item.class, ids.get(7)).orElseThrow().title());

        SyncReport back = engine.sync(away);
        assertEquals(1, back.conflicts(), "only todo 0's title clashed, not every renamed todo");
        assertEquals(2 * ROUNDS * TODOS, back.pulled(), "every rename, replayed");
        assertConverged(away);
    }

    @Test
    void sync_killedWhileCatchingUp_nothingLostAndTheNextSyncCatchesUp() throws Exception {
        Db away = awayWhileOthersEdit();
        renameAfterTheSnapshot(); // folded into the catch-up's one transaction
        away.close();
        Path file = dir.resolve("away.db");
        // The child syncs the away device (saving new todos meanwhile) and is killed with SIGKILL a
        // random moment after it read the snapshot, mostly inside the transaction that applies it.
        List<String> acked = SyncCrashTest.runChild(file, "folder:" + dir.resolve("remote"), "snapshot", 1,
                new Random(7));
        try (Db back = Db.open(file)) {
            back.migrate(Fixtures.MIGRATIONS);
            // For the record: whether the kill came inside the catch-up (then the next sync redoes it).
            System.out.println("ReturningDeviceTest: killed " + (back.conflicts().list().isEmpty() ? "before" : "after")
                    + " the catch-up committed, " + acked.size() + " saves acknowledged");
            assertEquals("todo 0, renamed on holiday", back.get(Item.class, ids.get(0)).map(Item::title)
                    .filter(t -> t.contains("holiday")).orElseGet(() -> conflictLost(back)));
            assertNothingLostAndConverged(back, acked);
        }
    }

    @Test
    void sync_killedWhileMergingBatchesFarBehind_nothingLostAndTheNextSyncCatchesUp() throws Exception {
        // a and b take turns renaming every todo, 9 times each: 27,000 changes in 18 batches, more
        // than one group merged per transaction (Pull.GROUP_CHANGES), and no snapshot to catch up
        // from. Merged device by device, each of b's renames would look like a clash with a's last.
        Db away = awayWhileOthersEdit(9, false, true);
        away.close();
        Path file = dir.resolve("away.db");
        List<String> acked = SyncCrashTest.runChild(file, "folder:" + dir.resolve("remote"), "merge", 2,
                new Random(11));
        try (Db back = Db.open(file)) {
            back.migrate(Fixtures.MIGRATIONS);
            assertNothingLostAndConverged(back, acked);
        }
    }

    /** After a kill: the file is sound, no offline or acknowledged save is lost, and all converge. */
    private void assertNothingLostAndConverged(Db back, List<String> acked) {
        assertEquals("ok", Canonical.integrity(back));
        assertTrue(back.get(Item.class, madeAway).isPresent());
        List<String> missing = acked.stream().filter(id -> back.get(Item.class, id).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "lost acknowledged saves: " + missing);
        assertConverged(back);
        assertTrue(acked.stream().allMatch(id -> a.get(Item.class, id).isPresent()), "every save reached a");
    }

    /** Where todo 0's offline title is when the kill came after the catch-up committed: the conflict. */
    private static String conflictLost(Db db) {
        return db.conflicts().list().stream().map(c -> String.valueOf(c.lostValue())).filter(v -> v.contains("holiday"))
                .findFirst().orElse("nowhere");
    }
}

package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random scripts of creates, edits, deletes, restores, syncs, time passing and compactions by any
 * replica (the others syncing first, one of them sometimes left out). Once every device has merged
 * a winner, snapshots leave out the id it replaced (docs/SYNC_FORMAT.md, "Part body"). After a
 * final round, every replica and a device built from the newest snapshot hold the same rows, and
 * still do after each of them renames one todo at once. The coverage check makes sure a good share
 * of tries write a snapshot that leaves ids out.
 *
 * <p>A time step is 1 to 10 hours, so a script spans at most about three weeks: no device is
 * retired and no deleted item forgotten. Over months ({@code -Dhorizon.stepHours=96}, 4 to 40
 * days a step) the property found the four divergences kept below as examples and a fifth, a
 * retired device's edit of an item forgotten elsewhere, now {@code TombstoneForgettingTest}; each is
 * fixed, and 4,600 tries over months then passed (docs/RELIABILITY.md, "Not covered yet").
 */
@Tag("property")
class SnapshotHorizonProperties {
    private static final long HOUR = 3600L * 1000;
    private static final long DAY = 24 * HOUR;

    /** One step: replica {@code who} does {@code op} on entity slot {@code slot}. */
    record Step(int who, int op, int slot, int value) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9)).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(60);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void compact_anyScriptOverWeeks_replicasAndANewDeviceConverge(@ForAll("scripts") List<Step> script,
                                                                    @ForAll @IntRange(min = 2, max = 4) int replicas)
            throws IOException {
        boolean leftOut = run(script, replicas, Long.getLong("horizon.stepHours", 1) * HOUR);
        Statistics.label("a snapshot left replaced ids out").collect(leftOut);
        // About 15 % of scripts leave replaced ids out of a snapshot (30 of 200 tries, give or take 5): at least 5 %
        // holds that the case is tried some ten times a run; 10 % failed about one run in fifty by chance alone
        // (9.5 % seen once).
        Statistics.label("a snapshot left replaced ids out").coverage(c -> c.check(true).percentage(p -> p >= 5));
    }

    /**
     * The script jqwik shrank a divergence to: replica 0 deletes a todo and keeps it, replica 2
     * forgets it once every device has seen the delete, then replica 0 restores it. The restore
     * used to carry only {@code _deleted = 0}, so replica 2 showed a todo without a title.
     */
    @Example
    void restore_todoAnotherReplicaForgot_wholeTodoOnEveryReplica() throws IOException {
        run(List.of(
                new Step(0, 0, 2, 0), new Step(0, 0, 0, 0), new Step(0, 0, 0, 0), new Step(0, 0, 0, 6),
                new Step(2, 0, 1, 0), new Step(0, 8, 1, 4), new Step(1, 2, 2, 3), new Step(3, 3, 2, 0),
                new Step(2, 8, 0, 0), new Step(2, 2, 3, 1), new Step(1, 0, 0, 0), new Step(3, 0, 1, 9),
                new Step(2, 8, 0, 7), new Step(0, 2, 0, 2), new Step(0, 6, 1, 4), new Step(3, 0, 0, 4),
                new Step(2, 8, 1, 1), new Step(0, 0, 3, 3), new Step(3, 1, 1, 7), new Step(1, 8, 0, 3),
                new Step(1, 5, 1, 0), new Step(2, 5, 3, 1), new Step(0, 0, 1, 5), new Step(2, 8, 1, 2),
                new Step(2, 5, 1, 8), new Step(3, 4, 2, 7)), 3, 4 * DAY);
    }

    /**
     * The script jqwik shrank a lost todo to: replica 1 forgets a deleted todo whose change rows
     * were its newest, then adds one. Deleting the newest change row handed its number to the new
     * todo's change, which the push then counted as pushed: the todo never left replica 1.
     */
    @Example
    void save_afterForgettingTheNewestChanges_isPushed() throws IOException {
        run(List.of(
                new Step(1, 0, 0, 0), new Step(0, 0, 0, 0), new Step(0, 0, 0, 0), new Step(0, 0, 0, 0),
                new Step(0, 0, 0, 0), new Step(0, 1, 1, 1), new Step(3, 7, 3, 7), new Step(2, 6, 1, 3),
                new Step(0, 2, 1, 2), new Step(1, 5, 3, 1), new Step(1, 3, 2, 6), new Step(3, 6, 3, 3),
                new Step(1, 2, 3, 5), new Step(3, 4, 0, 3), new Step(0, 4, 2, 7), new Step(2, 4, 2, 4),
                new Step(0, 4, 1, 1), new Step(0, 9, 0, 5), new Step(2, 1, 1, 1), new Step(2, 7, 3, 8),
                new Step(1, 9, 2, 2), new Step(0, 9, 2, 2), new Step(3, 2, 1, 9), new Step(0, 6, 3, 0),
                new Step(0, 9, 0, 7), new Step(2, 7, 3, 2), new Step(2, 4, 2, 0), new Step(2, 1, 2, 7),
                new Step(1, 7, 3, 6), new Step(2, 3, 0, 5), new Step(0, 2, 3, 9), new Step(1, 0, 0, 0),
                new Step(1, 3, 2, 1), new Step(0, 4, 3, 4), new Step(1, 8, 3, 8), new Step(1, 2, 2, 8),
                new Step(1, 2, 3, 1), new Step(3, 4, 3, 3), new Step(3, 7, 0, 0), new Step(2, 2, 0, 0),
                new Step(3, 4, 3, 8), new Step(0, 1, 3, 9), new Step(3, 1, 1, 0), new Step(1, 7, 3, 8),
                new Step(1, 7, 0, 4), new Step(1, 0, 3, 4)), 2, 4 * DAY);
    }

    /**
     * The script jqwik shrank a todo missing on a new device to: replica 3 adds it and is retired
     * after 90 days unseen, cleanup deletes its batches and heads (the snapshot holds the todo),
     * and the new device, with only a few batches of the others to read, never looked at the
     * snapshot.
     */
    @Example
    void sync_newDeviceAfterARetiredDevicesBatchesWent_getsWhatOnlyTheSnapshotHolds() throws IOException {
        run(List.of(
                new Step(3, 0, 0, 0), new Step(0, 0, 0, 0), new Step(0, 6, 0, 0), new Step(0, 8, 3, 9),
                new Step(3, 0, 2, 8), new Step(3, 3, 1, 2), new Step(3, 3, 1, 6), new Step(0, 5, 3, 8),
                new Step(2, 8, 1, 8), new Step(1, 8, 0, 2), new Step(1, 5, 0, 5), new Step(0, 8, 2, 8),
                new Step(2, 7, 0, 8)), 4, 4 * DAY);
    }

    /**
     * The script jqwik shrank a todo alive on some devices only to: replica 2 reads a todo on its
     * first sync and renames it, replica 0 deletes it, and replica 2 stays quiet for 40 days. It had
     * published nothing, so the others did not wait for it and forgot the todo; its rename then
     * brought the todo back where it was forgotten, while replica 2 took the delete.
     */
    @Example
    void sync_readerQuietAfterItsFirstSync_othersWaitBeforeForgetting() throws IOException {
        run(List.of(
                new Step(0, 0, 0, 0), new Step(0, 6, 0, 1), new Step(0, 3, 0, 0), new Step(2, 1, 0, 1),
                new Step(0, 0, 0, 0), new Step(0, 3, 2, 5), new Step(3, 1, 2, 6), new Step(2, 9, 3, 0),
                new Step(3, 5, 0, 8), new Step(2, 1, 3, 1), new Step(1, 6, 1, 2), new Step(3, 9, 3, 5),
                new Step(1, 1, 0, 6), new Step(3, 3, 0, 2), new Step(0, 5, 3, 1), new Step(1, 4, 1, 7),
                new Step(3, 9, 3, 2)), 3, 4 * DAY);
    }

    /**
     * The script jqwik shrank a todo that came back half made to, over months: replica 0 makes a
     * todo and pushes it, then edits its notes offline and stays away; replica 1 renames and deletes
     * it, and after 112 days retires replica 0, writes a snapshot that still holds the todo deleted,
     * and forgets it. Replica 0 re-joined under a new id and pushed its edit, which made the todo
     * anew, with only its notes, on replica 1.
     */
    @Example
    void rejoin_offlineEditOfATodoDeletedWhileRetired_todoStaysDeletedEverywhere() throws IOException {
        run(List.of(
                new Step(0, 0, 1, 0), new Step(0, 0, 0, 0), new Step(0, 5, 0, 0), new Step(0, 0, 0, 0),
                new Step(0, 0, 0, 0), new Step(0, 6, 0, 6), new Step(1, 1, 1, 1), new Step(0, 2, 1, 8),
                new Step(0, 9, 2, 1), new Step(3, 0, 2, 0), new Step(3, 4, 0, 9), new Step(3, 3, 1, 6),
                new Step(0, 2, 2, 1), new Step(0, 8, 3, 8), new Step(2, 3, 3, 3), new Step(3, 8, 0, 6),
                new Step(1, 9, 3, 1), new Step(1, 9, 3, 0), new Step(0, 0, 0, 7), new Step(1, 9, 3, 6),
                new Step(1, 7, 0, 3)), 2, 4 * DAY);
    }

    /**
     * Runs {@code script}; whether some snapshot was written with replaced ids left out. A time step
     * passes {@code value + 1} times {@code unit}.
     */
    static boolean run(List<Step> script, int replicas, long unit) throws IOException {
        Path dir = Files.createTempDirectory("horizon");
        ManualClock clock = new ManualClock();
        SyncEngine engine = SyncEngine.builder().storage(SyncStorage.memory()).snapshotEvery(0).build();
        List<Db> dbs = new ArrayList<>();
        boolean leftOut = false;
        try {
            for (int i = 0; i <= replicas; i++) {
                Db db = Db.builder().file(dir.resolve(i + ".db")).clock(clock).build();
                db.migrate(Fixtures.MIGRATIONS);
                dbs.add(db);
            }
            Db fresh = dbs.remove(replicas);
            String[] ids = new String[4];
            for (Step s : script) {
                Db db = dbs.get(s.who() % replicas);
                String id = ids[s.slot()];
                switch (s.op()) {
                    case 0 -> {
                        if (id == null) {
                            ids[s.slot()] = db.save(Item.of("t" + s.value())).id();
                        }
                    }
                    case 1, 2 -> {
                        if (id != null) {
                            db.get(Item.class, id).ifPresent(it ->
                                    db.save(s.op() == 1 ? it.withTitle("t" + s.value()) : it.withNotes("n" + s.value())));
                        }
                    }
                    case 3 -> {
                        if (id != null) {
                            db.delete(Item.class, id);
                        }
                    }
                    case 4 -> {
                        if (id != null) {
                            db.restore(Item.class, id);
                        }
                    }
                    case 5 -> engine.sync(db);
                    case 6, 7 -> {
                        // Everyone but one syncs now and then: the one left out holds the horizon back.
                        for (int i = 0; i < replicas; i++) {
                            if (i != s.value() % (replicas + 1)) {
                                engine.sync(dbs.get(i));
                            }
                        }
                        clock.millis.addAndGet(60_000);
                        leftOut |= seenByAll(dir.resolve((s.who() % replicas) + ".db")) > 0;
                        engine.compact(db);
                    }
                    default -> clock.millis.addAndGet((s.value() + 1) * unit);
                }
            }
            syncAll(engine, dbs);
            engine.sync(fresh);
            dbs.add(fresh);
            List<Item> expected = rows(dbs.get(0));
            for (int i = 0; i < dbs.size(); i++) {
                assertEquals(expected, rows(dbs.get(i)), "after the final round, on replica " + i);
            }
            // Everyone renames the first todo at once: last write wins alike everywhere.
            for (Db db : dbs) {
                db.query(Item.class, "SELECT * FROM item ORDER BY id LIMIT 1").forEach(it ->
                        db.save(it.withTitle("at once on " + db.deviceId())));
            }
            syncAll(engine, dbs);
            expected = rows(dbs.get(0));
            for (int i = 0; i < dbs.size(); i++) {
                assertEquals(expected, rows(dbs.get(i)), "after the concurrent renames, on replica " + i);
            }
            return leftOut;
        } finally {
            dbs.forEach(Db::close);
            engine.close();
            deleteAll(dir);
        }
    }

    private static void syncAll(SyncEngine engine, List<Db> dbs) {
        for (int round = 0; round < 2; round++) {
            for (Db db : dbs) {
                engine.sync(db);
            }
        }
    }

    /** What the database has recorded as merged by every live device (0: nothing yet), read beside it. */
    private static long seenByAll(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(value), 0) FROM _tandem_meta WHERE key LIKE 'seen_by_all:%'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Item> rows(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY id");
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

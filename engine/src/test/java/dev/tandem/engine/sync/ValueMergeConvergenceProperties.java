package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.MergeRule;
import dev.tandem.engine.Table;
import dev.tandem.engine.testing.LongOnly;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Random scripts on 3 to 5 replicas that each make the same row (one id) with their own values, then
 * set its rule attributes and sync in random order. After rounds of syncs every replica holds the
 * same row and none recorded a conflict; when nobody edited after making the row, it holds the least
 * creation time and the greatest position any replica made. jqwik shrinks a failing script.
 * Budget: 50 tries in CI (about 5 s); 1,000 more in the long profile ({@link LongOnly}).
 */
@Tag("property")
class ValueMergeConvergenceProperties {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE place(id TEXT PRIMARY KEY, name TEXT, position INTEGER, createdAt INTEGER)");
    private static final String ID = "shared";
    /** Rounds in which every replica syncs once, at most, before all must hold the same row. */
    private static final int MAX_ROUNDS = 6;

    @Table("place")
    record Place(String id, String name, Long position, Long createdAt) {
    }

    /** Replica {@code who} sets createdAt (op 0) or position (op 1) to {@code value}, or syncs (op 2, 3). */
    record Step(int who, int op, long value) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3), Arbitraries.longs().between(-3, 9)).as(Step::new);
        return step.list().ofMaxSize(25);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void sync_sameRowOnEveryReplica_convergesWithoutConflicts(@ForAll("scripts") List<Step> script,
                                                              @ForAll @IntRange(min = 3, max = 5) int replicas,
                                                              @ForAll("made") List<Long> made) {
        run(script, replicas, made);
    }

    @Property(tries = 1_000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(LongOnly.class)
    void sync_sameRowOnEveryReplica_convergesWithoutConflicts_long(@ForAll("scripts") List<Step> script,
                                                                   @ForAll @IntRange(min = 3, max = 5) int replicas,
                                                                   @ForAll("made") List<Long> made) {
        run(script, replicas, made);
    }

    private static void run(List<Step> script, int replicas, List<Long> made) {
        SyncEngine engine = SyncEngine.builder().storage(SyncStorage.memory()).build();
        List<Db> dbs = new ArrayList<>();
        try {
            long least = Long.MAX_VALUE;
            long greatest = Long.MIN_VALUE;
            for (int i = 0; i < replicas; i++) {
                Db db = Db.builder().memory().mergeBy("place", "createdAt", MergeRule.LEAST)
                        .mergeBy("place", "position", MergeRule.GREATEST).build();
                db.migrate(SCHEMA);
                dbs.add(db);
                long at = made.get(i % made.size());
                long position = made.get((i + 1) % made.size());
                db.save(new Place(ID, "Shared", position, at));
                least = Math.min(least, at);
                greatest = Math.max(greatest, position);
            }
            boolean edited = false;
            for (Step s : script) {
                Db db = dbs.get(s.who() % replicas);
                Place p = db.get(Place.class, ID).orElseThrow();
                switch (s.op()) {
                    case 0 -> db.save(new Place(ID, p.name(), p.position(), s.value()));
                    case 1 -> db.save(new Place(ID, p.name(), s.value(), p.createdAt()));
                    default -> engine.sync(db);
                }
                edited |= s.op() < 2;
            }
            int rounds = 0;
            while (rounds < MAX_ROUNDS && (rounds < 2 || !same(dbs))) {
                for (Db db : dbs) {
                    engine.sync(db);
                }
                rounds++;
            }
            Statistics.label("rounds to settle").collect(rounds);
            Place expected = dbs.get(0).get(Place.class, ID).orElseThrow();
            for (Db db : dbs) {
                assertEquals(expected, db.get(Place.class, ID).orElseThrow());
                assertEquals(List.of(), db.conflicts().list());
            }
            if (!edited) {
                assertEquals(new Place(ID, "Shared", greatest, least), expected);
            }
        } finally {
            dbs.forEach(Db::close);
            engine.close();
        }
    }

    @Provide
    Arbitrary<List<Long>> made() {
        return Arbitraries.longs().between(0, 20).list().ofMinSize(1).ofMaxSize(5);
    }

    private static boolean same(List<Db> dbs) {
        Place first = dbs.get(0).get(Place.class, ID).orElseThrow();
        return dbs.stream().allMatch(db -> first.equals(db.get(Place.class, ID).orElseThrow()));
    }
}

package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * Random scripts of creates, edits, deletes, restores and syncs on several replicas: after a final
 * round of syncs every replica holds the same rows, whatever the interleaving. jqwik shrinks a
 * failing script to a minimal one.
 */
@Tag("property")
class ConvergenceProperties {

    /** One step: replica {@code who} does {@code op} on entity slot {@code slot}. */
    record Step(int who, int op, int slot, int value) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void sync_anyScript_replicasConverge(@ForAll("scripts") List<Step> script,
                                         @ForAll @IntRange(min = 2, max = 4) int replicas) {
        SyncStorage remote = SyncStorage.memory();
        SyncEngine engine = SyncEngine.builder().storage(remote).build();
        List<Db> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                Db db = Db.openMemory();
                db.migrate(Fixtures.MIGRATIONS);
                dbs.add(db);
            }
            String[] ids = new String[4];
            for (Step s : script) {
                Db db = dbs.get(s.who() % replicas);
                String id = ids[s.slot()];
                switch (s.op()) {
                    case 0:
                        if (id == null) {
                            ids[s.slot()] = db.save(Item.of("t" + s.value())).id();
                        }
                        break;
                    case 1:
                    case 2:
                        if (id != null) {
                            db.get(Item.class, id).ifPresent(it ->
                                    db.save(s.op() == 1 ? it.withTitle("t" + s.value()) : it.withNotes("n" + s.value())));
                        }
                        break;
                    case 3:
                        if (id != null) {
                            db.delete(Item.class, id);
                        }
                        break;
                    case 4:
                        if (id != null) {
                            db.restore(Item.class, id);
                        }
                        break;
                    default:
                        engine.sync(db);
                }
            }
            for (int round = 0; round < 2; round++) {
                for (Db db : dbs) {
                    engine.sync(db);
                }
            }
            List<Item> expected = rows(dbs.get(0));
            for (Db db : dbs) {
                assertEquals(expected, rows(db));
            }
        } finally {
            dbs.forEach(Db::close);
        }
    }

    private static List<Item> rows(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY id");
    }
}

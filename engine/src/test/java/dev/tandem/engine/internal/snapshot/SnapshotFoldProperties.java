package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.apply.RemoteApply.Authored;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * A snapshot with the batches past it folded into its bulk load ({@link SnapshotFold}), and those
 * it refused merged after it as the pull merges them, against the same snapshot loaded alone and
 * every batch merged after it: the rows, each attribute's winning change, the held entities and
 * the conflicts must be the same. The batches come from two devices editing a few todos, mostly
 * following the version they replace, sometimes not (a clash), deleting, restoring and making new
 * todos, so folds stop anywhere or nowhere.
 */
@Tag("property")
class SnapshotFoldProperties {
    private static final String[] ITEMS = {"i0", "i1", "i2", "i3", "i4"};
    private static final String[] FIELDS = {"title", "notes", "priority", "done"};
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    /** A generated script: the snapshot (winners only) and the batches past it, in causal order. */
    private record Script(List<SnapshotEntry> snapshot, List<FollowingBatch> batches) {
    }

    @Property(tries = 200)
    void apply_batchesPastTheSnapshot_foldedAsIfMergedAfterIt(@ForAll long seed) throws Exception {
        Script script = script(new Random(seed));
        Db folded = open();
        Db merged = open();
        try {
            int taken = load(folded, script, true);
            assertEquals(0, load(merged, script, false));
            String expected = state(merged);
            assertEquals(expected, state(folded), "folded " + taken + " of " + script.batches.size() + " batches");
            Statistics.label("folded").collect(taken == 0 ? "none" : taken == script.batches.size() ? "all" : "some");
            Statistics.label("conflicts").collect(expected.contains("conflicts:\n  0 ") ? "none" : "some");
        } finally {
            folded.close();
            merged.close();
        }
    }

    /**
     * Applies the snapshot, offering it the batches when {@code fold}, then merges in one group
     * every batch it did not fold, as the pull would; returns how many it folded.
     */
    private int load(Db db, Script script, boolean fold) {
        SyncPort port = SyncPort.of(db);
        Map<UUID, Long> cursors = Map.of(a, 1L);
        SnapshotLocal.Stats st = port.write("snapshot", s -> port.snapshotLocal().apply(s, port.deviceUuid(), "remote",
                cursors, script.snapshot, 0, true, fold ? script.batches : List.of()));
        assertTrue(st.fast(), "the bulk path");
        List<Authored> rest = new ArrayList<>();
        for (FollowingBatch batch : script.batches.subList(st.folded(), script.batches.size())) {
            batch.changes().forEach(ch -> rest.add(new Authored(batch.device(), ch)));
        }
        if (!rest.isEmpty()) {
            port.write("batches", s -> port.remoteApply().applyAll(s, rest, 0, Long.MAX_VALUE));
        }
        return st.folded();
    }

    /** The versions of one attribute so far, oldest first: a clash replaces one of the older ones. */
    private Script script(Random r) {
        long t = System.currentTimeMillis() - 3_600_000;
        Map<String, List<UUID>> versions = new HashMap<>();
        List<SnapshotEntry> snapshot = new ArrayList<>();
        for (String item : ITEMS) {
            // One to three changes of a, each winning some of the fields, a later one possibly a delete.
            List<String> fields = new ArrayList<>(List.of(FIELDS));
            while (!fields.isEmpty()) {
                int n = 1 + r.nextInt(fields.size());
                List<FieldData> set = new ArrayList<>();
                UUID id = Uuid7.at(++t);
                for (int k = 0; k < n; k++) {
                    String f = fields.remove(r.nextInt(fields.size()));
                    set.add(new FieldData(f, value(r, f, t), null));
                    versions.computeIfAbsent(item + "." + f, x -> new ArrayList<>()).add(id);
                }
                snapshot.add(new SnapshotEntry(a, new ChangeData(id, "item", item, set)));
            }
            if (r.nextInt(6) == 0) {
                UUID id = Uuid7.at(++t);
                snapshot.add(new SnapshotEntry(a, new ChangeData(id, "item", item,
                        List.of(new FieldData(Change.DELETED_FIELD, 1L, null)))));
                versions.computeIfAbsent(item + "." + Change.DELETED_FIELD, x -> new ArrayList<>()).add(id);
            }
        }
        List<FollowingBatch> batches = new ArrayList<>();
        Map<UUID, Long> seqs = new HashMap<>();
        int made = 0;
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
            UUID device = r.nextBoolean() ? b : c;
            List<ChangeData> changes = new ArrayList<>();
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                String item = r.nextInt(8) == 0 ? "new" + made++ : ITEMS[r.nextInt(ITEMS.length)];
                UUID id = Uuid7.at(++t);
                List<FieldData> set = new ArrayList<>();
                List<String> names = new ArrayList<>(List.of(FIELDS));
                if (r.nextInt(6) == 0) {
                    names = List.of(Change.DELETED_FIELD);
                }
                for (String f : names.subList(0, Math.min(names.size(), 1 + r.nextInt(2)))) {
                    List<UUID> past = versions.computeIfAbsent(item + "." + f, x -> new ArrayList<>());
                    // Mostly the newest version (an edit that follows it), sometimes an older one or none (a clash).
                    UUID replaces = past.isEmpty() ? null : r.nextInt(5) > 0 ? past.get(past.size() - 1)
                            : r.nextBoolean() ? null : past.get(r.nextInt(past.size()));
                    Object v = f.equals(Change.DELETED_FIELD) ? (Object) (long) r.nextInt(2) : value(r, f, t);
                    set.add(new FieldData(f, v, replaces));
                    past.add(id);
                }
                changes.add(new ChangeData(id, "item", item, set));
            }
            batches.add(new FollowingBatch(device, seqs.merge(device, 1L, Long::sum), changes));
        }
        return new Script(snapshot, batches);
    }

    private static Object value(Random r, String field, long t) {
        return switch (field) {
            case "done" -> (long) r.nextInt(2);
            case "priority" -> r.nextBoolean() ? null : (Object) (long) r.nextInt(4);
            default -> field + " " + t + (r.nextBoolean() ? "" : "\nsecond line");
        };
    }

    /** The rows, each attribute's winning change (by id), held entities and conflicts. */
    private static String state(Db db) {
        return SyncPort.of(db).read(c -> MergeState.dump(c, "SELECT * FROM item ORDER BY id")
                + "winners:\n" + MergeState.winners(c)
                + "pending:\n" + MergeState.dump(c, "SELECT tbl, entity FROM _tandem_pending ORDER BY 1, 2")
                + "conflicts:\n" + MergeState.dump(c, "SELECT count(*) FROM _tandem_conflict")
                + MergeState.dump(c, "SELECT k.kind, k.entity, k.field, hex(w.id), hex(l.id) FROM _tandem_conflict k"
                + " JOIN _tandem_change w ON w.seq = k.winner_seq JOIN _tandem_change l ON l.seq = k.loser_seq"
                + " ORDER BY 2, 3, 4, 5"));
    }

    private static Db open() {
        Db db = Db.builder().memory().build();
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }
}

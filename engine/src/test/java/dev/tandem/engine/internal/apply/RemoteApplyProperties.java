package dev.tandem.engine.internal.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.apply.RemoteApply.Authored;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.snapshot.MergeState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * A pulled batch merged set-wise ({@link MergeBatch}, {@link MergedRows}) against the same changes
 * merged one per call, in the order the merge sorts them: rows, changelog, winners, held entities,
 * conflicts (by change id) and row events must be the same. The batches come from three devices
 * that each see a random part of what the others wrote, so versions are sequential, concurrent,
 * deleted, refused by the schema (a list without a name, an item whose list never arrives), aimed
 * at a column this schema lacks, repeated (a replayed batch, a change twice in one batch), and
 * notes that merge line by line ({@code Db.Builder#mergeText}).
 */
@Tag("property")
class RemoteApplyProperties {
    private static final String[] ITEMS = {"i0", "i1", "i2", "i3"};
    private static final String[] LISTS = {"l0", "l1"};

    @Property(tries = 150)
    void apply_batchOrOneByOne_sameState(@ForAll long seed) throws Exception {
        List<List<Authored>> batches = script(new Random(seed));
        Db batched = open();
        Db single = open();
        try {
            apply(batched, batches, false);
            apply(single, batches, true);
            String expected = state(single);
            assertEquals(expected, state(batched));
            Statistics.label("conflicts").collect(expected.contains("EDIT_EDIT") ? "some" : "none");
            Statistics.label("merged notes").collect(expected.contains("MERGE0") ? "some" : "none");
            Statistics.label("held").collect(expected.contains("pending:\nconflicts:") ? "none" : "some");
        } finally {
            batched.close();
            single.close();
        }
    }

    @Property(tries = 150)
    void applyAll_batchesOfSeveralDevicesAsOne_sameStateAsOneByOneInClockOrder(@ForAll long seed) throws Exception {
        List<List<Authored>> batches = script(new Random(seed));
        Db together = open();
        Db single = open();
        try {
            List<Authored> all = new ArrayList<>();
            batches.forEach(all::addAll);
            RemoteApply apply = SyncPort.of(together).remoteApply();
            RemoteApply.Stats st = SyncPort.of(together).write("test", s -> apply.applyAll(s, all, 0, Long.MAX_VALUE));
            apply(single, List.of(all), true);
            assertEquals(state(single), state(together));
            assertTrue(st.pulled() > 0, "pulled " + st.pulled());
        } finally {
            together.close();
            single.close();
        }
    }

    @Example
    void apply_oneBatch_sameEventsAsOneByOne() throws Exception {
        for (int seed = 0; seed < 20; seed++) {
            List<List<Authored>> one = List.of(script(new Random(seed)).get(0));
            Db batched = open();
            Db single = open();
            try {
                List<String> batchedEvents = events(batched, () -> apply(batched, one, false));
                List<String> singleEvents = events(single, () -> apply(single, one, true));
                assertEquals(singleEvents, batchedEvents, "seed " + seed);
                assertEquals(state(single), state(batched), "seed " + seed);
            } finally {
                batched.close();
                single.close();
            }
        }
    }

    /** The row events of the one commit {@code work} makes, sorted; none when it makes none. */
    private static List<String> events(Db db, Runnable work) throws InterruptedException {
        BlockingQueue<List<ChangeEvent>> queue =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (var sub = db.subscribe(queue::add)) {
            work.run();
            List<ChangeEvent> got = queue.poll(1, TimeUnit.SECONDS);
            List<String> out = new ArrayList<>();
            for (var e : got == null ? List.<ChangeEvent>of() : got) {
                out.add(e.kind() + " " + e.table() + "/" + e.id());
            }
            out.sort(null);
            return out;
        }
    }

    @Example
    void apply_sameBatchTwice_secondAddsNothing() {
        Db db = open();
        try {
            List<List<Authored>> batches = script(new Random(3));
            apply(db, batches, false);
            String before = state(db);
            RemoteApply apply = SyncPort.of(db).remoteApply();
            for (List<Authored> batch : batches) {
                RemoteApply.Stats st = SyncPort.of(db).write("again", s -> apply.apply(s, batch.get(0).author(),
                        changes(batch), 0));
                assertEquals(0, st.pulled());
            }
            assertEquals(before, state(db));
            assertTrue(before.contains("i0") || before.contains("i1"), before);
        } finally {
            db.close();
        }
    }

    private static Db open() {
        Db db = Db.builder().memory().mergeText("item", "notes").build();
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }

    /**
     * Each batch in one write transaction: whole, or one merge per change in the merge's own order,
     * each by its own author (a list of several devices' changes, as {@link RemoteApply#applyAll} takes).
     */
    private static void apply(Db db, List<List<Authored>> batches, boolean oneByOne) {
        RemoteApply apply = SyncPort.of(db).remoteApply();
        for (List<Authored> batch : batches) {
            UUID author = batch.get(0).author();
            SyncPort.of(db).write("test", s -> {
                if (!oneByOne) {
                    return apply.apply(s, author, changes(batch), 0);
                }
                List<Authored> sorted = new ArrayList<>(batch);
                sorted.sort(Comparator.<Authored>comparingInt(a -> RemoteApply.depth(s.schema(), a.change().table(), 0))
                        .thenComparing(a -> a.change().id(), Uuid7.ORDER));
                for (Authored a : sorted) {
                    apply.apply(s, a.author(), List.of(a.change()), 0);
                }
                return null;
            });
        }
    }

    private static List<ChangeData> changes(List<Authored> batch) {
        List<ChangeData> out = new ArrayList<>();
        batch.forEach(a -> out.add(a.change()));
        return out;
    }

    /**
     * The common state dump, plus conflicts named by change ids rather than local seqs; a merge change
     * this device wrote is named by its order, as the two databases are two devices with their own ids.
     */
    private static String state(Db db) {
        String state = dump(db);
        UUID self = SyncPort.of(db).deviceUuid();
        List<UUID> own = SyncPort.of(db).read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT id FROM _tandem_change WHERE author = ? ORDER BY seq")) {
                ps.setBytes(1, Uuid7.toBytes(self));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(Uuid7.fromBytes(rs.getBytes(1)));
                    }
                }
            }
            return ids;
        });
        state = state.replace(hex(self), "SELF");
        for (int i = 0; i < own.size(); i++) {
            state = state.replace(hex(own.get(i)), "MERGE" + i).replace(own.get(i).toString(), "MERGE" + i);
        }
        return state;
    }

    private static String hex(UUID id) {
        return java.util.HexFormat.of().withUpperCase().formatHex(Uuid7.toBytes(id));
    }

    private static String dump(Db db) {
        SyncPort port = SyncPort.of(db);
        return MergeState.state(db) + port.read(c -> MergeState.dump(c, "SELECT k.kind, k.tbl, k.entity,"
                + " k.field, hex(w.id), hex(l.id) FROM _tandem_conflict k JOIN _tandem_change w ON w.seq = k.winner_seq"
                + " JOIN _tandem_change l ON l.seq = k.loser_seq ORDER BY 1, 2, 3, 4, 5, 6"))
                + port.read(c -> MergeState.dump(c, "SELECT c.tbl, c.entity, hex(c.fields) FROM _tandem_change c"
                + " WHERE instr(c.fields, CAST('_merged_' AS BLOB)) > 0 ORDER BY c.id"));
    }

    /**
     * Batches of 1–8 changes from three devices. Each device remembers the version of every field it
     * last saw, and before a batch it sees each other device's newest versions with a chance of a
     * half, so that its writes replace those (sequential) or not (concurrent).
     */
    private static List<List<Authored>> script(Random r) {
        HybridClock clock = new HybridClock(Clock.systemUTC());
        UUID[] devices = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        Map<String, Version> newest = new HashMap<>();
        List<Map<String, Version>> seen = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        List<List<Authored>> batches = new ArrayList<>();
        int count = 2 + r.nextInt(7);
        for (int b = 0; b < count; b++) {
            int d = r.nextInt(3);
            if (!batches.isEmpty() && r.nextInt(8) == 0) {
                batches.add(batches.get(r.nextInt(batches.size()))); // a replayed batch
                continue;
            }
            for (Map.Entry<String, Version> e : newest.entrySet()) {
                if (r.nextBoolean()) {
                    seen.get(d).merge(e.getKey(), e.getValue(), (x, y) -> Uuid7.ORDER.compare(x.id(), y.id()) >= 0 ? x : y);
                }
            }
            List<Authored> batch = new ArrayList<>();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                if (!batch.isEmpty() && r.nextInt(10) == 0) {
                    batch.add(batch.get(r.nextInt(batch.size()))); // the same change twice
                    continue;
                }
                batch.add(new Authored(devices[d], change(r, clock, seen.get(d), newest)));
            }
            batches.add(batch);
        }
        return batches;
    }

    private record Version(UUID id, Object value) {
    }

    private static ChangeData change(Random r, HybridClock clock, Map<String, Version> seen,
                                     Map<String, Version> newest) {
        UUID id = clock.next();
        boolean list = r.nextInt(4) == 0;
        String table = list ? "list" : r.nextInt(6) == 0 ? "ITEM" : "item";
        String entity = list ? LISTS[r.nextInt(LISTS.length)] : ITEMS[r.nextInt(ITEMS.length)];
        List<FieldData> fields = new ArrayList<>();
        List<String> names = list ? List.of("name") : List.of("title", "notes", "priority", "list_id", "_deleted",
                "colour", "Title");
        int k = 1 + r.nextInt(list ? 1 : 3);
        List<String> picked = pick(r, names, k);
        if (!list && r.nextBoolean() && !picked.contains("notes")) {
            picked.set(0, "notes"); // notes edited often, so that concurrent edits merge line by line
        }
        for (String name : picked) {
            String key = table.toLowerCase() + "/" + entity + "/" + name.toLowerCase();
            if (fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(name))) {
                continue;
            }
            Version was = seen.get(key);
            Object value = value(r, name, was == null ? null : was.value());
            fields.add(new FieldData(name, value, was == null ? null : was.id()));
            Version now = new Version(id, value);
            seen.put(key, now);
            newest.merge(key, now, (x, y) -> Uuid7.ORDER.compare(x.id(), y.id()) >= 0 ? x : y);
        }
        return new ChangeData(id, table, entity, fields);
    }

    private static List<String> pick(Random r, List<String> names, int k) {
        List<String> copy = new ArrayList<>(names);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k && !copy.isEmpty(); i++) {
            out.add(copy.remove(r.nextInt(copy.size())));
        }
        return out;
    }

    private static Object value(Random r, String name, Object was) {
        return switch (name.toLowerCase()) {
            case "name" -> r.nextInt(5) == 0 ? null : "list " + r.nextInt(3);
            case "priority" -> (long) r.nextInt(4);
            case "list_id" -> r.nextInt(4) == 0 ? "nowhere" : LISTS[r.nextInt(LISTS.length)];
            case "_deleted" -> r.nextInt(3) == 0 ? 1L : 0L;
            case "notes" -> notes(r, was instanceof String s ? s : "a\nb\nc\nd\ne\nf");
            default -> name + " " + r.nextInt(5);
        };
    }

    /** One line of the notes this device saw, replaced or inserted, so edits of different lines merge. */
    private static String notes(Random r, String was) {
        List<String> lines = new ArrayList<>(List.of(was.split("\n", -1)));
        int at = r.nextInt(lines.size());
        if (r.nextBoolean()) {
            lines.set(at, lines.get(at) + r.nextInt(10));
        } else {
            lines.add(at, "new " + r.nextInt(100));
        }
        return String.join("\n", lines);
    }
}

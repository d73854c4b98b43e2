package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.DefaultDb;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.RemoteApply;
import dev.tandem.engine.internal.clock.HybridClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Merge of pulled batches ({@link RemoteApply}), the pull path of a sync without the storage: another
 * device's changes, cut into batches of {@value #BATCH} changes as it pushes them, each merged in its
 * own write transaction as {@code DbChangelog.append} does, into a file database opened with the
 * default settings ({@code Db.open}: WAL, synchronous=FULL).
 *
 * <ul>
 *   <li><b>inserts</b>: a new device, empty database; {@code records} new tasks of 5 fields each.</li>
 *   <li><b>edits</b>: a database that holds the tasks (merged from the same device beforehand, not
 *       timed); {@code 5 × records} one-field renames, five passes over the tasks, each rename
 *       replacing the one before, as a device that saw it writes it.</li>
 * </ul>
 * Baseline, run alongside in the same JVM: a raw sqlite-jdbc {@code executeBatch} of the same rows
 * (an INSERT of the 5 columns per task, an UPDATE of the title per rename) into the same schema in a
 * second file in the same directory, with the writer's pragmas, one transaction per batch. A third
 * side, {@link MergeFloor}, writes the rows the engine's merge writes, raw: the floor for the
 * changelog's layout. Each round runs the three in turn, each going first in every third round;
 * round 0 is a warm-up.
 */
final class MergeBench {
    /** Changes per pulled batch: DefaultSyncEngine.BATCH_CAP. */
    static final int BATCH = 5_000;
    private static final int EDIT_PASSES = 5;

    private final Path dir;
    private final int records;
    private final int rounds;
    private final UUID author = UUID.randomUUID();
    private final List<List<ChangeData>> inserts = new ArrayList<>();
    private final List<List<ChangeData>> edits = new ArrayList<>();
    private final List<Task> rows = new ArrayList<>();
    private final List<String[]> renames = new ArrayList<>();

    MergeBench(Path dir, int records, int rounds) {
        this.dir = dir;
        this.records = records;
        this.rounds = rounds;
    }

    void run() throws Exception {
        make();
        MergeFloor floor = MergeFloor.of(dir.resolve("merge-floor-schema.db"), author);
        String[] names = {"engine", "raw", "floor"};
        long[][] insert = new long[3][rounds];
        long[][] edit = new long[3][rounds];
        for (int round = 0; round <= rounds; round++) {
            long[] i = new long[3];
            long[] e = new long[3];
            for (int k = 0; k < 3; k++) {
                int side = (k + round) % 3; // each side goes first, second and third in turn
                long[] times = switch (side) {
                    case 0 -> engine(round);
                    case 1 -> raw(round);
                    default -> floor.run(dir.resolve("merge-floor-" + round + ".db"), rows, inserts, edits);
                };
                i[side] = times[0];
                e[side] = times[1];
            }
            StringBuilder line = new StringBuilder("round " + round + (round == 0 ? " (warm-up)" : "") + ":");
            for (int k = 0; k < 3; k++) {
                line.append(String.format(" %s inserts %.3f s, edits %.3f s%s", names[k], i[k] / 1e9, e[k] / 1e9,
                        k < 2 ? ";" : ""));
            }
            System.out.println(line);
            if (round > 0) {
                for (int k = 0; k < 3; k++) {
                    insert[k][round - 1] = i[k];
                    edit[k][round - 1] = e[k];
                }
            }
        }
        print(insert, edit);
    }

    /** The remote device's changes, as its batches carry them, and the same rows for the raw baseline. */
    private void make() {
        SplittableRandom r = new SplittableRandom(7);
        HybridClock clock = new HybridClock(Clock.systemUTC());
        List<ChangeData> all = new ArrayList<>(records);
        UUID[] last = new UUID[records];
        for (int i = 0; i < records; i++) {
            Task t = Data.task(UUID.randomUUID().toString(), r);
            rows.add(t);
            UUID id = clock.next();
            last[i] = id;
            all.add(new ChangeData(id, "task", t.id(), List.of(new FieldData("title", t.title(), null),
                    new FieldData("notes", t.notes(), null), new FieldData("done", t.done() ? 1L : 0L, null),
                    new FieldData("priority", t.priority(), null), new FieldData("due", t.due(), null))));
        }
        cut(all, inserts);
        List<ChangeData> renamed = new ArrayList<>(records * EDIT_PASSES);
        for (int pass = 0; pass < EDIT_PASSES; pass++) {
            for (int i = 0; i < records; i++) {
                String title = Data.title(r);
                UUID id = clock.next();
                renamed.add(new ChangeData(id, "task", rows.get(i).id(), List.of(new FieldData("title", title, last[i]))));
                renames.add(new String[] {rows.get(i).id(), title});
                last[i] = id;
            }
        }
        cut(renamed, edits);
    }

    private static void cut(List<ChangeData> changes, List<List<ChangeData>> into) {
        for (int from = 0; from < changes.size(); from += BATCH) {
            into.add(changes.subList(from, Math.min(changes.size(), from + BATCH)));
        }
    }

    /** Times the inserts into a new database, then the edits on top of them. */
    private long[] engine(int round) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("merge-engine-" + round + ".db"));
        try (Db opened = Db.open(file)) {
            DefaultDb db = (DefaultDb) opened;
            db.migrate(List.of(Data.TASK_DDL));
            RemoteApply apply = db.remoteApply();
            long insert = merge(db, apply, inserts);
            check(db, "SELECT count(*) FROM task", records);
            long edit = merge(db, apply, edits);
            check(db, "SELECT count(*) FROM task WHERE title = '" + renames.get(renames.size() - 1)[1].replace("'", "''")
                    + "' AND id = '" + renames.get(renames.size() - 1)[0] + "'", 1);
            return new long[] {insert, edit};
        } finally {
            SaveLatency.fresh(file);
        }
    }

    private long merge(DefaultDb db, RemoteApply apply, List<List<ChangeData>> batches) {
        long start = System.nanoTime();
        for (List<ChangeData> batch : batches) {
            RemoteApply.Stats st = db.writer().write("bench merge", s -> apply.apply(s, author, batch,
                    System.currentTimeMillis()));
            if (st.merged() != batch.size() || st.conflicts() != 0) {
                throw new IllegalStateException("merged " + st.merged() + " of " + batch.size() + ", "
                        + st.conflicts() + " conflicts");
            }
        }
        return System.nanoTime() - start;
    }

    private static void check(DefaultDb db, String sql, long expected) {
        long n = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (n != expected) {
            throw new IllegalStateException(sql + " gave " + n + ", not " + expected);
        }
    }

    private long[] raw(int round) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("merge-raw-" + round + ".db"));
        try (Connection c = SaveLatency.rawConnection(file, dev.tandem.engine.Synchronous.FULL)) {
            try (Statement s = c.createStatement()) {
                s.execute(Data.TASK_DDL);
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(Data.TASK_INSERT)) {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    for (Task t : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                        SaveLatency.bind(ps, t).addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            long insert = System.nanoTime() - start;
            start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET title = ? WHERE id = ?")) {
                for (int from = 0; from < renames.size(); from += BATCH) {
                    for (String[] rename : renames.subList(from, Math.min(renames.size(), from + BATCH))) {
                        ps.setString(1, rename[1]);
                        ps.setString(2, rename[0]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            long edit = System.nanoTime() - start;
            c.setAutoCommit(true);
            return new long[] {insert, edit};
        } finally {
            SaveLatency.fresh(file);
        }
    }

    private void print(long[][] insert, long[][] edit) {
        long insertFields = records * 5L;
        long editFields = (long) records * EDIT_PASSES;
        System.out.println();
        System.out.println("### Merge of pulled batches: " + BATCH + " changes per batch, one transaction each, file database"
                + " with the default settings (synchronous=FULL), " + rounds + " rounds, the three in turn, + 1 warm-up");
        System.out.println();
        System.out.println("| case | field changes | engine, median | field changes/s (median) | raw `executeBatch`, median"
                + " | raw field changes/s | ratio (engine time / raw time) | the engine's writes alone (floor), median"
                + " | floor field changes/s | engine time / floor time | engine, all rounds | raw, all rounds | floor, all rounds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        row("inserts into an empty database (" + String.format("%,d", records) + " tasks × 5 fields)", insertFields, insert);
        row("edits of held tasks (" + String.format("%,d", editFields) + " one-field renames)", editFields, edit);
    }

    private static void row(String name, long fields, long[][] times) {
        Stats e = new Stats(times[0]);
        Stats w = new Stats(times[1]);
        Stats f = new Stats(times[2]);
        System.out.printf("| %s | %,d | %s | **%,.0f** | %s | %,.0f | %s | %s | %,.0f | %s | %s | %s | %s |%n", name, fields,
                Stats.ms(e.median()), fields / (e.median() / 1e9), Stats.ms(w.median()), fields / (w.median() / 1e9),
                Stats.ratio(e.median(), w.median()), Stats.ms(f.median()), fields / (f.median() / 1e9),
                Stats.ratio(e.median(), f.median()), all(times[0]), all(times[1]), all(times[2]));
    }

    private static String all(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.2f s", n / 1e9));
        }
        return b.toString();
    }
}

package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.store.SqlValues;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Merge of pulled batches ({@link RemoteApply}), the pull path of a sync without the storage: another
 * device's changes, cut into batches of {@value #BATCH} changes as it pushes them, each merged in its
 * own write transaction as {@code DbChangelog.append} does, into a file database opened with the
 * default settings ({@code Db.open}: WAL, synchronous=FULL). Three cases, in this order on one
 * database:
 *
 * <ul>
 *   <li><b>inserts</b>: a new device, empty database; {@code records} new tasks of 5 fields each.</li>
 *   <li><b>renames</b>: the tasks held; {@code 5 × records} one-field renames, five passes over the
 *       tasks, each rename replacing the one before, as a device that saw it writes it.</li>
 *   <li><b>whole edits</b>: then {@code records} changes that set all 5 fields of a task, each field
 *       replacing its winner: as many field changes as the renames, in a fifth of the changes.</li>
 * </ul>
 * Baseline, run alongside in the same JVM: a raw sqlite-jdbc {@code executeBatch} of the same user
 * rows (an INSERT of the 5 columns per task, an UPDATE of the columns a change sets) into the same
 * schema in a second file in the same directory, with the writer's pragmas, one transaction per
 * batch. A third side, {@link MergeFloor}, writes the rows the engine's merge writes, raw: the floor
 * for the changelog's layout. With {@code --layouts=}, further floors time leaner layouts the engine
 * does not have ({@link MergeFloor.Layout}), each one more side. Each round runs the sides in turn,
 * each going first in turn; round 0 is a warm-up.
 */
final class MergeBench {
    /** Changes per pulled batch: DefaultSyncEngine.BATCH_CAP. */
    static final int BATCH = 5_000;
    private static final int RENAME_PASSES = 5;
    private static final String[] COLUMNS = {"title", "notes", "done", "priority", "due"};

    /** One case: the batches as pulled, and how many field changes they carry. */
    record Case(String name, List<List<ChangeData>> batches, long fieldChanges) {
        boolean inserts() {
            return batches.get(0).get(0).fields().get(0).replaces() == null;
        }
    }

    private final Path dir;
    private final int records;
    private final int rounds;
    /** The floors to time; the first is the current layout's. */
    private final List<MergeFloor.Layout> layouts;
    private final UUID author = UUID.randomUUID();
    private final List<Case> cases = new ArrayList<>();
    /** Each task as the last case leaves it, to check the engine's database against. */
    private final Map<String, Object[]> finalRows = new HashMap<>();

    MergeBench(Path dir, int records, int rounds, List<MergeFloor.Layout> layouts) {
        this.dir = dir;
        this.records = records;
        this.rounds = rounds;
        this.layouts = layouts;
        if (layouts.isEmpty() || layouts.get(0) != MergeFloor.Layout.CURRENT) {
            throw new IllegalArgumentException("--layouts: the first must be 'current', the engine's own");
        }
    }

    void run() throws Exception {
        make();
        List<MergeFloor> floors = new ArrayList<>();
        for (MergeFloor.Layout l : layouts) {
            floors.add(MergeFloor.of(dir.resolve("merge-floor-schema.db"), author, l));
        }
        int sides = 2 + floors.size();
        long[][][] times = new long[cases.size()][sides][rounds];
        for (int round = 0; round <= rounds; round++) {
            long[][] t = new long[sides][];
            for (int k = 0; k < sides; k++) {
                int side = (k + round) % sides; // each side goes first in turn
                t[side] = switch (side) {
                    case 0 -> engine(round);
                    case 1 -> raw(round);
                    default -> floors.get(side - 2).run(dir.resolve("merge-floor-" + round + ".db"), cases);
                };
            }
            StringBuilder line = new StringBuilder("round " + round + (round == 0 ? " (warm-up)" : "") + ":");
            for (int k = 0; k < sides; k++) {
                line.append(k == 0 ? " " : "; ").append(side(k));
                for (int c = 0; c < cases.size(); c++) {
                    line.append(String.format(" %.3f s", t[k][c] / 1e9));
                    if (round > 0) {
                        times[c][k][round - 1] = t[k][c];
                    }
                }
            }
            System.out.println(line + " (inserts, renames, whole edits)");
        }
        print(times);
    }

    private String side(int k) {
        return switch (k) {
            case 0 -> "engine";
            case 1 -> "raw";
            case 2 -> "floor";
            default -> "floor " + layouts.get(k - 2).option;
        };
    }

    /** The remote device's changes, as its batches carry them. */
    private void make() {
        SplittableRandom r = new SplittableRandom(7);
        HybridClock clock = new HybridClock(Clock.systemUTC());
        List<ChangeData> all = new ArrayList<>(records);
        List<String> ids = new ArrayList<>(records);
        UUID[][] last = new UUID[records][COLUMNS.length];
        for (int i = 0; i < records; i++) {
            Task t = Data.task(UUID.randomUUID().toString(), r);
            ids.add(t.id());
            UUID id = clock.next();
            Arrays.fill(last[i], id);
            all.add(new ChangeData(id, "task", t.id(), fields(t, new UUID[COLUMNS.length])));
            finalRows.put(t.id(), values(t));
        }
        cases.add(new Case("inserts into an empty database (" + String.format("%,d", records) + " tasks × 5 fields)",
                cut(all), records * 5L));
        List<ChangeData> renamed = new ArrayList<>(records * RENAME_PASSES);
        for (int pass = 0; pass < RENAME_PASSES; pass++) {
            for (int i = 0; i < records; i++) {
                String title = Data.title(r);
                UUID id = clock.next();
                renamed.add(new ChangeData(id, "task", ids.get(i), List.of(new FieldData("title", title, last[i][0]))));
                last[i][0] = id;
                finalRows.get(ids.get(i))[0] = title;
            }
        }
        cases.add(new Case("edits of held tasks (" + String.format("%,d", records * RENAME_PASSES) + " one-field renames)",
                cut(renamed), (long) records * RENAME_PASSES));
        List<ChangeData> whole = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            Task t = Data.task(ids.get(i), r);
            UUID id = clock.next();
            whole.add(new ChangeData(id, "task", ids.get(i), fields(t, last[i])));
            Arrays.fill(last[i], id);
            finalRows.put(ids.get(i), values(t));
        }
        cases.add(new Case("whole edits of held tasks (" + String.format("%,d", records) + " changes × 5 fields)",
                cut(whole), records * 5L));
    }

    private static List<FieldData> fields(Task t, UUID[] replaces) {
        Object[] v = values(t);
        List<FieldData> fields = new ArrayList<>(COLUMNS.length);
        for (int k = 0; k < COLUMNS.length; k++) {
            fields.add(new FieldData(COLUMNS[k], v[k], replaces[k]));
        }
        return fields;
    }

    private static Object[] values(Task t) {
        return new Object[] {t.title(), t.notes(), t.done() ? 1L : 0L, t.priority(), t.due()};
    }

    private static List<List<ChangeData>> cut(List<ChangeData> changes) {
        List<List<ChangeData>> into = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += BATCH) {
            into.add(changes.subList(from, Math.min(changes.size(), from + BATCH)));
        }
        return into;
    }

    /** Times each case in turn on one new database, then checks every row against the last case. */
    private long[] engine(int round) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("merge-engine-" + round + ".db"));
        try (Db opened = Db.open(file)) {
            SyncPort db = SyncPort.of(opened);
            opened.migrate(List.of(Data.TASK_DDL));
            RemoteApply apply = db.remoteApply();
            long[] times = new long[cases.size()];
            for (int c = 0; c < cases.size(); c++) {
                times[c] = merge(db, apply, cases.get(c).batches());
            }
            check(db);
            return times;
        } finally {
            SaveLatency.fresh(file);
        }
    }

    private long merge(SyncPort db, RemoteApply apply, List<List<ChangeData>> batches) {
        long start = System.nanoTime();
        for (List<ChangeData> batch : batches) {
            RemoteApply.Stats st = db.write("bench merge", s -> apply.apply(s, author, batch,
                    System.currentTimeMillis()));
            if (st.merged() != batch.size() || st.conflicts() != 0) {
                throw new IllegalStateException("merged " + st.merged() + " of " + batch.size() + ", "
                        + st.conflicts() + " conflicts");
            }
        }
        return System.nanoTime() - start;
    }

    private void check(SyncPort db) {
        int wrong = db.read(c -> {
            int n = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, " + String.join(", ", COLUMNS) + " FROM task")) {
                while (rs.next()) {
                    Object[] want = finalRows.get(rs.getString(1));
                    for (int k = 0; want != null && k < COLUMNS.length; k++) {
                        want = SqlValues.same(want[k], SqlValues.normalize(rs.getObject(k + 2))) ? want : null;
                    }
                    n += want == null ? 1 : 0;
                }
            }
            return n;
        });
        int count = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM task")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (wrong != 0 || count != records) {
            throw new IllegalStateException(wrong + " rows differ from the last changes, " + count + " of " + records
                    + " rows");
        }
    }

    /** The same user rows: each case's batches, one statement per set of columns, one transaction per batch. */
    private long[] raw(int round) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("merge-raw-" + round + ".db"));
        try (Connection c = SaveLatency.rawConnection(file, Synchronous.FULL)) {
            try (Statement s = c.createStatement()) {
                s.execute(Data.TASK_DDL);
            }
            c.setAutoCommit(false);
            long[] times = new long[cases.size()];
            for (int k = 0; k < cases.size(); k++) {
                long start = System.nanoTime();
                for (List<ChangeData> batch : cases.get(k).batches()) {
                    MergeFloor.userRows(c, batch, cases.get(k).inserts());
                    c.commit();
                }
                times[k] = System.nanoTime() - start;
            }
            c.setAutoCommit(true);
            return times;
        } finally {
            SaveLatency.fresh(file);
        }
    }

    private void print(long[][][] times) {
        System.out.println();
        System.out.println("### Merge of pulled batches: " + BATCH + " changes per batch, one transaction each, file database"
                + " with the default settings (synchronous=FULL), " + rounds + " rounds, the sides in turn, + 1 warm-up");
        System.out.println();
        System.out.println("| case | field changes | engine, median | field changes/s (median) | raw `executeBatch`, median"
                + " | raw field changes/s | ratio (engine time / raw time) | the engine's writes alone (floor), median"
                + " | floor field changes/s | engine time / floor time | engine, all rounds | raw, all rounds | floor, all rounds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int c = 0; c < cases.size(); c++) {
            row(cases.get(c), times[c]);
        }
        if (layouts.size() > 1) {
            System.out.println();
            System.out.println("#### The floor of each layout: the rows a merge would write on it, raw, same rounds");
            System.out.println();
            System.out.println("| case | layout: rows written per change | floor, median | floor field changes/s"
                    + " | time / the current layout's floor | all rounds |");
            System.out.println("|---|---|---|---|---|---|");
            for (int c = 0; c < cases.size(); c++) {
                long current = new Stats(times[c][2]).median();
                for (int k = 0; k < layouts.size(); k++) {
                    long median = new Stats(times[c][2 + k]).median();
                    System.out.printf("| %s | %s | %s | %,.0f | %s | %s |%n", cases.get(c).name(), layouts.get(k).rows,
                            Stats.ms(median), cases.get(c).fieldChanges() / (median / 1e9),
                            Stats.ratio(median, current), all(times[c][2 + k]));
                }
            }
        }
    }

    private static void row(Case c, long[][] times) {
        Stats e = new Stats(times[0]);
        Stats w = new Stats(times[1]);
        Stats f = new Stats(times[2]);
        long n = c.fieldChanges();
        System.out.printf("| %s | %,d | %s | **%,.0f** | %s | %,.0f | %s | %s | %,.0f | %s | %s | %s | %s |%n", c.name(), n,
                Stats.ms(e.median()), n / (e.median() / 1e9), Stats.ms(w.median()), n / (w.median() / 1e9),
                Stats.ratio(e.median(), w.median()), Stats.ms(f.median()), n / (f.median() / 1e9),
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

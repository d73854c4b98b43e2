package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.clock.HybridClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bulk insert: N tracked records saved in one {@code db.transaction} (N changes, 5 fields each),
 * next to a raw sqlite-jdbc batch insert ({@code addBatch}/{@code executeBatch}) of the same rows in
 * one transaction, into fresh files in the same directory, synchronous=FULL, WAL. Rounds alternate
 * engine and raw; the first round of each is a warm-up.
 */
final class BulkInsert {
    private final Path dir;
    private final int records;
    private final int rounds;

    BulkInsert(Path dir, int records, int rounds) {
        this.dir = dir;
        this.records = records;
        this.rounds = rounds;
    }

    void run() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        HybridClock ids = new HybridClock(Clock.systemUTC());
        List<Task> rows = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            rows.add(Data.task(ids.next().toString(), r));
        }
        long[] engine = new long[rounds];
        long[] raw = new long[rounds];
        // Round 0 is a warm-up with a tenth of the records.
        for (int round = 0; round <= rounds; round++) {
            List<Task> data = round == 0 ? rows.subList(0, records / 10) : rows;
            boolean engineFirst = round % 2 == 0;
            long e = 0;
            long w = 0;
            if (engineFirst) {
                e = engine(round, data);
                w = raw(round, data);
            } else {
                w = raw(round, data);
                e = engine(round, data);
            }
            if (round > 0) {
                engine[round - 1] = e;
                raw[round - 1] = w;
            }
        }
        Stats es = new Stats(engine);
        Stats rs = new Stats(raw);
        System.out.println();
        System.out.println("### Bulk insert: " + records + " records (5 fields) in one transaction, synchronous=FULL, "
                + rounds + " rounds alternating + 1 warm-up");
        System.out.println();
        System.out.println("| | median time | records/s (median) | all rounds |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| engine, tracked (`db.transaction` + `tx.save`) | %s | %,.0f | %s |%n", Stats.ms(es.median()),
                records / (es.median() / 1e9), all(engine));
        System.out.printf("| raw sqlite-jdbc batch insert | %s | %,.0f | %s |%n", Stats.ms(rs.median()),
                records / (rs.median() / 1e9), all(raw));
        System.out.printf("| ratio (engine time / raw time) | %s | | |%n", Stats.ratio(es.median(), rs.median()));
    }

    private static String all(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%.2f s", n / 1e9));
        }
        return b.toString();
    }

    private long engine(int round, List<Task> data) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("bulk-engine-" + round + ".db"));
        try (Db db = Db.builder().file(file).synchronous(Synchronous.FULL).build()) {
            db.migrate(List.of(Data.TASK_DDL));
            long start = System.nanoTime();
            db.transaction(tx -> {
                for (Task t : data) {
                    tx.save(t);
                }
            });
            long took = System.nanoTime() - start;
            long count = db.query(Count.class, "SELECT 'n' AS id, count(*) AS n FROM task").get(0).n();
            if (count != data.size()) {
                throw new IllegalStateException("engine stored " + count + " rows, not " + data.size());
            }
            return took;
        } finally {
            SaveLatency.fresh(file);
        }
    }

    record Count(String id, Long n) {
    }

    private long raw(int round, List<Task> data) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("bulk-raw-" + round + ".db"));
        try (Connection c = SaveLatency.rawConnection(file, Synchronous.FULL)) {
            try (Statement s = c.createStatement()) {
                s.execute(Data.TASK_DDL);
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Data.TASK_INSERT)) {
                for (Task t : data) {
                    SaveLatency.bind(ps, t).addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            long took = System.nanoTime() - start;
            c.setAutoCommit(true);
            return took;
        } finally {
            SaveLatency.fresh(file);
        }
    }
}

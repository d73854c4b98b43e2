package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.clock.HybridClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sqlite.SQLiteConfig;

/**
 * P1: the latency of {@code db.save} of a 5-attribute record with change tracking, next to a raw
 * sqlite-jdbc upsert of the same row into a second file in the same directory, with the same
 * pragmas (WAL, the same {@code synchronous}), in the same JVM, alternating one engine save and one
 * raw upsert (in ABBA order, so neither always goes first). Each call is its own transaction.
 */
final class SaveLatency {
    private final Path dir;
    private final int warmup;
    private final int iterations;
    private final int seedRows;

    SaveLatency(Path dir, int warmup, int iterations, int seedRows) {
        this.dir = dir;
        this.warmup = warmup;
        this.iterations = iterations;
        this.seedRows = seedRows;
    }

    record Result(Synchronous sync, String op, Stats engine, Stats raw) {
    }

    List<Result> run(List<Synchronous> modes) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Synchronous mode : modes) {
            results.addAll(run(mode));
        }
        return results;
    }

    private List<Result> run(Synchronous mode) throws Exception {
        Path engineFile = fresh(dir.resolve("p1-engine-" + mode + ".db"));
        Path rawFile = fresh(dir.resolve("p1-raw-" + mode + ".db"));
        SplittableRandom r = new SplittableRandom(42);
        HybridClock ids = new HybridClock(Clock.systemUTC());
        List<Result> results = new ArrayList<>();
        try (Db db = Db.builder().file(engineFile).synchronous(mode).build();
             Connection raw = rawConnection(rawFile, mode)) {
            db.migrate(List.of(Data.TASK_DDL));
            try (Statement s = raw.createStatement()) {
                s.execute(Data.TASK_DDL);
            }
            PreparedStatement upsert = raw.prepareStatement(Data.TASK_UPSERT);
            // The same rows in both files.
            List<Task> rows = new ArrayList<>();
            for (int i = 0; i < seedRows; i++) {
                rows.add(Data.task(ids.next().toString(), r));
            }
            db.transaction(tx -> rows.forEach(tx::save));
            raw.setAutoCommit(false);
            for (Task t : rows) {
                bind(upsert, t).executeUpdate();
            }
            raw.commit();
            raw.setAutoCommit(true);

            // update: change the title of an existing row (one attribute differs; the raw upsert writes all five)
            long[][] update = measure(i -> {
                Task t = rows.get(i % rows.size()).withTitle(Data.title(r) + " #" + i);
                rows.set(i % rows.size(), t);
                return t;
            }, db, upsert);
            results.add(new Result(mode, "update (1 of 5 fields changed)", new Stats(update[0]), new Stats(update[1])));
            // insert: a new row, the same id in both files
            long[][] insert = measure(i -> Data.task(ids.next().toString(), r), db, upsert);
            results.add(new Result(mode, "insert (5 fields)", new Stats(insert[0]), new Stats(insert[1])));
        }
        return results;
    }

    interface RowMaker {
        Task make(int i);
    }

    private long[][] measure(RowMaker rows, Db db, PreparedStatement upsert) throws SQLException {
        long[] engine = new long[iterations];
        long[] raw = new long[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            Task t = rows.make(i);
            boolean engineFirst = (i & 1) == ((i >> 1) & 1); // ABBA ABBA ...
            long e;
            long w;
            if (engineFirst) {
                e = timeSave(db, t);
                w = timeUpsert(upsert, t);
            } else {
                w = timeUpsert(upsert, t);
                e = timeSave(db, t);
            }
            if (i >= warmup) {
                engine[i - warmup] = e;
                raw[i - warmup] = w;
            }
        }
        return new long[][] {engine, raw};
    }

    private static long timeSave(Db db, Task t) {
        long start = System.nanoTime();
        db.save(t);
        return System.nanoTime() - start;
    }

    private static long timeUpsert(PreparedStatement upsert, Task t) throws SQLException {
        long start = System.nanoTime();
        bind(upsert, t).executeUpdate();
        return System.nanoTime() - start;
    }

    static PreparedStatement bind(PreparedStatement ps, Task t) throws SQLException {
        ps.setString(1, t.id());
        ps.setString(2, t.title());
        ps.setString(3, t.notes());
        ps.setInt(4, t.done() ? 1 : 0);
        ps.setObject(5, t.priority());
        ps.setString(6, t.due());
        return ps;
    }

    /** The pragmas the engine's writer uses (see FileConnections): WAL, synchronous, busy timeout, foreign keys. */
    static Connection rawConnection(Path file, Synchronous mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(mode.name()));
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static Path fresh(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return file;
    }

    static void print(List<Result> results, int iterations, int warmup) {
        System.out.println();
        System.out.println("### P1: save latency, engine (tracked) vs raw sqlite-jdbc upsert, alternating, "
                + iterations + " measured + " + warmup + " warm-up each");
        System.out.println();
        System.out.println("| synchronous | operation | engine median | engine p95 | raw median | raw p95 | ratio of medians | ratio of p95 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result x : results) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", x.sync(), x.op(),
                    Stats.us(x.engine().median()), Stats.us(x.engine().p95()),
                    Stats.us(x.raw().median()), Stats.us(x.raw().p95()),
                    Stats.ratio(x.engine().median(), x.raw().median()),
                    Stats.ratio(x.engine().p95(), x.raw().p95()));
        }
    }
}

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
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Diagnostic for P1: splits an insert into "work before COMMIT" and "COMMIT (and what follows)",
 * for the engine ({@code db.transaction} with a timestamp taken as the work's last statement) and
 * for raw sqlite-jdbc (explicit transaction, upsert, commit), alternating, and reports the WAL bytes
 * each commit appends.
 */
final class SaveBreakdown {
    private final Path dir;
    private final int iterations;

    SaveBreakdown(Path dir, int iterations) {
        this.dir = dir;
        this.iterations = iterations;
    }

    void run(Synchronous mode) throws Exception {
        Path ef = SaveLatency.fresh(dir.resolve("split-engine.db"));
        Path rf = SaveLatency.fresh(dir.resolve("split-raw.db"));
        SplittableRandom r = new SplittableRandom(1);
        HybridClock ids = new HybridClock(Clock.systemUTC());
        int warm = iterations / 4;
        long[] eWork = new long[iterations];
        long[] eCommit = new long[iterations];
        long[] rWork = new long[iterations];
        long[] rCommit = new long[iterations];
        long eWal = 0;
        long rWal = 0;
        try (Db db = Db.builder().file(ef).synchronous(mode).build();
             Connection raw = SaveLatency.rawConnection(rf, mode)) {
            db.migrate(List.of(Data.TASK_DDL));
            try (Statement s = raw.createStatement()) {
                s.execute(Data.TASK_DDL);
                // No automatic checkpoints in this diagnostic, so the WAL size tells bytes per commit.
                s.execute("PRAGMA wal_autocheckpoint=0");
            }
            PreparedStatement upsert = raw.prepareStatement(Data.TASK_UPSERT);
            long eWal0 = 0;
            long rWal0 = 0;
            for (int i = 0; i < warm + iterations; i++) {
                Task t = Data.task(ids.next().toString(), r);
                if (i == warm) {
                    eWal0 = walSize(ef);
                    rWal0 = walSize(rf);
                }
                long[] mid = new long[1];
                long s0 = System.nanoTime();
                db.transaction(tx -> {
                    tx.save(t);
                    mid[0] = System.nanoTime();
                });
                long s1 = System.nanoTime();
                raw.setAutoCommit(false);
                SaveLatency.bind(upsert, t).executeUpdate();
                long rm = System.nanoTime();
                raw.commit();
                long s2 = System.nanoTime();
                raw.setAutoCommit(true);
                if (i >= warm) {
                    eWork[i - warm] = mid[0] - s0;
                    eCommit[i - warm] = s1 - mid[0];
                    rWork[i - warm] = rm - s1;
                    rCommit[i - warm] = s2 - rm;
                }
            }
            eWal = walSize(ef) - eWal0;
            rWal = walSize(rf) - rWal0;
        }
        System.out.println();
        System.out.println("### P1 breakdown, insert, synchronous=" + mode + ", " + iterations + " alternating");
        System.out.println();
        System.out.println("| | work before COMMIT (median) | COMMIT (median) | COMMIT p95 | WAL bytes per commit |");
        System.out.println("|---|---|---|---|---|");
        Stats ew = new Stats(eWork);
        Stats ec = new Stats(eCommit);
        Stats rw = new Stats(rWork);
        Stats rc = new Stats(rCommit);
        System.out.printf("| engine | %s | %s | %s | %s |%n", Stats.us(ew.median()), Stats.us(ec.median()), Stats.us(ec.p95()),
                eWal <= 0 ? "n/a (checkpointed)" : String.format("%,d", eWal / iterations));
        System.out.printf("| raw | %s | %s | %s | %,d |%n", Stats.us(rw.median()), Stats.us(rc.median()), Stats.us(rc.p95()),
                rWal / iterations);
    }

    private static long walSize(Path db) throws IOException {
        Path wal = Path.of(db + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}

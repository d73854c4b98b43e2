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
import java.util.List;
import java.util.SplittableRandom;

/**
 * Diagnostic for P1 at synchronous=FULL: is the engine's extra commit time its CPU work or the
 * larger commit? Alternates four inserts of the same row, each in its own transaction: the engine's
 * tracked save; a raw upsert; a raw upsert plus {@code pad} random bytes written to a side table in
 * the same transaction (about the WAL bytes an engine commit appends); and the raw upsert followed
 * by the engine's CPU-only cost simulated by a busy wait of {@code spin} µs before commit.
 */
final class CommitSize {
    private final Path dir;
    private final int iterations;
    private final int pad;
    private final int spinMicros;

    CommitSize(Path dir, int iterations, int pad, int spinMicros) {
        this.dir = dir;
        this.iterations = iterations;
        this.pad = pad;
        this.spinMicros = spinMicros;
    }

    void run() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        HybridClock ids = new HybridClock(Clock.systemUTC());
        int warm = iterations / 5;
        long[][] t = new long[4][iterations];
        try (Db db = Db.builder().file(SaveLatency.fresh(dir.resolve("size-engine.db"))).synchronous(Synchronous.FULL).build();
             Connection raw = SaveLatency.rawConnection(SaveLatency.fresh(dir.resolve("size-raw.db")), Synchronous.FULL);
             Connection fat = SaveLatency.rawConnection(SaveLatency.fresh(dir.resolve("size-fat.db")), Synchronous.FULL);
             Connection spin = SaveLatency.rawConnection(SaveLatency.fresh(dir.resolve("size-spin.db")), Synchronous.FULL)) {
            db.migrate(List.of(Data.TASK_DDL));
            for (Connection c : List.of(raw, fat, spin)) {
                try (Statement s = c.createStatement()) {
                    s.execute(Data.TASK_DDL);
                    s.execute("CREATE TABLE pad(id INTEGER PRIMARY KEY, b BLOB)");
                }
            }
            PreparedStatement ur = raw.prepareStatement(Data.TASK_UPSERT);
            PreparedStatement uf = fat.prepareStatement(Data.TASK_UPSERT);
            PreparedStatement pf = fat.prepareStatement("INSERT INTO pad(b) VALUES(randomblob(?))");
            PreparedStatement us = spin.prepareStatement(Data.TASK_UPSERT);
            for (int i = 0; i < warm + iterations; i++) {
                Task task = Data.task(ids.next().toString(), r);
                long[] took = new long[4];
                for (int k = 0; k < 4; k++) {
                    int which = (i + k) % 4; // rotate who goes first
                    long s = System.nanoTime();
                    switch (which) {
                        case 0 -> db.save(task);
                        case 1 -> SaveLatency.bind(ur, task).executeUpdate();
                        case 2 -> {
                            fat.setAutoCommit(false);
                            SaveLatency.bind(uf, task).executeUpdate();
                            pf.setInt(1, pad);
                            pf.executeUpdate();
                            fat.commit();
                            fat.setAutoCommit(true);
                        }
                        default -> {
                            spin.setAutoCommit(false);
                            SaveLatency.bind(us, task).executeUpdate();
                            long until = System.nanoTime() + spinMicros * 1000L;
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait();
                            }
                            spin.commit();
                            spin.setAutoCommit(true);
                        }
                    }
                    took[which] = System.nanoTime() - s;
                }
                if (i >= warm) {
                    for (int k = 0; k < 4; k++) {
                        t[k][i - warm] = took[k];
                    }
                }
            }
        }
        System.out.println();
        System.out.println("### P1 diagnostic at synchronous=FULL: commit size vs CPU, insert, " + iterations + " rotations");
        System.out.println();
        System.out.println("| | median | p95 |");
        System.out.println("|---|---|---|");
        String[] names = {"engine save", "raw upsert", "raw upsert + " + pad + " B side blob in the same commit",
            "raw upsert + " + spinMicros + " µs busy wait before commit"};
        for (int k = 0; k < 4; k++) {
            Stats s = new Stats(t[k]);
            System.out.printf("| %s | %s | %s |%n", names[k], Stats.us(s.median()), Stats.us(s.p95()));
        }
    }
}

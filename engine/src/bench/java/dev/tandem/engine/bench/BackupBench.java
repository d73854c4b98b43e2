package dev.tandem.engine.bench;

import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Db;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.internal.clock.HybridClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Backups of a profile with N tracked todos (each saved once, so the changelog holds them too):
 * a checked backup, plain and encrypted, beside a plain copy of the same database file (the floor:
 * bytes moved, nothing checked); and restoring each into a new profile (unpack, check, new device
 * id, then open as a Db and count), beside a plain copy of the backup file. Rounds alternate the
 * three; the first is a warm-up. Figures: medians.
 */
final class BackupBench {
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();
    private final Path dir;
    private final int records;
    private final int rounds;

    BackupBench(Path dir, int records, int rounds) {
        this.dir = dir;
        this.records = records;
        this.rounds = rounds;
    }

    void run() throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("backup-source.db"));
        SplittableRandom r = new SplittableRandom(5);
        HybridClock ids = new HybridClock(Clock.systemUTC());
        long[][] t = new long[6][rounds];
        long dbBytes;
        long sealedBytes = 0;
        try (Db db = Db.open(file)) {
            db.migrate(List.of(Data.TASK_DDL));
            db.transaction(tx -> {
                for (int i = 0; i < records; i++) {
                    tx.save(Data.task(ids.next().toString(), r));
                }
            });
            dbBytes = Files.size(file) + (Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0);
            for (int round = 0; round <= rounds; round++) {
                Path plain = SaveLatency.fresh(dir.resolve("b-" + round + ".db"));
                Path sealed = SaveLatency.fresh(dir.resolve("b-" + round + ".sealed"));
                Path copy = SaveLatency.fresh(dir.resolve("copy-" + round + ".db"));
                long a = System.nanoTime();
                db.backups().write(plain, null);
                long b = System.nanoTime();
                BackupFile s = db.backups().write(sealed, PASSPHRASE);
                long c = System.nanoTime();
                Files.copy(file, copy);
                long d = System.nanoTime();
                sealedBytes = s.bytes();
                long[] restore = restore(round, plain, sealed);
                if (round > 0) {
                    t[0][round - 1] = b - a;
                    t[1][round - 1] = c - b;
                    t[2][round - 1] = d - c;
                    t[3][round - 1] = restore[0];
                    t[4][round - 1] = restore[1];
                    t[5][round - 1] = restore[2];
                }
                for (Path p : List.of(plain, sealed, copy)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.println();
        System.out.printf("### Backups: a profile of %,d tracked todos (%.1f MB with its changelog), %d rounds + 1 warm-up%n",
                records, dbBytes / 1e6, rounds);
        System.out.println();
        System.out.println("| | median | all rounds |");
        System.out.println("|---|---|---|");
        row("backup, checked (`db.backups().write`)", t[0]);
        row(String.format("backup, checked and encrypted (%.1f MB)", sealedBytes / 1e6), t[1]);
        row("baseline: plain copy of the database file", t[2]);
        row("restore into a new profile (`Backups.unpack`, open, count)", t[3]);
        row("restore an encrypted backup into a new profile", t[4]);
        row("baseline: plain copy of the backup file", t[5]);
    }

    private long[] restore(int round, Path plain, Path sealed) throws Exception {
        Path intoPlain = SaveLatency.fresh(dir.resolve("restored-" + round + ".db"));
        Path intoSealed = SaveLatency.fresh(dir.resolve("restored-sealed-" + round + ".db"));
        Path copy = SaveLatency.fresh(dir.resolve("restored-copy-" + round + ".db"));
        long a = System.nanoTime();
        openAndCount(Backups.unpack(plain, null, intoPlain).file());
        long b = System.nanoTime();
        openAndCount(Backups.unpack(sealed, PASSPHRASE, intoSealed).file());
        long c = System.nanoTime();
        Files.copy(plain, copy);
        long d = System.nanoTime();
        for (Path p : List.of(intoPlain, intoSealed, copy)) {
            SaveLatency.fresh(p);
        }
        return new long[] {b - a, c - b, d - c};
    }

    private void openAndCount(Path file) {
        try (Db db = Db.open(file)) {
            int n = db.query(Task.class, "SELECT * FROM task WHERE rowid % 1000 = 0").size();
            if (n == 0 || db.schemaVersion() != 1) {
                throw new IllegalStateException("the restored profile is not whole");
            }
        }
    }

    private static void row(String what, long[] nanos) {
        StringBuilder all = new StringBuilder();
        for (long n : nanos) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format("%.2f s", n / 1e9));
        }
        System.out.printf("| %s | %.2f s | %s |%n", what, new Stats(nanos).median() / 1e9, all);
    }
}

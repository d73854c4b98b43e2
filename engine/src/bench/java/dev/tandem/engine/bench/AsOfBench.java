package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.bench.Data.Task;
import dev.tandem.engine.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Show as of": a table as it stood at a time, from a profile of {@code n} todos with a year of
 * history (each todo made on a day of the year and edited three times on average on later days, a
 * tenth of them deleted), against a plain read of the same table as it is now (the mapped
 * {@code SELECT *}, which a list view does anyway). Times: a week back, half a year back, and just
 * after the first day (where nearly every todo is folded from its history).
 */
final class AsOfBench {
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Path dir;
    private final int n;
    private final int rounds;

    AsOfBench(Path dir, int n, int rounds) {
        this.dir = dir;
        this.n = n;
        this.rounds = rounds;
    }

    void run() throws Exception {
        Path file = dir.resolve("asof-" + n + ".db");
        long start = 1_700_000_000_000L;
        ManualClock clock = new ManualClock(start);
        if (!Files.exists(file)) {
            seed(file, clock, start);
        }
        long end = start + 366 * DAY;
        clock.millis.set(end);
        try (Db db = Db.builder().file(file).clock(clock).build()) {
            System.out.println("| as of | todos then | median | p90 (of " + rounds + ") | plain read now, median | ratio |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            for (long back : new long[] {7 * DAY, 182 * DAY, 365 * DAY}) {
                Instant at = Instant.ofEpochMilli(end - back);
                long[] asOf = new long[rounds];
                long[] plain = new long[rounds];
                int size = 0;
                db.history().asOf(Task.class, at); // warm-up
                db.query(Task.class, "SELECT * FROM task");
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    size = db.history().asOf(Task.class, at).size();
                    long t1 = System.nanoTime();
                    db.query(Task.class, "SELECT * FROM task");
                    long t2 = System.nanoTime();
                    asOf[r] = t1 - t0;
                    plain[r] = t2 - t1;
                }
                Arrays.sort(asOf);
                Arrays.sort(plain);
                System.out.println("| " + (back / DAY) + " days back | " + size + " | " + Stats.ms(asOf[rounds / 2])
                        + " | " + Stats.ms(asOf[(int) (rounds * 0.9)]) + " | " + Stats.ms(plain[rounds / 2]) + " | "
                        + Stats.ratio(asOf[rounds / 2], plain[rounds / 2]) + " |");
            }
        }
    }

    /** Day by day through a year: the day's new todos, then edits and deletes of older ones. */
    private void seed(Path file, ManualClock clock, long start) {
        SplittableRandom r = new SplittableRandom(42);
        try (Db db = Db.builder().file(file).clock(clock).synchronous(Synchronous.OFF).build()) {
            db.migrate(List.of(Data.TASK_DDL));
            List<String> ids = new ArrayList<>(n);
            int perDay = Math.max(1, n / 365);
            for (int day = 0; day < 365; day++) {
                clock.millis.set(start + day * DAY);
                int made = day == 364 ? n - ids.size() : Math.min(perDay, n - ids.size());
                db.transaction(tx -> {
                    for (int i = 0; i < made; i++) {
                        ids.add(tx.save(Data.task(null, r)).id());
                        clock.millis.addAndGet(1);
                    }
                });
                int edits = 3 * n / 365;
                db.transaction(tx -> {
                    for (int i = 0; i < edits && !ids.isEmpty(); i++) {
                        String id = ids.get(r.nextInt(ids.size()));
                        tx.get(Task.class, id).ifPresent(t -> {
                            if (r.nextInt(30) == 0) {
                                tx.delete(Task.class, id);
                            } else {
                                tx.save(t.withTitle(Data.title(r)));
                            }
                        });
                        clock.millis.addAndGet(1);
                    }
                });
            }
        }
    }
}

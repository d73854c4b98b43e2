package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Live queries in parallel: a commit's costly counts re-run several at once instead of one by one. Two databases
 * of the same 100,000 items (100 lists of 1,000), one re-running its queries one by one ({@code queryThreads(1)}),
 * the other with the default width; commits alternate between them. Each has the sidebar's shape: the edited
 * list's view (its first 200 rows), {@code COUNTS} counts that each read every row, and a saved filter's count
 * of one list's rows subscribed last, as the window subscribes a smart list after the built-in counts. Callbacks run on one
 * executor thread of their own, as the window's run on the FX thread. Times are from COMMIT done to each callback.
 */
final class CommitToCounts {
    private static final int LISTS = 100;
    private static final int ITEMS_PER_LIST = 1_000;
    private static final int COUNTS = 8;
    private static final List<String> WORDS = List.of("Buy", "Call", "Pay", "Fix", "Book", "Read", "Plan", "Order");

    @Table("list")
    record TodoList(String id, String name, Long position) {
    }

    @Table("item")
    record Item(String id, String listId, String title, boolean done, Long priority, String notes, Long position) {
    }

    record Count(String id, long n) {
    }

    private final Path dir;
    private final int warmup;
    private final int iterations;

    CommitToCounts(Path dir, int warmup, int iterations) {
        this.dir = dir;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    /** One database under test, with its latest arrivals. */
    private static final class Side implements AutoCloseable {
        final String name;
        final Db db;
        final List<List<Item>> items = new ArrayList<>();
        final List<Subscription> open = new ArrayList<>();
        volatile CountDownLatch done = new CountDownLatch(0);
        volatile boolean armed;
        volatile long view;
        volatile long filter;
        volatile long last;
        int viewList = -1;

        Side(String name, Db db) {
            this.name = name;
            this.db = db;
        }

        void arrived(int which) {
            if (!armed) {
                return;
            }
            long now = System.nanoTime();
            if (which == 0) {
                view = now;
            } else if (which == 2) {
                filter = now;
            }
            last = Math.max(last, now);
            done.countDown();
        }

        @Override
        public void close() {
            open.forEach(Subscription::close);
            db.close();
        }
    }

    void run() throws Exception {
        ExecutorService screen = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-screen"));
        try (Side serial = open("one by one", 1, screen); Side parallel = open("default width", 0, screen)) {
            long[][] serialTimes = new long[3][iterations];
            long[][] parallelTimes = new long[3][iterations];
            SplittableRandom r = new SplittableRandom(11);
            for (int n = 0; n < warmup + iterations; n++) {
                int l = r.nextInt(LISTS);
                int i = r.nextInt(ITEMS_PER_LIST);
                String title = Data.title(r) + " " + n;
                // Alternated commit by commit, the first of each pair switching too.
                boolean serialFirst = n % 2 == 0;
                for (Side s : serialFirst ? List.of(serial, parallel) : List.of(parallel, serial)) {
                    long[] t = commit(s, l, i, title);
                    if (n >= warmup) {
                        long[][] into = s == serial ? serialTimes : parallelTimes;
                        for (int k = 0; k < 3; k++) {
                            into[k][n - warmup] = t[k];
                        }
                    }
                }
            }
            System.out.println();
            System.out.println("### Live queries in parallel: commit → callbacks, 100,000 items, the edited list's view, "
                    + COUNTS + " counts of every row and a saved filter's count; " + iterations + " commits each + "
                    + warmup + " warm-up, alternated");
            System.out.println();
            System.out.println("| re-runs | callback, from COMMIT done | p50 | p95 | max |");
            System.out.println("|---|---|---|---|---|");
            String[] what = {"the edited list's view", "the saved filter's count", "the last of " + (COUNTS + 2)};
            for (int k = 0; k < 3; k++) {
                row(serial.name, what[k], new Stats(serialTimes[k]));
                row(parallel.name + " (" + Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()))
                        + " at once)", what[k], new Stats(parallelTimes[k]));
            }
        } finally {
            screen.shutdownNow();
        }
    }

    private Side open(String name, int threads, ExecutorService screen) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("counts-" + threads + ".db"));
        Db.Builder b = Db.builder().file(file);
        if (threads > 0) {
            b.queryThreads(threads);
        }
        Side s = new Side(name, b.build());
        s.db.migrate(CommitToCallback.SCHEMA);
        SplittableRandom r = new SplittableRandom(7);
        List<TodoList> lists = new ArrayList<>();
        s.db.transaction(tx -> {
            for (int l = 0; l < LISTS; l++) {
                TodoList list = tx.save(new TodoList(null, "List " + l, (long) l));
                lists.add(list);
                List<Item> in = new ArrayList<>();
                for (int i = 0; i < ITEMS_PER_LIST; i++) {
                    in.add(tx.save(new Item(null, list.id(), Data.title(r), r.nextInt(4) == 0, 1L + r.nextInt(3),
                            Data.notes(r), (long) i)));
                }
                s.items.add(in);
            }
        });
        // The view of list 0, where every measured commit lands, so the view re-runs each time.
        s.open.add(s.db.querySubscribe(Item.class, "SELECT * FROM item WHERE list_id = ? ORDER BY done, position"
                + " LIMIT 200", List.of(lists.get(0).id()), rows -> s.arrived(0), screen));
        for (int k = 0; k < COUNTS; k++) {
            s.open.add(s.db.querySubscribe(Count.class, "SELECT 'c' AS id, count(*) AS n FROM item"
                    + " WHERE done = 0 AND title LIKE ?", List.of(WORDS.get(k) + "%"), rows -> s.arrived(1), screen));
        }
        // A saved filter over one list ("#List 1 & p1"): its own query reads that list's thousand rows only.
        s.open.add(s.db.querySubscribe(Count.class, "SELECT 'f' AS id, count(*) AS n FROM item"
                + " WHERE list_id = ? AND done = 0 AND priority = 1", List.of(lists.get(1).id()), rows -> s.arrived(2),
                screen));
        return s;
    }

    /** Edits an item of list 0 and returns the view's, the filter's and the last callback's time after COMMIT. */
    private static long[] commit(Side s, int l, int i, String title) throws InterruptedException {
        Item old = s.items.get(0).get(i);
        Item changed = new Item(old.id(), old.listId(), title, !old.done(), old.priority(), old.notes(),
                old.position());
        s.items.get(0).set(i, changed);
        s.done = new CountDownLatch(COUNTS + 2);
        s.last = 0;
        s.armed = true;
        s.db.save(changed);
        long committed = System.nanoTime();
        if (!s.done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(s.name + ": callbacks missing: " + s.done.getCount());
        }
        s.armed = false;
        return new long[] {Math.max(0, s.view - committed), Math.max(0, s.filter - committed),
            Math.max(0, s.last - committed)};
    }

    private static void row(String side, String what, Stats s) {
        System.out.printf("| %s | %s | %s | %s | %s |%n", side, what, Stats.ms(s.median()), Stats.ms(s.p95()),
                Stats.ms(s.max()));
    }
}

package dev.tandem.engine.bench;

import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Synchronous;
import dev.tandem.engine.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P2: latency from just before commit to the arrival of subscription callbacks, with 100 live
 * subscriptions over a 10k-row item table (100 lists of 100 items):
 * <ul>
 *   <li>80 list views: {@code SELECT * FROM item WHERE list_id = ? ORDER BY done, position}, one per list 0..79;</li>
 *   <li>1 sidebar: every list with its count of open items (reads list and item);</li>
 *   <li>10 over {@code list} only and 9 over {@code tag} only, which an item edit must not re-run.</li>
 * </ul>
 * Each measured commit edits one attribute (title or done) of a random item of a random list
 * 0..99. Two clocks start: one inside the transaction, after the save, just before COMMIT (so the
 * fsync is inside the interval), and one when the transaction has returned, COMMIT done (the
 * interval the reactive layer adds; a callback that beat the return counts as 0). Both stop in
 * each callback (which runs on the dispatch thread, the default executor). The harness waits for
 * all 81 callbacks of a commit, then 2 ms, before the next commit.
 */
final class CommitToCallback {
    private static final int LISTS = 100;
    private static final int ITEMS_PER_LIST = 100;
    private static final int LIST_VIEWS = 80;

    @Table("list")
    record TodoList(String id, String name, Long position) {
    }

    @Table("item")
    record Item(String id, String listId, String title, boolean done, Long priority, String notes, Long position) {
    }

    @Table("tag")
    record Tag(String id, String label) {
    }

    record ListCount(String id, String name, Long open) {
    }

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE list(id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER);"
                    + "CREATE TABLE item(id TEXT PRIMARY KEY, list_id TEXT NOT NULL REFERENCES list(id),"
                    + " title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, priority INTEGER, notes TEXT, position INTEGER);"
                    + "CREATE INDEX item_by_list ON item(list_id, done, position);"
                    + "CREATE TABLE tag(id TEXT PRIMARY KEY, label TEXT NOT NULL);");

    private final Path dir;
    private final int warmup;
    private final int iterations;

    private final List<Synchronous> modes;
    /** Readers re-running subscriptions at once (Db.Builder.queryThreads); 0 for the default. */
    private final int threads;

    CommitToCallback(Path dir, int warmup, int iterations, List<Synchronous> modes, int threads) {
        this.threads = threads;
        this.dir = dir;
        this.warmup = warmup;
        this.iterations = iterations;
        this.modes = modes;
    }

    void run() throws Exception {
        System.out.println();
        System.out.println("### P2: commit → callback, 100 subscriptions (81 read item), 10k items; "
                + iterations + " measured commits + " + warmup + " warm-up");
        System.out.println();
        System.out.println("| synchronous | callback | p50 | p95 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        for (Synchronous mode : modes) {
            run(mode);
        }
    }

    private void run(Synchronous mode) throws Exception {
        Path file = SaveLatency.fresh(dir.resolve("p2-" + mode + ".db"));
        SplittableRandom r = new SplittableRandom(7);
        Db.Builder builder = Db.builder().file(file).synchronous(mode);
        if (threads > 0) {
            builder.queryThreads(threads);
        }
        try (Db db = builder.build()) {
            db.migrate(SCHEMA);
            List<TodoList> lists = new ArrayList<>();
            List<List<Item>> items = new ArrayList<>();
            db.transaction(tx -> {
                for (int l = 0; l < LISTS; l++) {
                    TodoList list = tx.save(new TodoList(null, "List " + l, (long) l));
                    lists.add(list);
                    List<Item> in = new ArrayList<>();
                    for (int i = 0; i < ITEMS_PER_LIST; i++) {
                        in.add(tx.save(new Item(null, list.id(), Data.title(r), r.nextInt(4) == 0,
                                1L + r.nextInt(3), Data.notes(r), (long) i)));
                    }
                    items.add(in);
                }
                for (int t = 0; t < 50; t++) {
                    tx.save(new Tag(null, "tag-" + t));
                }
            });

            int subs = LIST_VIEWS + 1 + 10 + 9;
            long[] arrival = new long[subs];
            AtomicInteger unexpected = new AtomicInteger();
            CountDownLatch[] latch = {new CountDownLatch(0)};
            boolean[] armed = {false};
            List<Subscription> open = new ArrayList<>();
            for (int l = 0; l < LIST_VIEWS; l++) {
                int k = l;
                open.add(db.querySubscribe(Item.class, "SELECT * FROM item WHERE list_id = ? ORDER BY done, position",
                        List.of(lists.get(l).id()), rows -> arrived(k, arrival, armed, latch[0])));
            }
            open.add(db.querySubscribe(ListCount.class, "SELECT l.id, l.name, (SELECT count(*) FROM item i"
                    + " WHERE i.list_id = l.id AND i.done = 0) AS open FROM list l ORDER BY l.position",
                    List.of(), rows -> arrived(LIST_VIEWS, arrival, armed, latch[0])));
            for (int i = 0; i < 10; i++) {
                open.add(db.querySubscribe(TodoList.class, "SELECT * FROM list WHERE position >= ? ORDER BY position LIMIT 20",
                        List.of(i * 10), rows -> {
                            if (armed[0]) {
                                unexpected.incrementAndGet();
                            }
                        }));
            }
            for (int i = 0; i < 9; i++) {
                open.add(db.querySubscribe(Tag.class, "SELECT * FROM tag WHERE label LIKE ? ORDER BY label",
                        List.of("tag-" + i + "%"), rows -> {
                            if (armed[0]) {
                                unexpected.incrementAndGet();
                            }
                        }));
            }
            int expected = LIST_VIEWS + 1;

            long[] first = new long[iterations];
            long[] last = new long[iterations];
            long[] own = new long[iterations];
            long[] ownAfter = new long[iterations];
            long[] lastAfter = new long[iterations];
            long[] commit = new long[iterations];
            int ownCount = 0;
            for (int n = 0; n < warmup + iterations; n++) {
                int l = r.nextInt(LISTS);
                int i = r.nextInt(ITEMS_PER_LIST);
                Item old = items.get(l).get(i);
                Item changed = r.nextBoolean()
                        ? new Item(old.id(), old.listId(), Data.title(r) + " " + n, old.done(), old.priority(), old.notes(), old.position())
                        : new Item(old.id(), old.listId(), old.title(), !old.done(), old.priority(), old.notes(), old.position());
                items.get(l).set(i, changed);
                Arrays.fill(arrival, 0);
                CountDownLatch done = new CountDownLatch(expected);
                latch[0] = done;
                armed[0] = true;
                long[] t0 = new long[1];
                db.transaction(tx -> {
                    tx.save(changed);
                    t0[0] = System.nanoTime();
                });
                long committed = System.nanoTime();
                if (!done.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("callbacks missing after commit " + n + ": " + done.getCount());
                }
                armed[0] = false;
                Thread.sleep(2);
                if (n >= warmup) {
                    int m = n - warmup;
                    long min = Long.MAX_VALUE;
                    long max = 0;
                    for (int s = 0; s < expected; s++) {
                        min = Math.min(min, arrival[s]);
                        max = Math.max(max, arrival[s]);
                    }
                    first[m] = min - t0[0];
                    last[m] = max - t0[0];
                    lastAfter[m] = Math.max(0, max - committed);
                    commit[m] = committed - t0[0];
                    if (l < LIST_VIEWS) {
                        ownAfter[ownCount] = Math.max(0, arrival[l] - committed);
                        own[ownCount++] = arrival[l] - t0[0];
                    }
                }
            }
            for (Subscription s : open) {
                s.close();
            }
            row(mode, "commit returns (no callback; context)", new Stats(commit));
            row(mode, "first callback", new Stats(first));
            row(mode, "the edited list's view", new Stats(Arrays.copyOf(own, ownCount)));
            row(mode, "last (81st) callback", new Stats(last));
            row(mode, "the edited list's view, from COMMIT done", new Stats(Arrays.copyOf(ownAfter, ownCount)));
            row(mode, "last (81st) callback, from COMMIT done", new Stats(lastAfter));
            if (unexpected.get() != 0) {
                System.out.println("| " + mode + " | WARNING: " + unexpected.get() + " callbacks of list/tag queries fired on item edits | | | | |");
            }
        }
    }

    private static void arrived(int k, long[] arrival, boolean[] armed, CountDownLatch latch) {
        if (armed[0]) {
            arrival[k] = System.nanoTime();
            latch.countDown();
        }
    }

    private static void row(Synchronous mode, String what, Stats s) {
        System.out.printf("| %s | %s | %s | %s | %s | %s |%n", mode, what, Stats.ms(s.median()), Stats.ms(s.p95()),
                Stats.ms(s.p99()), Stats.ms(s.max()));
    }
}

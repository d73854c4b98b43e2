package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.Tag;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("unit")
class QuerySubscribeTest {
    @TempDir
    Path dir;
    Db db;
    final List<Throwable> callbackErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Db.builder().file(dir.resolve("sub.db")).onCallbackError(callbackErrors::add).build();
        db.migrate(Fixtures.MIGRATIONS);
        db.save(new TodoList("home", "Home"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Collects results; {@link #next()} waits for one, {@link #none()} proves none came. */
    static final class Results<T> {
        final BlockingQueue<List<T>> queue = new LinkedBlockingQueue<>();

        void accept(List<T> rows) {
            queue.add(rows);
        }

        List<T> next() throws InterruptedException {
            List<T> rows = queue.poll(5, TimeUnit.SECONDS);
            if (rows == null) {
                throw new AssertionError("no result within 5 s");
            }
            return rows;
        }

        void none() throws InterruptedException {
            List<T> rows = queue.poll(300, TimeUnit.MILLISECONDS);
            assertNull(rows, "expected no re-run, got " + rows);
        }
    }

    /** A commit everybody has seen: listeners run after query re-runs of earlier commits. */
    void barrier() throws InterruptedException {
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        Subscription s = db.subscribe(events -> done.add(true));
        db.save(new Tag(null, "barrier"));
        done.poll(5, TimeUnit.SECONDS);
        s.close();
    }

    @Test
    void querySubscribe_initialResult_deliveredAtOnce() throws Exception {
        db.save(new Item(null, "home", "milk", false, null, null));
        Results<Item> r = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), r::accept);
        assertEquals(1, r.next().size());
    }

    @Test
    void querySubscribe_unrelatedTableWritten_doesNotRerun() throws Exception {
        Results<Item> r = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), r::accept);
        r.next();
        db.save(new Tag(null, "urgent"));
        r.none();
        db.save(Item.of("milk"));
        assertEquals(1, r.next().size());
    }

    @Test
    void querySubscribe_join_rerunsOnEitherTable() throws Exception {
        Results<Item> r = new Results<>();
        db.querySubscribe(Item.class, "SELECT i.* FROM item i JOIN list l ON l.id = i.list_id WHERE l.name = ?",
                List.of("Home"), r::accept);
        assertEquals(0, r.next().size());
        Item milk = db.save(new Item(null, "home", "milk", false, null, null));
        assertEquals(1, r.next().size());
        db.save(new TodoList("home", "House"));
        assertEquals(0, r.next().size());
        db.save(new Tag(null, "unrelated"));
        r.none();
        assertTrue(milk.id() != null);
    }

    @Test
    void querySubscribe_viewSubqueryAndCte_dependOnUnderlyingTables() throws Exception {
        Results<Item> view = new Results<>();
        Results<Item> sub = new Results<>();
        Results<Item> cte = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM open_item", List.of(), view::accept);
        db.querySubscribe(Item.class, "SELECT * FROM item WHERE list_id IN (SELECT id FROM list WHERE name = 'Home')",
                List.of(), sub::accept);
        db.querySubscribe(Item.class, "WITH l AS (SELECT id FROM list) SELECT item.* FROM item JOIN l ON l.id = item.list_id",
                List.of(), cte::accept);
        view.next();
        sub.next();
        cte.next();
        db.save(new TodoList("work", "Work"));
        view.next();
        sub.next();
        cte.next();
        db.save(new Tag(null, "x"));
        view.none();
        sub.none();
        cte.none();
    }

    @Test
    void querySubscribe_fullTextSearch_rerunsOnItemWrites() throws Exception {
        Results<Item> r = new Results<>();
        db.querySubscribe(Item.class, "SELECT item.* FROM item_fts f JOIN item ON item.rowid = f.rowid"
                + " WHERE item_fts MATCH ?", List.of("milk"), r::accept);
        assertEquals(0, r.next().size());
        Item milk = db.save(Item.of("buy milk"));
        assertEquals(1, r.next().size());
        db.save(milk.withTitle("buy bread"));
        assertEquals(0, r.next().size());
    }

    @Test
    void transaction_rolledBack_notifiesNobody() throws Exception {
        Results<Item> r = new Results<>();
        List<List<ChangeEvent>> events = new CopyOnWriteArrayList<>();
        db.subscribe(events::add);
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), r::accept);
        r.next();
        assertThrows(RuntimeException.class, () -> db.transaction(tx -> {
            tx.save(Item.of("never"));
            throw new RuntimeException("rollback");
        }));
        r.none();
        assertEquals(List.of(), events);
    }

    @Test
    void transaction_manySaves_oneNotification() throws Exception {
        Results<Item> r = new Results<>();
        List<List<ChangeEvent>> events = new CopyOnWriteArrayList<>();
        db.subscribe(events::add);
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), r::accept);
        r.next();
        db.transaction(tx -> {
            for (int i = 0; i < 10; i++) {
                tx.save(Item.of("item " + i));
            }
        });
        assertEquals(10, r.next().size());
        r.none();
        assertEquals(1, events.size());
        assertEquals(10, events.get(0).size());
        assertTrue(events.get(0).stream().allMatch(e -> e.kind() == ChangeEvent.Kind.INSERT && e.table().equals("item")));
    }

    @Test
    void subscribe_events_reportInsertUpdateDelete() throws Exception {
        BlockingQueue<List<ChangeEvent>> events = new LinkedBlockingQueue<>();
        db.subscribe(events::add);
        Item milk = db.save(Item.of("milk"));
        db.save(milk.withDone(true));
        db.delete(Item.class, milk.id());
        List<ChangeEvent> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(events.poll(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(new ChangeEvent(ChangeEvent.Kind.INSERT, "item", milk.id()),
                new ChangeEvent(ChangeEvent.Kind.UPDATE, "item", milk.id()),
                new ChangeEvent(ChangeEvent.Kind.DELETE, "item", milk.id())), all);
    }

    @Test
    void querySubscribe_throwingCallback_doesNotBreakOthers() throws Exception {
        Results<Item> good = new Results<>();
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), rows -> {
            throw new IllegalStateException("bad subscriber");
        });
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), good::accept);
        good.next();
        db.save(Item.of("a"));
        assertEquals(1, good.next().size());
        db.save(Item.of("b"));
        assertEquals(2, good.next().size());
        // Live queries re-run in parallel, so the bad subscriber's third call may come after the good one's.
        Await.until("the bad subscriber's three errors reported", () -> callbackErrors.size() >= 3);
    }

    @Test
    void querySubscribe_callerExecutor_usedForCallbacks() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-ui-thread"));
        try {
            AtomicReference<String> thread = new AtomicReference<>();
            Results<Item> r = new Results<>();
            db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), rows -> {
                thread.set(Thread.currentThread().getName());
                r.accept(rows);
            }, mine);
            r.next();
            assertEquals("my-ui-thread", thread.get());
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void querySubscribe_burstOfCommits_coalesces() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        // A slow first callback holds the dispatcher while 50 commits queue up behind it.
        db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), rows -> {
            sizes.add(rows.size());
            if (sizes.size() == 2) {
                sleep(300);
            }
        });
        for (int i = 0; i < 50; i++) {
            db.save(Item.of("i" + i));
        }
        barrier();
        barrier();
        assertEquals(50, (int) sizes.get(sizes.size() - 1));
        assertTrue(sizes.size() < 40, "re-runs: " + sizes.size());
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) >= sizes.get(i - 1), "results out of commit order: " + sizes);
        }
    }

    @Test
    void subscription_closed_stopsCallbacks() throws Exception {
        Results<Item> r = new Results<>();
        Subscription s = db.querySubscribe(Item.class, "SELECT * FROM item", List.of(), r::accept);
        r.next();
        s.close();
        db.save(Item.of("x"));
        r.none();
    }

    @Test
    void querySubscribe_badSql_throwsToCaller() {
        assertThrows(StorageException.class,
                () -> db.querySubscribe(Item.class, "SELECT * FROM nowhere", List.of(), rows -> { }));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Counted(String id, long n) {
    }

    /** Costs a query about a millisecond: a drain of several such is spread over the readers. */
    private static final String SERIES = "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 50000) ";

    /**
     * Counts re-run several at once after each commit (three readers of four), each called back on the thread that
     * ran it: every subscription still hears its results in commit order, and the last is the last commit's.
     */
    @Test
    void querySubscribe_manyCountsRunAtOnce_eachInCommitOrderEndingAtTheLast() throws Exception {
        try (Db wide = Db.builder().file(dir.resolve("wide.db")).readers(4).queryThreads(3)
                .onCallbackError(callbackErrors::add).build()) {
            wide.migrate(Fixtures.MIGRATIONS);
            wide.save(new TodoList("home", "Home"));
            int subscriptions = 6;
            int commits = 120;
            List<List<Long>> heard = new ArrayList<>();
            List<Subscription> subs = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                List<Long> mine = new CopyOnWriteArrayList<>();
                heard.add(mine);
                // Different shapes, so the counts cost differently and finish in different orders.
                // A series of 50,000 steps in each makes a drain costly enough to be spread over the readers
                // (a cheap drain runs on one); its least term is 1, so the count stays the count.
                subs.add(wide.querySubscribe(Counted.class, SERIES + "SELECT 'all' AS id, count(*) + (SELECT min(x)"
                        + " FROM s) - 1 AS n FROM item WHERE title LIKE ?",
                        List.of("%" + "x".repeat(i % 3) + "%"), rows -> mine.add(rows.get(0).n()), Runnable::run));
            }
            for (int i = 0; i < commits; i++) {
                wide.save(new Item(null, "home", "xx item " + i, false, null, null));
            }
            for (List<Long> mine : heard) {
                Await.until("the last commit counted", () -> mine.isEmpty() ? -1L
                        : mine.get(mine.size() - 1), n -> n == commits);
                for (int k = 1; k < mine.size(); k++) {
                    assertTrue(mine.get(k - 1) <= mine.get(k), "out of commit order: " + mine);
                }
            }
            subs.forEach(Subscription::close);
        }
        assertEquals(List.of(), callbackErrors);
    }

    @Test
    void builder_queryThreadsPastTheReaders_namesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Db.builder().file(dir.resolve("x.db")).readers(2).queryThreads(3).build());
        assertTrue(e.getMessage().startsWith("queryThreads"), e.getMessage());
    }

    /**
     * After a commit, a count that took little at its last run re-runs before one that took long, though subscribed
     * after it: the saved filter's count of a few rows is not held up behind a count of everything.
     */
    @Test
    void querySubscribe_aCheapCountSubscribedAfterACostlyOne_reRunsFirst() throws Exception {
        try (Db one = Db.builder().file(dir.resolve("order.db")).queryThreads(1).onCallbackError(callbackErrors::add)
                .build()) {
            one.migrate(Fixtures.MIGRATIONS);
            one.save(new TodoList("home", "Home"));
            List<String> heard = new CopyOnWriteArrayList<>();
            // Reads item, so every commit to it re-runs this; the series makes each run cost about 300,000 steps.
            Subscription costly = one.querySubscribe(Counted.class, "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL"
                    + " SELECT x + 1 FROM s WHERE x < 300000) SELECT 'all' AS id, (SELECT count(*) FROM s)"
                    + " + (SELECT count(*) FROM item) AS n", List.of(), rows -> heard.add("costly"));
            Subscription cheap = one.querySubscribe(Counted.class, "SELECT 'home' AS id, count(*) AS n FROM item"
                    + " WHERE list_id = ?", List.of("home"), rows -> heard.add("cheap"));
            heard.clear();
            one.save(new Item(null, "home", "milk", false, null, null));
            Await.until("both counts again", () -> heard.size() == 2);
            assertEquals(List.of("cheap", "costly"), heard);
            costly.close();
            cheap.close();
        }
        assertEquals(List.of(), callbackErrors);
    }

    /**
     * With several re-runs at once, a callback on a direct executor still runs on the dispatch thread, so one that
     * subscribes another query from inside (as a list loading its next page does) completes, as it always did.
     */
    @Test
    void querySubscribe_directCallbackSubscribesDuringParallelReruns_runsOnTheDispatchThreadAndCompletes()
            throws Exception {
        try (Db wide = Db.builder().file(dir.resolve("nested.db")).readers(4).queryThreads(3)
                .onCallbackError(callbackErrors::add).build()) {
            wide.migrate(Fixtures.MIGRATIONS);
            wide.save(new TodoList("home", "Home"));
            List<String> threads = new CopyOnWriteArrayList<>();
            List<Subscription> nested = new CopyOnWriteArrayList<>();
            Results<Counted> inner = new Results<>();
            List<Subscription> subs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                subs.add(wide.querySubscribe(Counted.class, SERIES + "SELECT 'all' AS id, count(*) + (SELECT min(x)"
                        + " FROM s) - 1 AS n FROM item", List.of(),
                        rows -> {
                            threads.add(Thread.currentThread().getName());
                            if (rows.get(0).n() == 1 && nested.isEmpty()) {
                                nested.add(wide.querySubscribe(Counted.class, "SELECT 'home' AS id, count(*) AS n"
                                        + " FROM item WHERE list_id = 'home'", List.of(), inner::accept, Runnable::run));
                            }
                        }, Runnable::run));
            }
            threads.clear();
            wide.save(new Item(null, "home", "milk", false, null, null));
            assertEquals(1L, inner.next().get(0).n(), "the query subscribed from a callback ran");
            Await.until("every count heard", () -> threads.size() >= 4);
            assertTrue(threads.stream().allMatch(t -> t.startsWith("tandem-dispatch-")), threads.toString());
            nested.forEach(Subscription::close);
            subs.forEach(Subscription::close);
        }
        assertEquals(List.of(), callbackErrors);
    }
}

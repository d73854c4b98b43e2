package dev.tandem.engine.internal.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Synchronous;
import dev.tandem.engine.internal.store.FileConnections;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class RerunsTest {
    @TempDir
    Path dir;
    FileConnections connections;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final String caller = Thread.currentThread().getName();
    /** Each query as costly as a whole drain may be before it is spread: so these spread. */
    private static final ToLongFunction<String> COSTLY = q -> Reruns.SPREAD_NANOS;

    @BeforeEach
    void open() {
        connections = new FileConnections(dir.resolve("r.db"), Synchronous.NORMAL, 4, Duration.ofSeconds(5), null);
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void run_widthTwo_twoQueriesRunAtOnceOnTwoReaders() {
        // Each count waits for the other: only two at once can pass (one by one, the first would time out).
        CyclicBarrier both = new CyclicBarrier(2);
        Map<String, String> threads = new ConcurrentHashMap<>();
        Map<String, Object> readers = new ConcurrentHashMap<>();
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("view", "count A", "count B"), COSTLY, (c, q) -> {
                threads.put(q, Thread.currentThread().getName());
                readers.put(q, c.unwrap(org.sqlite.SQLiteConnection.class));
                if (!q.equals("view")) {
                    both.await(5, TimeUnit.SECONDS);
                }
            });
        }
        assertEquals(List.of(), errors);
        assertNotEquals(threads.get("count A"), threads.get("count B"));
        assertNotSame(readers.get("count A"), readers.get("count B"), "each on a reader of its own");
        assertEquals(caller, threads.get("view"), "the view on screen on the calling thread, first");
    }

    @Test
    void run_spread_theCallerTakesTheFrontAndAHelperTheCostliestFromTheBack() {
        List<String> order = new CopyOnWriteArrayList<>();
        Map<String, String> threads = new ConcurrentHashMap<>();
        CountDownLatch costlyStarted = new CountDownLatch(1);
        CountDownLatch cheapStarted = new CountDownLatch(1);
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("view", "cheap 1", "cheap 2", "costly"), COSTLY, (c, q) -> {
                order.add(q);
                threads.put(q, Thread.currentThread().getName());
                // Each of the two waits for the other to have started: they can only pass running at once, so while
                // one thread holds the costly count the other has taken the cheap one from the front.
                if (q.equals("costly")) {
                    costlyStarted.countDown();
                    assertTrue(cheapStarted.await(5, TimeUnit.SECONDS), "the cheap count started beside the costly one");
                }
                if (q.equals("cheap 1")) {
                    cheapStarted.countDown();
                    assertTrue(costlyStarted.await(5, TimeUnit.SECONDS), "the costly count started beside the cheap one");
                }
            });
        }
        assertEquals(List.of(), errors);
        assertEquals("view", order.get(0), "the view on screen first: " + order);
        assertEquals(caller, threads.get("view"));
        assertEquals(caller, threads.get("cheap 1"));
        assertTrue(threads.get("costly").startsWith("tandem-rerun-"), threads.toString());
        assertEquals(4, order.size(), "each once: " + order);
    }

    @Test
    void run_widthOne_everyQueryOnTheCallingThreadInOrder() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (Reruns reruns = new Reruns(connections, 1, errors::add)) {
            reruns.run(List.of("view", "count A", "count B"), COSTLY, (c, q) -> {
                assertEquals(Thread.currentThread().getName(), caller);
                ran.add(q);
            });
        }
        assertEquals(List.of("view", "count A", "count B"), ran);
        assertEquals(List.of(), errors);
    }

    @Test
    void run_aQueryThrows_theOthersStillRunAndTheErrorIsReported() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (Reruns reruns = new Reruns(connections, 3, errors::add)) {
            reruns.run(List.of("a", "bad", "b", "c", "d"), COSTLY, (c, q) -> {
                if (q.equals("bad")) {
                    throw new java.sql.SQLException("no such column: x");
                }
                ran.add(q);
            });
        }
        assertEquals(Set.of("a", "b", "c", "d"), Set.copyOf(ran));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).getMessage().contains("no such column"), errors.get(0).getMessage());
    }

    @Test
    void handOver_fromAHelper_runsOnTheCallingThreadBeforeRunReturns() {
        String me = Thread.currentThread().getName();
        CyclicBarrier both = new CyclicBarrier(2);
        List<String> callbackThreads = new CopyOnWriteArrayList<>();
        Map<String, String> queryThreads = new ConcurrentHashMap<>();
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("view", "count A", "count B"), COSTLY, (c, q) -> {
                queryThreads.put(q, Thread.currentThread().getName());
                if (!q.equals("view")) {
                    both.await(5, TimeUnit.SECONDS); // so one of the counts runs on a helper
                }
                Runnable callback = () -> callbackThreads.add(Thread.currentThread().getName());
                if (!reruns.handOver(callback)) {
                    callback.run();
                }
            });
            assertFalse(reruns.handOver(() -> { }), "the caller's own callbacks are not handed over");
        }
        assertEquals(List.of(), errors);
        assertTrue(queryThreads.values().stream().anyMatch(t -> t.startsWith("tandem-rerun-")), queryThreads.toString());
        assertEquals(List.of(me, me, me), callbackThreads, "every callback on the calling thread");
    }

    @Test
    void run_drainCheaperThanSpreading_runsOnTheCallingThreadInOrderWithoutHandingOver() {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Boolean> handedOver = new CopyOnWriteArrayList<>();
        long each = Reruns.SPREAD_NANOS / 4;
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("view", "count A", "count B"), q -> each, (c, q) -> {
                assertEquals(caller, Thread.currentThread().getName());
                ran.add(q);
                handedOver.add(reruns.handOver(() -> { }));
            });
        }
        assertEquals(List.of("view", "count A", "count B"), ran);
        assertEquals(List.of(false, false, false), handedOver, "callbacks run where the query ran");
        assertEquals(List.of(), errors);
    }

    @Test
    void run_drainAtTheSpreadOrANeverRunQuery_runsOnAHelperBesideTheCaller() {
        for (ToLongFunction<String> cost : List.<ToLongFunction<String>>of(
                q -> Reruns.SPREAD_NANOS / 3 + 1, q -> q.equals("new") ? 0 : 1)) {
            CyclicBarrier both = new CyclicBarrier(2);
            Map<String, String> threads = new ConcurrentHashMap<>();
            try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
                reruns.run(List.of("view", "count", "new"), cost, (c, q) -> {
                    threads.put(q, Thread.currentThread().getName());
                    if (!q.equals("view")) {
                        both.await(5, TimeUnit.SECONDS); // one by one, the first would time out
                    }
                });
            }
            assertEquals(3, threads.size());
            assertNotEquals(threads.get("count"), threads.get("new"), threads.toString());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void run_aCommitBetweenTwoQueries_bothReadTheCommitBeforeIt() throws Exception {
        write("CREATE TABLE t(x INTEGER)");
        write("INSERT INTO t VALUES (1)");
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try (Reruns reruns = new Reruns(connections, 1, errors::add)) {
            reruns.run(List.of("view", "count"), COSTLY, (c, q) -> {
                counts.put(q, count(c));
                if (q.equals("view")) {
                    write("INSERT INTO t VALUES (2)");
                }
            });
        }
        assertEquals(List.of(), errors);
        assertEquals(Map.of("view", 1L, "count", 1L), counts, "one drain, one commit: a view and its count agree");
        assertEquals(2L, connections.read(RerunsTest::count), "the reader is back to a fresh snapshot per read");
    }

    private void write(String sql) throws java.sql.SQLException {
        connections.writeLock().lock();
        try (var s = connections.writer().createStatement()) {
            s.execute(sql);
        } finally {
            connections.writeLock().unlock();
        }
    }

    private static long count(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.tandem.engine.internal.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        // Each step waits for the other: only two at once can pass (one by one, the first would time out).
        CyclicBarrier both = new CyclicBarrier(2);
        Map<String, String> threads = new ConcurrentHashMap<>();
        Set<Object> readers = ConcurrentHashMap.newKeySet();
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("count A", "count B"), COSTLY, (c, q) -> {
                threads.put(q, Thread.currentThread().getName());
                readers.add(c.unwrap(org.sqlite.SQLiteConnection.class));
                both.await(5, TimeUnit.SECONDS);
            });
        }
        assertEquals(List.of(), errors);
        assertNotEquals(threads.get("count A"), threads.get("count B"));
        assertEquals(2, readers.size(), "each on a reader of its own");
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
        List<String> callbackThreads = new CopyOnWriteArrayList<>();
        List<String> queryThreads = new CopyOnWriteArrayList<>();
        try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
            reruns.run(List.of("view", "count A", "count B"), COSTLY, (c, q) -> {
                queryThreads.add(Thread.currentThread().getName());
                Runnable callback = () -> callbackThreads.add(Thread.currentThread().getName());
                if (!reruns.handOver(callback)) {
                    callback.run();
                }
            });
            assertFalse(reruns.handOver(() -> { }), "the caller's own callbacks are not handed over");
        }
        assertEquals(List.of(), errors);
        assertTrue(queryThreads.stream().noneMatch(me::equals), "queries run on the helpers: " + queryThreads);
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
    void run_drainAtTheSpreadOrANeverRunQuery_runsOnTheHelpers() {
        for (ToLongFunction<String> cost : List.<ToLongFunction<String>>of(
                q -> Reruns.SPREAD_NANOS / 2, q -> q.equals("new") ? 0 : 1)) {
            List<String> threads = new CopyOnWriteArrayList<>();
            try (Reruns reruns = new Reruns(connections, 2, errors::add)) {
                reruns.run(List.of("view", "new"), cost, (c, q) -> threads.add(Thread.currentThread().getName()));
            }
            assertEquals(2, threads.size());
            assertTrue(threads.stream().allMatch(t -> t.startsWith("tandem-rerun-")), threads.toString());
        }
        assertEquals(List.of(), errors);
    }
}

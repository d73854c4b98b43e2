package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryStoppedException;
import dev.tandem.engine.QueryTooCostlyException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;

/**
 * Which of a budget's two bounds stopped a read: its work (the thread's CPU time), which the same query would spend
 * again, or the wall clock alone (waiting, as a read does for a core on a busy machine), which says nothing of the
 * query. The wait is a SQL function that sleeps, using no CPU, as a thread starved of a core does. And a read
 * whose answer is no longer wanted, which its budget's stop signal ends, as neither of them.
 */
@Tag("unit")
class BoundedReadTest {
    /** Rows enough that either read runs for many seconds unbounded. */
    private static final String NAPS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
            + " SELECT sum(nap(x)) FROM c";
    private static final String WORK = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)"
            + " SELECT sum(x) FROM c";

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Function.create(c, "nap", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                }
                result(0);
            }
        });
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void run_readThatOnlyWaits_stoppedAtTheWallBoundAndSaysItsWorkWasNotSpent() {
        QueryBudget budget = QueryBudget.ofMillis(20);
        long t0 = System.nanoTime();
        QueryTooCostlyException e = assertThrows(QueryTooCostlyException.class, () -> BoundedRead.run(c, budget, this::one));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(e.workSpent(), e.getMessage());
        assertTrue(ms >= 20L * BoundedRead.WALL_FACTOR, "stopped after " + ms + " ms, before its wall bound");
        assertTrue(e.getMessage().contains("busy machine"), e.getMessage());
    }

    @Test
    void run_readThatWorks_stoppedAtItsBudgetAndSaysItsWorkWasSpent() throws SQLException {
        // On a machine so busy that this thread gets less than a tenth of a core, the wall bound comes first: the
        // claim is about a read that got its core, so a few tries are allowed.
        QueryTooCostlyException e = null;
        for (int i = 0; i < 5 && (e == null || !e.workSpent()); i++) {
            e = assertThrows(QueryTooCostlyException.class, () -> BoundedRead.run(c, QueryBudget.ofMillis(20), conn -> {
                try (ResultSet r = conn.createStatement().executeQuery(WORK)) {
                    return r.next() ? r.getLong(1) : -1L;
                }
            }));
        }
        assertTrue(e.workSpent(), e.getMessage());
        assertTrue(e.getMessage().contains("longer than its budget of 20 ms"), e.getMessage());
        // The connection reads on after either stop.
        long read = BoundedRead.run(c, QueryBudget.ofMillis(5_000), conn -> {
            try (ResultSet r = conn.createStatement().executeQuery("SELECT 1")) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
        assertEquals(1L, read);
    }

    @Test
    void run_stopSignalRaisedDuringALongRead_stoppedSoonWithQueryStoppedAndTheConnectionReadsOn() throws SQLException {
        // The signal turns true at its tenth look (some 40,000 steps into a read of minutes): deterministic, and
        // the read is running then. The budget is a minute, so only the signal can end it soon.
        AtomicInteger looks = new AtomicInteger();
        AtomicLong raisedAt = new AtomicLong();
        QueryBudget budget = QueryBudget.ofMillis(60_000).stoppedWhen(() -> {
            if (looks.incrementAndGet() < 10) {
                return false;
            }
            raisedAt.compareAndSet(0, System.nanoTime());
            return true;
        });
        QueryStoppedException e = assertThrows(QueryStoppedException.class, () -> BoundedRead.run(c, budget, this::work));
        assertTrue(e.getMessage().contains("no longer wanted"), e.getMessage());
        long ms = (System.nanoTime() - raisedAt.get()) / 1_000_000;
        assertTrue(raisedAt.get() != 0, "the signal was raised");
        assertEquals(10, looks.get(), "stopped at the first look that said so");
        // At most 4000 steps after the signal (tens of microseconds); the margin is for a loaded machine.
        assertTrue(ms < 1_000, "stopped " + ms + " ms after the signal");
        assertEquals(1L, BoundedRead.run(c, QueryBudget.ofMillis(5_000), this::select1));
    }

    @Test
    void run_stopSignalThatStaysFalse_readAnswersAsWithout() throws SQLException {
        AtomicInteger looks = new AtomicInteger();
        QueryBudget budget = QueryBudget.ofMillis(60_000).stoppedWhen(() -> {
            looks.incrementAndGet();
            return false;
        });
        long sum = BoundedRead.run(c, budget, conn -> {
            try (ResultSet r = conn.createStatement().executeQuery(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT sum(x) FROM c")) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
        assertEquals(500_000_500_000L, sum);
        assertTrue(looks.get() > 0, "the signal was asked while the read ran");
    }

    @Test
    void run_stopSignalThatStaysFalse_budgetStillStopsTheRead() {
        QueryBudget budget = QueryBudget.ofMillis(20).stoppedWhen(() -> false);
        assertThrows(QueryTooCostlyException.class, () -> BoundedRead.run(c, budget, this::work));
    }

    @Test
    void run_signalAlreadyRaised_stoppedBeforeTheReadStarts() throws SQLException {
        AtomicInteger ran = new AtomicInteger();
        assertThrows(QueryStoppedException.class, () -> BoundedRead.run(c, QueryBudget.ofMillis(5_000).stoppedWhen(() -> true),
                conn -> ran.incrementAndGet()));
        assertEquals(0, ran.get());
        assertEquals(1L, BoundedRead.run(c, QueryBudget.ofMillis(5_000), this::select1));
    }

    private long work(Connection conn) throws SQLException {
        try (ResultSet r = conn.createStatement().executeQuery(WORK)) {
            return r.next() ? r.getLong(1) : -1L;
        }
    }

    private long select1(Connection conn) throws SQLException {
        try (ResultSet r = conn.createStatement().executeQuery("SELECT 1")) {
            return r.next() ? r.getLong(1) : -1L;
        }
    }

    private long one(Connection conn) throws SQLException {
        try (ResultSet r = conn.createStatement().executeQuery(NAPS)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }
}

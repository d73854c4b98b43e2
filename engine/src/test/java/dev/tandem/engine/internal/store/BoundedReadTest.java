package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.QueryTooCostlyException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;

/**
 * Which of a budget's two bounds stopped a read: its work (the thread's CPU time), which the same query would spend
 * again, or the wall clock alone (waiting, as a read does for a core on a busy machine), which says nothing of the
 * query. The wait is a SQL function that sleeps, using no CPU, as a thread starved of a core does.
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

    private long one(Connection conn) throws SQLException {
        try (ResultSet r = conn.createStatement().executeQuery(NAPS)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }
}

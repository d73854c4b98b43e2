package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read bounded in work ({@link QueryBudget}), as a query shaped by someone else would try to escape it: work
 * in the virtual machine's steps (a recursive count), work inside one step (FTS5 merging the doclists of 500
 * one-letter prefixes), and a budget that runs out at the moment the read ends, which must never stop the next
 * read on the same pooled connection. And a read its caller stops ({@link QueryBudget#stoppedWhen}), which is not
 * a costly one.
 */
@Tag("unit")
class QueryBudgetTest {
    /** A result of one number. */
    record N(String id, Long n) {
    }

    /** Counts to a billion: minutes of virtual-machine steps. */
    static final String COUNT_FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)"
            + " SELECT '' AS id, count(*) AS n FROM c";

    @TempDir
    Path dir;
    Db db;
    final List<Throwable> callbackErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Db.builder().file(dir.resolve("budget.db")).readers(1).onCallbackError(callbackErrors::add).build();
        db.migrate(Fixtures.MIGRATIONS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void query_stepsPastTheBudget_stoppedWithTooCostlyAndTheReaderStillReads() {
        db.save(Item.of("milk"));
        long t0 = System.nanoTime();
        QueryTooCostlyException e = assertThrows(QueryTooCostlyException.class,
                () -> db.query(QueryBudget.ofMillis(50), N.class, COUNT_FOREVER));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(50, e.budget().time().toMillis());
        // Unbounded this runs for minutes; stopped, it ends near its budget (the margin is for a loaded machine).
        assertTrue(ms < 5_000, "stopped after " + ms + " ms");
        // The one reader connection it ran on reads on, bounded or not.
        assertEquals(1, db.query(Item.class, "SELECT * FROM item").size());
        assertEquals(1, db.query(QueryBudget.ofMillis(5_000), Item.class, "SELECT * FROM item").size());
    }

    @Test
    void query_fullTextWorkInsideOneStep_stoppedByTheTimer() {
        // 120,000 distinct words starting with "a": the prefix "a"* merges all their doclists inside FTS5, in
        // one step of the query, before it finds that no row also holds "qqqq". No step handler sees that work.
        Random r = new Random(7);
        db.transaction(tx -> {
            for (int i = 0; i < 4_000; i++) {
                StringBuilder notes = new StringBuilder();
                for (int w = 0; w < 30; w++) {
                    notes.append('a').append(Integer.toString(r.nextInt(Integer.MAX_VALUE), 36)).append(' ');
                }
                tx.save(new Item(null, null, "todo " + i, false, null, notes.toString()));
            }
        });
        String sql = "SELECT '' AS id, count(*) AS n FROM item_fts WHERE item_fts MATCH ?";
        String match = "\"a\"* \"qqqq\"";
        long unbounded = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            assertEquals(0L, db.query(N.class, sql, match).get(0).n());
            unbounded = Math.min(unbounded, System.nanoTime() - t0);
        }
        long budgetMs = Math.max(1, unbounded / 1_000_000 / 20);
        long bounded = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t1 = System.nanoTime();
            assertThrows(QueryTooCostlyException.class, () -> db.query(QueryBudget.ofMillis(budgetMs), N.class, sql, match));
            bounded = Math.min(bounded, System.nanoTime() - t1);
        }
        // FTS5 looks at the interrupt between its pieces of work, not at every one: stopped well before the end.
        assertTrue(bounded < unbounded * 2 / 3, "bounded " + bounded / 1_000_000 + " ms, unbounded " + unbounded / 1_000_000 + " ms");
        assertEquals(4_000L, db.query(N.class, sql, "todo").get(0).n());
    }

    @Test
    void query_budgetEndingAsTheReadEnds_neverStopsTheNextReadOnTheConnection() {
        for (int i = 0; i < 200; i++) {
            db.save(Item.of("item " + i));
        }
        // One reader: every read below shares its connection. A budget of 1 ms ends about when each read does.
        int stopped = 0;
        for (int round = 0; round < 300; round++) {
            try {
                db.query(QueryBudget.ofMillis(1), Item.class, "SELECT * FROM item ORDER BY title DESC");
            } catch (QueryTooCostlyException e) {
                stopped++;
            }
            assertEquals(200, db.query(Item.class, "SELECT * FROM item").size(), "round " + round);
        }
        assertTrue(stopped < 300, "some reads end within 1 ms");
    }

    @Test
    void query_stopSignalRaisedWhileItRuns_stoppedWithQueryStoppedAndTheReaderStillReads() {
        db.save(Item.of("milk"));
        AtomicBoolean unwanted = new AtomicBoolean();
        int[] looks = {0};
        QueryBudget budget = QueryBudget.ofMillis(60_000).stoppedWhen(() -> {
            // Raised once the read has run a while (the answer stopped being wanted meanwhile).
            if (++looks[0] == 20) {
                unwanted.set(true);
            }
            return unwanted.get();
        });
        long t0 = System.nanoTime();
        QueryStoppedException e = assertThrows(QueryStoppedException.class, () -> db.query(budget, N.class, COUNT_FOREVER));
        assertTrue(e.getMessage().contains("no longer wanted"), e.getMessage());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5_000, "stopped after " + ms + " ms");
        assertEquals(1, db.query(Item.class, "SELECT * FROM item").size());
        assertEquals(1, db.query(QueryBudget.ofMillis(5_000), Item.class, "SELECT * FROM item").size());
    }

    @Test
    void stoppedWhen_validated_andSaysWhetherABudgetCanBeStopped() {
        assertThrows(NullPointerException.class, () -> QueryBudget.ofMillis(50).stoppedWhen(null));
        assertFalse(QueryBudget.ofMillis(50).stoppable());
        QueryBudget stoppable = QueryBudget.ofMillis(50).stoppedWhen(() -> false);
        assertTrue(stoppable.stoppable());
        assertEquals(50, stoppable.time().toMillis());
        assertEquals(QueryBudget.ofMillis(50), QueryBudget.ofMillis(50));
    }

    @Test
    void querySubscribe_stoppableBudget_refused() {
        QueryBudget stoppable = QueryBudget.ofMillis(50).stoppedWhen(() -> false);
        assertThrows(IllegalArgumentException.class, () -> db.querySubscribe(stoppable, Item.class, "SELECT * FROM item",
                List.of(), rows -> { }, e -> { }, Runnable::run));
    }

    @Test
    void querySubscribe_runPastTheBudget_toldAndTheOthersStillRun() throws Exception {
        BlockingQueue<Object> costly = new LinkedBlockingQueue<>();
        BlockingQueue<List<Item>> cheap = new LinkedBlockingQueue<>();
        Subscription slow = db.querySubscribe(QueryBudget.ofMillis(20), N.class, COUNT_FOREVER + " WHERE (SELECT count(*) FROM item) >= 0",
                List.of(), costly::add, costly::add, Runnable::run);
        Subscription fine = db.querySubscribe(QueryBudget.ofMillis(5_000), Item.class, "SELECT * FROM item", List.of(),
                cheap::add, e -> cheap.add(List.of()), Runnable::run);
        assertTrue(costly.poll(5, TimeUnit.SECONDS) instanceof QueryTooCostlyException);
        assertEquals(0, cheap.poll(5, TimeUnit.SECONDS).size());

        db.save(Item.of("milk"));
        assertTrue(costly.poll(5, TimeUnit.SECONDS) instanceof QueryTooCostlyException, "each run is bounded again");
        assertEquals(List.of("milk"), titles(cheap.poll(5, TimeUnit.SECONDS)));
        slow.close();
        fine.close();
        assertEquals(List.of(), callbackErrors);
    }

    private static List<String> titles(List<Item> items) {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.title());
        }
        return out;
    }
}

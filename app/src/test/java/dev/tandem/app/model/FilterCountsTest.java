package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import dev.tandem.engine.QueryStoppedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order a pass counts smart lists in: five wide filters ahead (in the person's order) of a narrow one, over a
 * real profile. What a count costs comes from a clock the test moves by what it says each filter costs, so the
 * order does not depend on the machine; the counts themselves are the database's. A commit heard while a count runs
 * is made by the counter itself, which then asks the stop signal the engine would ask, and stops as the engine would.
 */
@Tag("unit")
class FilterCountsTest {
    static final int TODOS = 2_000;
    static final int WIDE = 5;
    static final long WIDE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long NARROW_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    @TempDir
    Path dir;
    TodoStore store;
    TodoList work;
    final Map<String, Filter> wanted = new LinkedHashMap<>();
    final Map<Filter, Long> cost = new IdentityHashMap<>();
    final AtomicLong clock = new AtomicLong();
    final BlockingQueue<Map.Entry<String, Long>> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void seed() {
        store = new TodoStore(Db.open(dir.resolve("tandem.db")), Clock.systemUTC(), ZoneId.of("UTC"));
        work = store.createList("Work");
        TodoList home = store.createList("Home");
        LocalDate today = store.today();
        long now = System.currentTimeMillis();
        store.db().transaction(tx -> {
            for (int i = 0; i < TODOS; i++) {
                String list = i % 50 == 0 ? work.id() : home.id();
                String due = i % 3 == 0 ? null : today.plusDays(i % 40 - 5).toString();
                tx.save(new Item(null, list, "Todo " + i, null, due, 0L, null, null, now - TODOS + i));
            }
        });
        for (int k = 0; k < WIDE; k++) {
            Filter wide = FilterParser.parse("!#Work & !p" + (k % 4 + 1), today);
            wanted.put("wide" + k, wide);
            cost.put(wide, WIDE_NANOS);
        }
        Filter narrow = FilterParser.parse("#Work & due before: +7d & !overdue", today);
        wanted.put("narrow", narrow);
        cost.put(narrow, NARROW_NANOS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The database's count (with a list's budget: the test is about order, not budgets), its cost on the clock. */
    private long count(Filter filter, LocalDate day, BooleanSupplier stop) {
        long n = FilteredItems.count(store, filter, day, QueryCost.Use.LIST);
        clock.addAndGet(cost.get(filter));
        return n;
    }

    private FilterCounts counts(FilterCounts.Counter counter, long overdueNanos) {
        return new FilterCounts(store, counter, (key, n) -> heard.add(Map.entry(key, n)), overdueNanos, clock::get);
    }

    @Test
    void pass_afterACommit_narrowCountedBeforeTheWideOnesAheadOfIt() throws Exception {
        try (FilterCounts counts = counts(this::count, FilterCounts.OVERDUE_NANOS)) {
            counts.want(wanted, store.today());
            assertEquals(List.copyOf(wanted.keySet()), keys(take(wanted.size())), "never counted: the person's order");
            long before = FilteredItems.count(store, wanted.get("narrow"));

            store.add("Call the client", work.id(), store.today().plusDays(1));
            List<Map.Entry<String, Long>> second = take(wanted.size());
            assertEquals("narrow", second.get(0).getKey(), "the cheapest first once costs are known: " + keys(second));
            assertEquals(before + 1, second.get(0).getValue());
        }
    }

    @Test
    void pass_aCommitHeardDuringEveryCount_eachPassStopsAfterOneAndTheWideOnesCountedOnceOverdue() throws Exception {
        // Commits keep coming until each wide one was counted three times: the overdue lane is a thread of its own,
        // so on a loaded machine it takes more of the feed's counts to get there, never fewer than it could.
        int cap = 5_000;
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicReference<FilterCounts> self = new AtomicReference<>();
        long overdue = 5 * WIDE_NANOS;
        try (FilterCounts counts = counts((filter, day, stop) -> {
            long n = count(filter, day, stop);
            if (streaming.get()) {
                self.get().schedule(); // a commit heard while this count ran
            }
            return n;
        }, overdue)) {
            self.set(counts);
            counts.want(wanted, store.today());
            take(wanted.size());
            Map<String, Integer> times = new LinkedHashMap<>();
            int heardThen = 0;
            while (!eachWideCounted(times, 3) && heardThen < cap) {
                times.merge(take(1).get(0).getKey(), 1, Integer::sum);
                heardThen++;
            }
            streaming.set(false);
            assertTrue(eachWideCounted(times, 3), "a wide one was never overdue and counted, in " + cap + ": " + times);
            // Once each was counted once (one per pass, the costs learnt), the narrow one is the cheapest and goes
            // first in every pass, which the commit it hears then stops; each wide one is counted in the overdue
            // lane as it falls overdue, beside the passes.
            int narrow = times.getOrDefault("narrow", 0);
            for (int k = 0; k < WIDE; k++) {
                int wide = times.getOrDefault("wide" + k, 0);
                assertTrue(narrow > wide, "the narrow one counted in every pass, more often than wide" + k + ": " + times);
            }
            // The stream ends: every count ends as the database holds it.
            assertEndsAsTheDatabaseHoldsIt();
        }
    }

    private static boolean eachWideCounted(Map<String, Integer> times, int atLeast) {
        for (int k = 0; k < WIDE; k++) {
            if (times.getOrDefault("wide" + k, 0) < atLeast) {
                return false;
            }
        }
        return true;
    }

    /**
     * A counter whose count of {@code key}'s filter, while {@code armed}, hears a commit (the pass scheduled for it
     * queued) and stops as the engine's read does when the signal then says so.
     */
    private FilterCounts.Counter commitDuring(String key, AtomicBoolean armed, AtomicReference<FilterCounts> self,
                                              AtomicInteger stopped) {
        return (filter, day, stop) -> {
            if (filter == wanted.get(key) && armed.getAndSet(false)) {
                self.get().schedule();
                if (stop.getAsBoolean()) {
                    stopped.incrementAndGet();
                    throw new QueryStoppedException("stopped");
                }
            }
            return count(filter, day, stop);
        };
    }

    @Test
    void pass_commitWhileAWideCountRuns_wideStoppedAndTheNextPassCountsTheNarrowFirst() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger stopped = new AtomicInteger();
        AtomicReference<FilterCounts> self = new AtomicReference<>();
        try (FilterCounts counts = counts(commitDuring("wide0", armed, self, stopped), FilterCounts.OVERDUE_NANOS)) {
            self.set(counts);
            counts.want(wanted, store.today());
            take(wanted.size());
            long before = FilteredItems.count(store, wanted.get("narrow"));

            armed.set(true);
            store.add("Call the client", work.id(), store.today().plusDays(1));
            // The pass for the commit: the narrow one, then wide0, stopped by the commit heard while it runs. The
            // pass for that commit starts again from the narrow one; wide0's cost is still a wide one's (a stopped
            // count is not timed), so the wide ones follow in the person's order.
            List<Map.Entry<String, Long>> next = take(wanted.size() + 1);
            assertEquals(1, stopped.get());
            List<String> expected = new ArrayList<>(List.of("narrow", "narrow"));
            for (int k = 0; k < WIDE; k++) {
                expected.add("wide" + k);
            }
            assertEquals(expected, keys(next));
            assertEquals(before + 1, next.get(0).getValue());
            assertEquals(before + 1, next.get(1).getValue());
            assertEquals(FilteredItems.count(store, wanted.get("wide0"), store.today(), QueryCost.Use.LIST),
                    next.get(2).getValue(), "wide0 counted in full by the next pass");
        }
    }

    @Test
    void pass_commitWhileAnOverdueCountRuns_theNarrowCountOfThatCommitNotHeldBehindIt() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger stopped = new AtomicInteger();
        AtomicReference<FilterCounts> self = new AtomicReference<>();
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> stopSaid = new AtomicReference<>();
        FilterCounts.Counter stopsWide0 = commitDuring("wide0", armed, self, stopped);
        // Overdue after 1 ms owed: the wide ones fall overdue while the narrow one (2 ms on the clock) is counted.
        long overdue = TimeUnit.MILLISECONDS.toNanos(1);
        try (FilterCounts counts = counts((filter, day, stop) -> {
            if (filter == wanted.get("wide0") && stopped.get() == 1 && hold.getAndSet(false)) {
                holding.countDown();
                awaitOrFail(release, "wide0's count released");
                stopSaid.set(stop.getAsBoolean());
            }
            return stopsWide0.count(filter, day, stop);
        }, overdue)) {
            self.set(counts);
            counts.want(wanted, store.today());
            take(wanted.size());
            long before = FilteredItems.count(store, wanted.get("narrow"));

            // A commit stops wide0's count; the next pass finds the wide ones overdue, and wide0's count then runs
            // (held here) as a slow count of every todo would.
            hold.set(true);
            armed.set(true);
            store.add("Call the client", work.id(), store.today().plusDays(1));
            assertTrue(holding.await(30, TimeUnit.SECONDS), "wide0 counted once overdue");
            store.add("Call the client again", work.id(), store.today().plusDays(2));
            List<Map.Entry<String, Long>> seen = new ArrayList<>();
            while (!seen.contains(Map.entry("narrow", before + 2))) {
                Map.Entry<String, Long> e = heard.poll(30, TimeUnit.SECONDS);
                if (e == null) {
                    throw new AssertionError("the second commit's narrow count waited behind wide0's: " + seen);
                }
                seen.add(e);
            }
            assertEquals(1, release.getCount(), "heard while the overdue count still ran");
            assertEquals(1, stopped.get());
            release.countDown();
            assertEndsAsTheDatabaseHoldsIt();
            assertEquals(false, stopSaid.get(), "an overdue count is not stopped by the commits heard while it runs");
        }
    }

    private static void awaitOrFail(CountDownLatch latch, String what) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError(what + ": not within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }

    private void assertEndsAsTheDatabaseHoldsIt() throws InterruptedException {
        Map<String, Long> truth = new LinkedHashMap<>();
        wanted.forEach((key, f) -> truth.put(key, FilteredItems.count(store, f, store.today(), QueryCost.Use.LIST)));
        Map<String, Long> last = new LinkedHashMap<>();
        while (!truth.equals(last)) {
            Map.Entry<String, Long> e = heard.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("the counts stopped at " + last + ", the database holds " + truth);
            }
            last.put(e.getKey(), e.getValue());
        }
    }

    @Test
    void pass_commitsComingDuringPasses_everyCountEndsAsTheDatabaseHoldsIt() throws Exception {
        try (FilterCounts counts = counts(this::count, FilterCounts.OVERDUE_NANOS)) {
            counts.want(wanted, store.today());
            for (int i = 0; i < 30; i++) {
                store.add("Commit " + i, i % 2 == 0 ? work.id() : null, store.today().plusDays(i % 9));
            }
            assertEndsAsTheDatabaseHoldsIt();
        }
    }

    private List<Map.Entry<String, Long>> take(int n) throws InterruptedException {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map.Entry<String, Long> e = heard.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("only " + out + " within 30 s");
            }
            out.add(e);
        }
        return out;
    }

    private static List<String> keys(List<Map.Entry<String, Long>> entries) {
        return entries.stream().map(Map.Entry::getKey).toList();
    }
}

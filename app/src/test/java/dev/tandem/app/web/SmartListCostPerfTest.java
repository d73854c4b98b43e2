package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Count;
import dev.tandem.app.model.FilterCounts;
import dev.tandem.app.model.FilterSql;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.QueryCost;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.tools.SeedData;
import dev.tandem.engine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hundred smart lists of the worst shape a query may have (1,000 characters: a condition per section name, 100
 * tests a todo, with no index to help), synced from another device into a profile of 20,000 todos ({@link
 * SeedData}), against a hundred honest smart lists of three conditions as the baseline, alternated round by round:
 * <ul>
 * <li>the window's sidebar: from asking for the hundred counts ({@link FilterCounts}) to the last of them (or its
 *     "too slow to count"), on a store just opened; then the same after a commit;</li>
 * <li>the page's sidebar: {@code GET /api/sidebar}, its first answer and the next;</li>
 * <li>the owner's list and search meanwhile: a list (Work) and a search ("garden") read while the hundred are
 *     counted, against the same reads with nothing else running;</li>
 * <li>the code before, once: the hundred counts unbounded.</li>
 * </ul>
 * {@code mvn -q -pl app -am test -Pperf -Dtest=SmartListCostPerfTest}; results in
 * {@code app/target/perf-smart-list-cost.txt}. {@code -Dtandem.scale.todos=N} changes the size.
 */
@Tag("perf")
class SmartListCostPerfTest {
    private static final int TODOS = Integer.getInteger("tandem.scale.todos", 20_000);
    private static final int ROUNDS = 5;

    @TempDir
    static Path tmp;
    static Path seeded;

    @BeforeAll
    static void seed() throws Exception {
        seeded = tmp.resolve("seed");
        SeedData.main(new String[] {seeded.toString(), String.valueOf(TODOS)});
    }

    /** The worst shape: 1,000 characters of "section: …" joined by "|", 100 conditions, each a test per todo. */
    static String worst(int k) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; ; i++) {
            String c = "section: s" + i + "-" + k;
            if (q.length() + c.length() + 3 > 1_000 || i == 100) {
                return q.toString();
            }
            q.append(q.length() == 0 ? "" : " | ").append(c);
        }
    }

    /** An honest smart list of three conditions, as the sidebar's baseline. */
    static String honest(int k) {
        return List.of("#Work & !overdue & due before: +7d", "search: garden & no date & !#Home", "p1 | @errand | today",
                "no date & !#Groceries & !@waiting").get(k % 4) + " & !@h" + k;
    }

    /** A profile holding the seeded todos and a hundred saved filters {@code query} makes, as sync writes them. */
    private Path profile(String name, Function<Integer, String> query) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(seeded.resolve("tandem.db"), dir.resolve("tandem.db"), StandardCopyOption.REPLACE_EXISTING);
        try (TodoStore s = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC(), ZoneOffset.UTC)) {
            s.writeAll(tx -> {
                for (int k = 0; k < 100; k++) {
                    tx.save(new SavedFilter(null, name + " " + k, query.apply(k), "#336699", null, 1L));
                }
                return null;
            });
        }
        return dir;
    }

    private static Map<String, Filter> filters(TodoStore s) {
        Map<String, Filter> out = new LinkedHashMap<>();
        for (SavedFilter f : s.savedFilters().all()) {
            out.put(f.id(), FilterParser.parse(f.query(), s.today()));
        }
        return out;
    }

    /** Milliseconds from asking for every count to the last; then from a commit to the last again. */
    private static long[] windowCounts(TodoStore s, int[] tooSlow) throws Exception {
        Map<String, Filter> wanted = filters(s);
        CountDownLatch[] done = {new CountDownLatch(wanted.size())};
        AtomicInteger slow = new AtomicInteger();
        try (FilterCounts counts = new FilterCounts(s, (key, n) -> {
            if (n == FilterCounts.TOO_SLOW) {
                slow.incrementAndGet();
            }
            done[0].countDown();
        })) {
            long t0 = System.nanoTime();
            counts.want(wanted, s.today());
            done[0].await(5, TimeUnit.MINUTES);
            long first = System.nanoTime() - t0;
            tooSlow[0] = slow.get();
            done[0] = new CountDownLatch(wanted.size());
            long t1 = System.nanoTime();
            s.add("A commit", null, null);
            done[0].await(5, TimeUnit.MINUTES);
            return new long[] {first / 1_000_000, (System.nanoTime() - t1) / 1_000_000};
        }
    }

    /** Milliseconds of the page's first sidebar and of the next. */
    private static long[] pageSidebar(Path dir) throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            WebFixture.Session session = web.pair();
            long t0 = System.nanoTime();
            assertEquals(200, web.get("/api/sidebar", session).statusCode());
            long first = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            assertEquals(200, web.get("/api/sidebar", session).statusCode());
            return new long[] {first / 1_000_000, (System.nanoTime() - t1) / 1_000_000};
        }
    }

    /** Microseconds of each read of a list and a search on {@code s}, for as long as {@code busy} holds. */
    private static List<Long> ownersReads(TodoStore s, java.util.function.BooleanSupplier busy, int atLeast) {
        String work = s.lists().stream().filter(l -> "Work".equals(l.name())).findFirst().orElseThrow().id();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; busy.getAsBoolean() || i < atLeast; i++) {
            long t0 = System.nanoTime();
            s.query(i % 2 == 0 ? new Listing.UserListing(work) : new Listing.SearchListing("garden"));
            micros.add((System.nanoTime() - t0) / 1_000);
        }
        return micros;
    }

    @Test
    void sidebar_hundredWorstSyncedFiltersOver20kTodos() throws Exception {
        Path worstDir = profile("Worst", SmartListCostPerfTest::worst);
        Path honestDir = profile("Honest", SmartListCostPerfTest::honest);
        List<String> lines = new ArrayList<>();
        lines.add("todos=" + TODOS + ", load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Map<String, List<Long>> ms = new LinkedHashMap<>();
        int[] slow = new int[1];
        for (int round = 0; round < ROUNDS; round++) {
            for (Path dir : List.of(worstDir, honestDir)) {
                String what = dir == worstDir ? "worst" : "honest";
                try (TodoStore s = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC(),
                        ZoneOffset.UTC)) {
                    long[] w = windowCounts(s, slow);
                    ms.computeIfAbsent(what + ": window, 100 counts, first", x -> new ArrayList<>()).add(w[0]);
                    ms.computeIfAbsent(what + ": window, 100 counts after a commit", x -> new ArrayList<>()).add(w[1]);
                    if (dir == worstDir) {
                        ms.computeIfAbsent("worst: too slow to count (of 100)", x -> new ArrayList<>()).add((long) slow[0]);
                    }
                }
                long[] p = pageSidebar(dir);
                ms.computeIfAbsent(what + ": page, GET /api/sidebar, first", x -> new ArrayList<>()).add(p[0]);
                ms.computeIfAbsent(what + ": page, GET /api/sidebar, next", x -> new ArrayList<>()).add(p[1]);
            }
        }
        // The owner's list and search, alone and while the hundred worst are counted on a store just opened.
        try (TodoStore s = new TodoStore(Schema.database(worstDir.resolve("tandem.db")).build(), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            List<Long> alone = ownersReads(s, () -> false, 200);
            Map<String, Filter> wanted = filters(s);
            CountDownLatch done = new CountDownLatch(wanted.size());
            List<Long> during;
            try (FilterCounts counts = new FilterCounts(s, (key, n) -> done.countDown())) {
                counts.want(wanted, s.today());
                during = ownersReads(s, () -> done.getCount() > 0, 20);
            }
            lines.add(micros("owner's list and search, nothing else running", alone));
            lines.add(micros("owner's list and search while the hundred worst are counted", during));
        }
        // The code before: the hundred counts unbounded, once.
        try (Db db = Schema.database(worstDir.resolve("tandem.db")).build()) {
            TodoStore s = new TodoStore(db, Clock.systemUTC(), ZoneOffset.UTC);
            long t0 = System.nanoTime();
            for (Filter f : filters(s).values()) {
                FilterSql sql = FilterSql.of(f, s.today(), ZoneOffset.UTC, List.of());
                db.query(Count.class, "SELECT '' AS id, count(*) AS n FROM items WHERE " + sql.where(), sql.params().toArray());
            }
            lines.add("worst: the hundred counts unbounded (the code before): " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            lines.add("a count's budget now: " + s.queryCost().budget(QueryCost.Use.COUNT).time().toMillis()
                    + " ms of CPU");
        }
        ms.forEach((what, v) -> lines.add(millis(what, v)));
        lines.add("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        String report = String.join("\n", lines) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target/perf-smart-list-cost.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String millis(String what, List<Long> v) {
        List<Long> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        return String.format("%s: median %d, min %d, max %d (n=%d)", what, sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static String micros(String what, List<Long> v) {
        List<Long> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        return String.format("%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95))) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }
}

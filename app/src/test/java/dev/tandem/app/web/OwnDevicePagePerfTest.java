package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device (docs/PERFORMANCE.md, "The page as its own device"), in Debian's Chromium at phone
 * size against S3Proxy through a relay ({@link OwnDevicePage}), no {@code tandem serve} anywhere, each goal beside a
 * baseline in the same minutes: the page opened with its storage cut at 10,000 todos against the same page opened
 * with the storage reachable, load by load; a desktop change (the command line's {@code add} and {@code sync}) to
 * visible on the open page left to its own checks, against the page's own sync round trip with nothing to pull; 500 changes made on the
 * page with the storage cut, pushed once it answers and listed by the desktop's next sync, against 500 todos the
 * desktop pushes. Run with {@code perf OwnDevicePagePerfTest}; it prints with the load average, it asserts nothing
 * about time (the size of the page's code is a unit test's: PageSizeTest).
 */
@Tag("perf")
class OwnDevicePagePerfTest {
    private static final int ROUNDS = 9;
    private static final Duration LONG = Duration.ofMinutes(3);
    /**
     * Notes in {@code window.seenAt} the page's clock when {@code #items} first shows a row titled arguments[0], and
     * returns the page's clock now.
     */
    private static final String WATCH_ROW = "const title = arguments[0]; window.seenAt = null;"
            + " const has = () => [...document.querySelectorAll('#items .item .item-title')]"
            + "   .some((e) => e.textContent === title);"
            + " const o = new MutationObserver(() => { if (has()) { o.disconnect(); window.seenAt = performance.now(); } });"
            + " o.observe(document.getElementById('items'), { childList: true, subtree: true, characterData: true });"
            + " return performance.now();";
    /** Resolves with the milliseconds of one sync the Sync now button starts, to its line saying it is done. */
    private static final String SYNC_ROUND_TRIP = "const done = arguments[0]; const t0 = performance.now();"
            + " const text = document.getElementById('device-sync-text'); let seen = false;"
            + " const check = () => { const syncing = text.textContent.startsWith('Syncing');"
            + "   if (syncing) seen = true; else if (seen) { o.disconnect(); done(performance.now() - t0); } };"
            + " const o = new MutationObserver(check);"
            + " o.observe(text, { childList: true, subtree: true, characterData: true });"
            + " document.getElementById('device-sync-now').click(); check();";

    /**
     * Given to every new document: notes in {@code window.firstRowsAt} the page's clock (from the navigation's start)
     * at the frame that first shows a row of {@code #items}, for the time to the first rows on the page's own clock:
     * polling from the test cannot run while the page's thread is busy (rebuilding the replica right after the kept
     * first screen is painted), so it sees the rows late.
     */
    private static final String FIRST_ROWS = "new MutationObserver((m, o) => {"
            + " if (!document.querySelector('#items .item')) return; o.disconnect();"
            + " requestAnimationFrame(() => { window.firstRowsAt = performance.now(); });"
            + " }).observe(document, { subtree: true, childList: true });";

    @TempDir
    Path tmp;

    @Test
    void openedOffline_10000Todos_againstOpenedWithStorage() throws Exception {
        try (OwnDevicePage own = new OwnDevicePage(Files.createDirectories(tmp.resolve("desktop")))) {
            own.tandem("add", "Desk one");
            seed(own.desktop, 10_000);
            own.desktopSync();
            own.publish("en");
            long j0 = System.nanoTime();
            Chromium c = own.join(LONG);
            c.await("return document.querySelectorAll('#items .item').length > 0", LONG);
            double joined = ms(j0);
            own.awaitSynced(LONG);
            own.awaitWorker();
            String url = own.pageUrl();
            c.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_ROWS));
            List<Double> pageRows = new ArrayList<>();
            List<Double> pageFresh = new ArrayList<>();
            List<Double> barePageRows = new ArrayList<>();
            List<Double> online = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            List<Double> offlineFresh = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> bareFresh = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            String loadBefore = load();
            for (int i = 0; i < ROUNDS; i++) {
                online.add(open(c, url));
                c.await("return document.body.dataset.firstScreen === 'fresh'", LONG);
                own.awaitSynced(LONG);
                own.relay.cut();
                // With the first screen kept, and without it (its record deleted), in turns which goes first.
                for (boolean kept : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    double[] t = openFresh(c, url, !kept);
                    (kept ? offline : bare).add(t[0]);
                    (kept ? offlineFresh : bareFresh).add(t[1]);
                    (kept ? pageRows : barePageRows).add(t[2]);
                    if (kept) {
                        pageFresh.add(t[3]);
                    }
                    assertEquals(kept, c.js("return performance.getEntriesByName('tandem:kept-screen').length > 0"),
                            kept ? "drawn from the kept first screen" : "drawn without it");
                    phases.add((kept ? "kept: " : "without: ") + phases(c));
                    assertTrue(c.await("return !document.getElementById('device-sync-error').hidden", LONG) != null);
                }
                own.relay.restore();
            }
            if (Boolean.getBoolean("tandem.profile")) {
                own.relay.cut();
                System.out.println("  the page's hottest functions opening with the storage cut: " + profiled(c, url));
                own.relay.restore();
            }
            long rows = (Long) c.js("return document.querySelectorAll('#items .item').length");
            System.out.printf(Locale.ROOT, "own-device page opened with its storage cut, 10,000 todos (%d rows shown):"
                    + " median %.0f ms (%.0f–%.0f); opened with the storage reachable, alternated: median %.0f ms"
                    + " (%.0f–%.0f); ratio %.2f; joining 10,001 todos took %.1f s; load %s → %s%n", rows,
                    median(offline), Collections.min(offline), Collections.max(offline), median(online),
                    Collections.min(online), Collections.max(online), median(offline) / median(online), joined / 1000,
                    loadBefore, load());
            System.out.printf(Locale.ROOT, "  on the page's clock from the navigation's start: first rows median %.0f ms"
                    + " (%.0f–%.0f), the replica's own (mark fresh) median %.0f ms; without the kept first screen,"
                    + " alternated: first rows median %.0f ms (%.0f–%.0f)%n", median(pageRows), Collections.min(pageRows),
                    Collections.max(pageRows), median(pageFresh), median(barePageRows), Collections.min(barePageRows),
                    Collections.max(barePageRows));
            System.out.println("  rounds on the page's clock, kept: " + pageRows + " (fresh " + pageFresh
                    + "); without: " + barePageRows);
            System.out.printf(Locale.ROOT, "  opened with the storage cut, its first screen kept: first rows median %.0f ms,"
                    + " the replica's rows (fresh) median %.0f ms; without the kept first screen, alternated: first rows"
                    + " median %.0f ms, fresh %.0f ms%n", median(offline), median(offlineFresh), median(bare),
                    median(bareFresh));
            System.out.println("  rounds, cut: " + offline + " (fresh " + offlineFresh + "); without the kept screen: "
                    + bare + " (fresh " + bareFresh + "); reachable: " + online);
            System.out.println("  phases of the cut opens (ms from navigation): " + phases);
        }
    }

    @Test
    void desktopChange_toVisibleOnTheOpenPage_againstThePagesOwnSync() {
        try (OwnDevicePage own = new OwnDevicePage(tmp.resolve("desktop"))) {
            own.tandem("add", "Desk one");
            Chromium c = own.publishAndJoin("Desk one", null);
            List<Double> desktop = new ArrayList<>();
            List<Double> page = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            List<Double> roundTrip = new ArrayList<>();
            String loadBefore = load();
            for (int i = 0; i < 12; i++) {
                roundTrip.add(((Number) c.driver().executeAsyncScript(SYNC_ROUND_TRIP)).doubleValue());
                String title = "Desk change " + i;
                double start = ((Number) c.js(WATCH_ROW, title)).doubleValue();
                long t0 = System.nanoTime();
                own.tandem("add", title);
                own.desktopSync();
                double pushed = ms(t0);
                double seen = ((Number) c.await("return window.seenAt", LONG)).doubleValue();
                desktop.add(pushed);
                page.add(seen - start - pushed);
                total.add(seen - start);
                own.awaitSynced();
            }
            System.out.printf(Locale.ROOT, "desktop change to visible on the open own-device page, its default"
                    + " checks (n = %d): p50 %.0f ms, p95 %.0f ms (the desktop's add and sync p50 %.0f ms, then to the row"
                    + " p50 %.0f ms, p95 %.0f ms); the page's own sync round trip, nothing to pull, alternated: p50 %.0f ms,"
                    + " p95 %.0f ms; load %s → %s%n", total.size(), pct(total, 50), pct(total, 95), pct(desktop, 50),
                    pct(page, 50), pct(page, 95), pct(roundTrip, 50), pct(roundTrip, 95), loadBefore, load());
            System.out.println("  rounds, total: " + total + "; page: " + page + "; round trip: " + roundTrip);
        }
    }

    @Test
    void changesMadeWithStorageCut_500PushedOnceItAnswers_againstTheDesktopPushing500() throws Exception {
        try (OwnDevicePage own = new OwnDevicePage(Files.createDirectories(tmp.resolve("desktop")))) {
            own.tandem("add", "Desk one");
            Chromium c = own.publishAndJoin("Desk one", null);
            own.awaitWorker();
            List<Double> pagePush = new ArrayList<>();
            List<Double> listed = new ArrayList<>();
            List<Double> desktopPush = new ArrayList<>();
            String loadBefore = load();
            String waiting = "";
            for (int round = 0; round < 3; round++) {
                seed(own.desktop, 500);
                long d0 = System.nanoTime();
                own.desktopSync();
                desktopPush.add(ms(d0));

                own.relay.cut();
                String prefix = "Page " + round + " ";
                c.js("import(new URL('assets/outbox.js', document.baseURI).href).then((m) => {"
                        + " for (let i = 0; i < 500; i++) m.submit({ op: 'add', id: m.newId(), text: arguments[0] + i,"
                        + " view: 'inbox' }); })", prefix);
                c.await("return import(new URL('assets/outbox.js', document.baseURI).href)"
                        + ".then((m) => m.pending()).then((p) => p.length === 0 && document.getElementById("
                        + "'device-sync-text').textContent.includes(' wait'))", LONG);
                waiting = String.valueOf(c.js("return document.getElementById('device-sync-text').textContent"));
                long t0 = System.nanoTime();
                own.relay.restore();
                c.press("#device-sync-now");
                own.awaitSynced(LONG);
                pagePush.add(ms(t0));
                own.desktopSync();
                listed.add(ms(t0));
                String all = own.tandem("list", "--json").out();
                assertEquals(500, all.split("\"" + prefix, -1).length - 1, "the desktop lists the page's 500");
            }
            System.out.printf(Locale.ROOT, "own-device page: 500 changes made with the storage cut, pushed once it"
                    + " answers: median %.2f s (%s), listed by the desktop's next sync: median %.2f s; the desktop"
                    + " pushing 500 new todos (its sync), alternated: median %.2f s (%s); ratio %.2f; load %s → %s; the line said: %s%n",
                    median(pagePush) / 1000, pagePush, median(listed) / 1000, median(desktopPush) / 1000, desktopPush,
                    median(pagePush) / median(desktopPush), loadBefore, load(), waiting);
        }
    }

    /** {@code n} more todos in the desktop's profile, written by the store as WebFixture seeds a server's. */
    private static void seed(Path desktop, int n) {
        try (TodoStore store = TodoStore.open(Schema.database(desktop.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            WebFixture.seed(store, n);
        }
    }

    /** Opens {@code url} from a blank page: milliseconds to the first rows. */
    private static double open(Chromium c, String url) {
        c.open("about:blank");
        long t0 = System.nanoTime();
        c.open(url);
        c.await("return document.querySelectorAll('#items .item').length > 0", LONG);
        return ms(t0);
    }

    /**
     * Opens {@code url} from a blank page: milliseconds to the first rows and to the replica's own (the marker
     * fresh) polled from here, then the same two on the page's clock from the navigation's start. With {@code forget}, the kept first screen's record is deleted first by the page open now (settled: it
     * wrote the record a moment after its last drawing), so the page opens as it did before it kept one.
     */
    private static double[] openFresh(Chromium c, String url, boolean forget) {
        if (forget) {
            c.js("return new Promise((resolve, reject) => { const o = indexedDB.open('tandem-device');"
                    + " o.onsuccess = () => { const t = o.result.transaction('device', 'readwrite');"
                    + " t.objectStore('device').delete('screen'); t.oncomplete = () => { o.result.close(); resolve(true); };"
                    + " t.onerror = () => reject(t.error); }; o.onerror = () => reject(o.error); })");
        }
        c.open("about:blank");
        long t0 = System.nanoTime();
        c.open(url);
        c.await("return document.querySelectorAll('#items .item').length > 0", LONG);
        double rows = ms(t0);
        c.await("return document.body.dataset.firstScreen === 'fresh'", LONG);
        double fresh = ms(t0);
        List<?> page = (List<?>) c.await("return window.firstRowsAt && [window.firstRowsAt,"
                + " performance.getEntriesByName('tandem:fresh')[0].startTime]", LONG);
        return new double[] {rows, fresh, ((Number) page.get(0)).doubleValue(), ((Number) page.get(1)).doubleValue()};
    }

    /**
     * The page opened again from itself under Chromium's sampling profiler ({@code -Dtandem.profile=true}): the
     * samples and the time they span, then the 15 functions with the most samples of their own, as "function
     * file:line samples" (lines of the published, comment-free modules).
     */
    @SuppressWarnings("unchecked")
    private static List<String> profiled(Chromium c, String url) {
        c.driver().executeCdpCommand("Profiler.enable", Map.of());
        c.driver().executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 200));
        c.driver().executeCdpCommand("Profiler.start", Map.of());
        c.open(url);
        c.await("return document.querySelectorAll('#items .item').length > 0", LONG);
        Map<String, Object> profile = (Map<String, Object>) c.driver().executeCdpCommand("Profiler.stop", Map.of())
                .get("profile");
        Map<String, Long> self = new HashMap<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String file = String.valueOf(frame.get("url"));
            String name = frame.get("functionName") + " " + file.substring(file.lastIndexOf('/') + 1) + ":"
                    + (((Number) frame.get("lineNumber")).intValue() + 1);
            self.merge(name, ((Number) node.getOrDefault("hitCount", 0L)).longValue(), Long::sum);
        }
        long all = self.values().stream().mapToLong(Long::longValue).sum();
        long idle = self.getOrDefault("(idle) :0", 0L);
        List<String> out = new ArrayList<>(List.of(String.format(Locale.ROOT, "%d samples of 0.2 ms over %.0f ms, %d idle",
                all, (((Number) profile.get("endTime")).doubleValue() - ((Number) profile.get("startTime")).doubleValue())
                        / 1000, idle)));
        self.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
                .map(e -> e.getKey() + " " + e.getValue()).forEach(out::add);
        return out;
    }

    /** Where a load's time went, from the navigation's start: the document parsed, the last file fetched. */
    private static String phases(Chromium c) {
        return String.valueOf(c.js("const n = performance.getEntriesByType('navigation')[0];"
                + " const r = performance.getEntriesByType('resource');"
                + " const last = Math.max(0, ...r.map((e) => e.responseEnd));"
                + " const by = (p) => Math.round(Math.max(0, ...r.filter((e) => e.name.includes(p)).map((e) => e.responseEnd)));"
                + " const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tandem:'))"
                + "   .map((m) => m.name.slice(7) + ' ' + Math.round(m.startTime)).join(', ');"
                + " return 'dom ' + Math.round(n.domContentLoadedEventEnd) + ', ' + marks + ', files ' + r.length"
                + " + ' (assets by ' + by('/assets/') + ', core by ' + by('/assets/device-core.js')"
                + " + '), now ' + Math.round(performance.now())"));
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        return pct(xs, 50);
    }

    /** The nearest-rank percentile. */
    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}

package dev.tandem.app.web;

import dev.tandem.app.Main;
import dev.tandem.app.cli.Cli;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.WebAssets;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WindowType;

/**
 * The web companion's goals (docs/PERFORMANCE.md, "Web companion"), in headless Chromium against a real
 * server and store, each beside a baseline run in the same minutes: the first page with 10,000 todos
 * against an empty profile's, a change on another device to visible against a plain fetch of the same
 * view, and {@code tandem serve} with 100,000 todos against an empty one (RSS, idle CPU with three pages
 * open). Run with {@code perf WebPerfTest}; it prints, it asserts nothing about time.
 */
@Tag("perf")
class WebPerfTest {
    private static final int ROUNDS = 9;

    @TempDir
    Path tmp;

    @Test
    void firstPageAndLiveChanges_10000Todos() throws Exception {
        try (WebFixture big = new WebFixture(Files.createDirectories(tmp.resolve("big")));
             WebFixture empty = new WebFixture(Files.createDirectories(tmp.resolve("empty")));
             Chromium a = Chromium.start(Chromium.Size.PHONE);
             Chromium b = Chromium.start(Chromium.Size.PHONE)) {
            WebFixture.seed(big.store, 10_000);
            // One browser per server: cookies are per host, not per port.
            a.open(big.server.pair().url());
            a.await("return document.querySelectorAll('.item').length > 0", Duration.ofSeconds(30));
            b.open(empty.server.pair().url());
            b.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
            List<Double> full = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                full.add(load(a, big, "return document.querySelectorAll('.item').length > 0"));
                none.add(load(b, empty, "return document.getElementById('items').dataset.view === 'inbox'"));
            }
            long rows = (Long) a.js("return document.querySelectorAll('.item').length");
            System.out.printf("web first page, 10,000 todos in the Inbox (%d rows shown): median %.0f ms (%.0f–%.0f);"
                    + " empty profile beside it: %.0f ms; ratio %.2f; page's scripts and styles %d B gzip%n", rows,
                    median(full), Collections.min(full), Collections.max(full), median(none), median(full) / median(none),
                    pageBytesGzip());
            System.out.println("  rounds, 10,000 todos: " + full + "; empty: " + none);

            List<Double> live = new ArrayList<>();
            List<Double> fetch = new ArrayList<>();
            String shown = (String) a.js("return document.querySelector('.item').dataset.id");
            for (int i = 0; i < 20; i++) {
                String title = "From another device " + i;
                long t0 = System.nanoTime();
                // As a sync writes: straight into the store, not through the page; a row the page shows.
                big.store.update(shown, it -> it.withTitle(title));
                a.await("return [...document.querySelectorAll('.item-title')].some(e => e.textContent === arguments[0])",
                        Duration.ofSeconds(10), title);
                live.add((System.nanoTime() - t0) / 1e6);
                fetch.add(((Number) a.js("const t = performance.now();"
                        + " return fetch('/api/items?view=inbox').then(r => r.json()).then(() => performance.now() - t);"))
                        .doubleValue());
                Thread.sleep(300);
            }
            System.out.printf("web live change to visible (a shown row renamed in the store): p50 %.0f ms, p95 %.0f ms (n = 20); the page's own fetch of the"
                    + " view beside it: p50 %.0f ms%n", median(live), p95(live), median(fetch));
        }
    }

    /**
     * A desktop edit to visible on a page that scrolled until 2,000 rows were loaded, in the Inbox (a list's
     * outline) and in Upcoming (a flat view), each beside the same edit on a page with its first 200 rows loaded,
     * run in turn: two servers with the same 2,200 todos, one browser each, so an edit reaches one page only; then,
     * in the Inbox, a subtask added to a row near the top the same way.
     */
    @Test
    void liveChange_2000RowsLoaded_againstTheFirstPage() throws Exception {
        try (WebFixture far = new WebFixture(Files.createDirectories(tmp.resolve("far")));
             WebFixture top = new WebFixture(Files.createDirectories(tmp.resolve("top")));
             Chromium a = Chromium.start(Chromium.Size.PHONE);
             Chromium b = Chromium.start(Chromium.Size.PHONE)) {
            for (WebFixture web : List.of(far, top)) {
                LocalDate today = web.store.today();
                web.store.writeAll(tx -> {
                    for (int i = 0; i < 2_200; i++) {
                        tx.save(Item.create("Todo number " + i, null, today.plusDays(1 + i % 60),
                                1_000_000L + i));
                    }
                    return null;
                });
            }
            a.open(far.server.pair().url());
            b.open(top.server.pair().url());
            for (String view : List.of("inbox", "upcoming")) {
                int loaded = scrollTo(a, view, 2_000);
                int first = scrollTo(b, view, 200);
                List<Double> many = new ArrayList<>();
                List<Double> few = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    many.add(rename(a, far, view + " far " + i));
                    few.add(rename(b, top, view + " top " + i));
                }
                System.out.printf("web live change to visible, %s, %d rows loaded: p50 %.0f ms, p95 %.0f ms (n = 20);"
                        + " beside it, %d rows loaded: p50 %.0f ms, p95 %.0f ms; load average %s%n", view, loaded,
                        median(many), p95(many), first, median(few), p95(few), loadAverage());
                System.out.println("  rounds, " + loaded + " rows: " + many + "; " + first + " rows: " + few);
                if (view.equals("inbox")) {
                    // A row added in a list's outline: a subtask of the fourth row, each page patching its place.
                    List<Double> addMany = new ArrayList<>();
                    List<Double> addFew = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        addMany.add(addSubtask(a, far, "inbox added far " + i));
                        addFew.add(addSubtask(b, top, "inbox added top " + i));
                    }
                    System.out.printf("web live add to visible, inbox (a subtask), %d rows loaded: p50 %.0f ms, p95 %.0f ms"
                            + " (n = 20); beside it, %d rows loaded: p50 %.0f ms, p95 %.0f ms; load average %s%n", loaded,
                            median(addMany), p95(addMany), first, median(addFew), p95(addFew), loadAverage());
                    System.out.println("  rounds, " + loaded + " rows: " + addMany + "; " + first + " rows: " + addFew);
                }
            }
        }
    }

    /** Shows {@code view} and scrolls until at least {@code rows} rows are loaded; how many are. */
    private static int scrollTo(Chromium c, String view, int rows) {
        c.js("location.hash = '#v=' + arguments[0]", view);
        c.await("return document.getElementById('items').dataset.view === arguments[0]"
                + " && document.querySelectorAll('#items .item').length >= 200", Duration.ofSeconds(60), view);
        for (long n = count(c); n < rows; n = count(c)) {
            c.js("document.getElementById('more').scrollIntoView()");
            c.await("return document.querySelectorAll('#items .item').length > arguments[0]", Duration.ofSeconds(60), n);
        }
        c.js("window.scrollTo(0, 0)");
        return (int) count(c);
    }

    private static long count(Chromium c) {
        return (Long) c.js("return document.querySelectorAll('#items .item').length");
    }

    /** Renames the page's fourth row in the store, as a sync writes, and waits until the page shows it; ms. */
    private static double rename(Chromium c, WebFixture web, String title) throws Exception {
        String id = (String) c.js("return document.querySelectorAll('#items .item')[3].dataset.id");
        long t0 = System.nanoTime();
        web.store.update(id, it -> it.withTitle(title));
        // The probe looks at that one row, so what it costs does not grow with the rows loaded.
        c.await("const row = document.querySelector('#items .item[data-id=\"' + arguments[1] + '\"] .item-title');"
                + " return row && row.textContent === arguments[0]", Duration.ofSeconds(30), title, id);
        double ms = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(300);
        return ms;
    }

    /**
     * Adds a subtask to the page's fourth row in the store, as a sync writes, and waits until the page shows it
     * among that row's subtasks; ms.
     */
    private static double addSubtask(Chromium c, WebFixture web, String title) throws Exception {
        String parent = (String) c.js("return document.querySelectorAll('#items .item')[3].dataset.id");
        long t0 = System.nanoTime();
        web.store.add(title, null, null, parent, null, TodoDetails.NONE);
        c.await("const row = document.querySelector('#items .item[data-id=\"' + arguments[1] + '\"]');"
                + " return !!row && [...row.querySelectorAll(':scope > .subitems > .item .item-title')]"
                + ".some(e => e.textContent === arguments[0])", Duration.ofSeconds(30), title, parent);
        double ms = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(300);
        return ms;
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    @Test
    void serve_100000Todos_rssAndIdleCpuWithThreePagesOpen() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("serve-big"));
        Path empty = Files.createDirectories(tmp.resolve("serve-empty"));
        try (TodoStore store = new TodoStore(Schema.database(big.resolve("tandem.db")).build(), Clock.systemUTC())) {
            WebFixture.seed(store, 100_000);
        }
        try (TodoStore store = new TodoStore(Schema.database(empty.resolve("tandem.db")).build(), Clock.systemUTC())) {
            store.add("One todo", null, null);
        }
        for (Path dir : List.of(empty, big)) {
            Process p = serve(dir);
            try (Chromium c = Chromium.start(Chromium.Size.PHONE)) {
                String url = firstUrl(p);
                for (int tab = 0; tab < 3; tab++) {
                    if (tab > 0) {
                        c.driver().switchTo().newWindow(WindowType.TAB);
                    }
                    c.open(pairUrl(dir, url));
                    c.await("return document.querySelectorAll('.item').length > 0", Duration.ofSeconds(60));
                }
                Thread.sleep(30_000);
                long rss = rssKb(p.pid());
                long cpu0 = cpuTicks(p.pid());
                Thread.sleep(60_000);
                double cpu = (cpuTicks(p.pid()) - cpu0) / 100.0 / 60.0 * 100.0;
                System.out.printf("tandem serve, %s, three pages open: RSS %d MB (30 s after the pages opened), idle CPU"
                        + " %.2f %% over 60 s%n", dir.getFileName(), rss / 1024, cpu);
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static double load(Chromium c, WebFixture web, String ready) {
        c.open("about:blank");
        long t0 = System.nanoTime();
        c.open(web.server.url().toString());
        c.await(ready, Duration.ofSeconds(30));
        return (System.nanoTime() - t0) / 1e6;
    }

    private Process serve(Path dir) throws Exception {
        // The installed tandem-cli's options (installer/pom.xml, installer.javaOptions).
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-XX:G1PeriodicGCInterval=15000", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.toString(), "serve", "--listen", "127.0.0.1:0")
                .redirectErrorStream(true).start();
    }

    private static String firstUrl(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern at = Pattern.compile("at (http://[^ ]+/)");
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            Matcher m = at.matcher(l);
            if (m.find()) {
                String url = m.group(1);
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (Exception e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new AssertionError("serve printed no address");
    }

    /** A pairing link from `serve --pair`, as a second process would make it. */
    private static String pairUrl(Path dir, String url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run(List.of("--data-dir", dir.toString(), "serve", "--pair"));
        Matcher m = Pattern.compile("open (http://\\S+#pair=\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new AssertionError("no pairing link: " + out);
        }
        return m.group(1);
    }

    private static long rssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D+", ""));
            }
        }
        throw new AssertionError("no VmRSS for " + pid);
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long pageBytesGzip() throws Exception {
        long total = 0;
        for (String path : WebAssets.paths()) {
            if (!path.startsWith("/assets/") || !(path.endsWith(".js") || path.endsWith(".css"))) {
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(WebAssets.find(path).orElseThrow().bytes());
            }
            total += bytes.size();
        }
        return total;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double p95(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get((int) Math.ceil(0.95 * s.size()) - 1);
    }
}

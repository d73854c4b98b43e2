package dev.tandem.app.web;

import dev.tandem.app.model.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline page's goals (docs/PERFORMANCE.md, "Web companion offline"), in headless Chromium at phone size
 * against a real server and store, each beside a baseline in the same minutes: the page opened with the server
 * stopped (shell and data from the service worker) at 10,000 todos against the same page opened with its server
 * up; and 500 changes queued offline, replayed once the server is back, to all on the desktop, against the same
 * 500 todos added online one request each. Run with {@code perf WebOfflinePerfTest}; it prints, it asserts
 * nothing about time.
 */
@Tag("perf")
class WebOfflinePerfTest {
    private static final int ROUNDS = 9;

    @TempDir
    Path tmp;

    @Test
    void openedOffline_10000Todos_againstOpenedOnline() throws Exception {
        try (WebFixture big = new WebFixture(Files.createDirectories(tmp.resolve("big")));
             Chromium c = Chromium.start(Chromium.Size.PHONE)) {
            WebFixture.seed(big.store, 10_000);
            c.open(big.server.pair().url());
            c.await("return !!navigator.serviceWorker.controller && document.querySelectorAll('.item').length > 0",
                    Duration.ofSeconds(30));
            String url = big.server.url().toString();
            List<Double> online = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                online.add(load(c, url));
                big.server.close();
                offline.add(load(c, url));
                if (!(Boolean) c.js("return !document.getElementById('offline').hidden")) {
                    throw new AssertionError("the page did not open offline");
                }
                big.restartServer();
            }
            System.out.printf("web page opened offline, 10,000 todos (%d rows shown): median %.0f ms (%.0f–%.0f);"
                    + " opened online beside it: %.0f ms; ratio %.2f%n", (Long) c.js("return document.querySelectorAll('.item').length"),
                    median(offline), Collections.min(offline), Collections.max(offline), median(online),
                    median(offline) / median(online));
            System.out.println("  rounds, offline: " + offline + "; online: " + online);
        }
    }

    @Test
    void replay_500ChangesQueuedOffline_againstTheSameAddedOnline() throws Exception {
        try (WebFixture web = new WebFixture(Files.createDirectories(tmp.resolve("replay")));
             Chromium c = Chromium.start(Chromium.Size.PHONE)) {
            c.open(web.server.pair().url());
            c.await("return !document.getElementById('app').hidden && !!navigator.serviceWorker.controller",
                    Duration.ofSeconds(30));
            List<Double> replayed = new ArrayList<>();
            List<Double> online = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                c.driver().executeAsyncScript("const done = arguments[arguments.length - 1]; const csrf = arguments[0];"
                        + " (async () => { for (let i = 0; i < 500; i++) await fetch('/api/outbox', { method: 'POST',"
                        + " headers: { 'Content-Type': 'application/json', 'X-Tandem-CSRF': csrf },"
                        + " body: JSON.stringify({ entries: [{ key: crypto.randomUUID(), op: 'add', text: 'Online ' + i }] }) });"
                        + " })().then(done);", csrf(c));
                WebFixture.awaitStore(() -> count(web, "Online ") >= 500 * (online.size() + 1), Duration.ofSeconds(60));
                online.add((System.nanoTime() - t0) / 1e6);

                web.server.close();
                c.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
                c.js("import('/assets/outbox.js').then(m => { for (let i = 0; i < 500; i++)"
                        + " m.submit({ op: 'add', id: m.newId(), text: 'Offline ' + i, view: 'inbox' }); })");
                c.await("return document.getElementById('waiting-text').textContent.startsWith('500 changes')",
                        Duration.ofSeconds(30));
                int before = count(web, "Offline ");
                long t1 = System.nanoTime();
                web.restartServer();
                c.js("window.dispatchEvent(new Event('online'))");
                WebFixture.awaitStore(() -> count(web, "Offline ") >= before + 500, Duration.ofSeconds(60));
                replayed.add((System.nanoTime() - t1) / 1e6);
                c.await("return document.getElementById('waiting').hidden", Duration.ofSeconds(30));
            }
            System.out.printf("web outbox: 500 changes queued offline, server back to all in the profile: median %.0f ms"
                    + " (%s); the same 500 added online one request each, beside it: median %.0f ms (%s); ratio %.2f%n",
                    median(replayed), replayed, median(online), online, median(replayed) / median(online));
        }
    }

    private static String csrf(Chromium c) {
        return (String) c.js("return fetch('/api/session').then(r => r.json()).then(s => s.csrf)");
    }

    private static int count(WebFixture web, String prefix) {
        return (int) web.store.allItems().stream().map(Item::title).filter(t -> t.startsWith(prefix)).count();
    }

    private static double load(Chromium c, String url) {
        c.open("about:blank");
        long t0 = System.nanoTime();
        c.open(url);
        c.await("return document.querySelectorAll('.item').length > 0", Duration.ofSeconds(30));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}

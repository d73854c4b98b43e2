package dev.tandem.app.web;

import static dev.tandem.app.web.WebFixture.awaitStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The phone that never waits, in Debian's Chromium at phone size: with the server stopped, a todo is added,
 * another ticked, a repeating one completed, notes edited and a subtask added; the page is reloaded, and the
 * browser closed and started again, all offline; then the server is back and the desktop's profile holds each
 * change exactly once, one next occurrence, and a Conflict for the field the desktop changed meanwhile.
 */
@Tag("browser")
class WebOfflinePageTest {
    private static final Duration BACK = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    @TempDir
    Path browserProfile;
    WebFixture web;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private String row(Item it) {
        return ".item[data-id='" + it.id() + "']";
    }

    private void awaitWaiting(int n) {
        chromium.await("return document.getElementById('waiting-text').textContent.startsWith(arguments[0])",
                Duration.ofSeconds(10), n == 1 ? "1 change waiting" : n + " changes waiting");
    }

    /** Opens the item from its row; the list may be drawn again meanwhile, so the row is clicked as it is then. */
    private void openRow(Item it) {
        chromium.await("return !!document.querySelector(arguments[0] + ' .item-open')", row(it));
        chromium.js("document.querySelector(arguments[0] + ' .item-open').click()", row(it));
        chromium.await("return document.getElementById('ed-title').value === arguments[0]", it.title());
    }

    /** Ticks the item's row as it is now (the list may be drawn again meanwhile). */
    private void tick(Item it) {
        chromium.await("return !!document.querySelector(arguments[0] + ' .item-done')", row(it));
        chromium.js("document.querySelector(arguments[0] + ' .item-done').click()", row(it));
    }

    @Test
    void offline_everyKindOfChangeThroughReloadAndRestart_landsOnceWhenTheServerIsBack() {
        web = new WebFixture(dir);
        Item milk = web.store.add("Milk", null, null);
        Item plants = web.store.add("Water the plants", null, LocalDate.now());
        new SeriesStore(web.store).setRepeat(plants.id(), new Recurrence(Recurrence.Freq.WEEKLY, 1, Set.of(), 0));
        Item trip = web.store.add("Trip", null, null);
        chromium = Chromium.start(Chromium.Size.PHONE, browserProfile);
        chromium.open(web.server.pair().url());
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        openRow(trip);
        // What the phone saw is kept by the service worker once it controls the page.
        chromium.await("caches.open('tandem-api').then(c => c.keys()).then(k => window.kept = k.map(r => new URL(r.url).pathname));"
                + " return window.kept && ['/api/session', '/api/sidebar', '/api/items', '/api/items/' + arguments[0]]"
                + ".every(p => window.kept.includes(p))", Duration.ofSeconds(10), trip.id());
        chromium.find("#detail-back").click();

        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        chromium.find("#quick-add").sendKeys("Buy stamps", Keys.ENTER);
        chromium.await("return document.getElementById('quick-add').value === ''");
        tick(milk);
        awaitWaiting(2);
        tick(plants);
        awaitWaiting(3);
        openRow(trip);
        chromium.find("#ed-title").sendKeys(Keys.END, " to Lyon");
        chromium.find("#notes-edit").click();
        chromium.find("#ed-notes").sendKeys("Train at 8");
        chromium.find("#notes-edit").click();
        chromium.find("#subtask-text").sendKeys("Book the hotel", Keys.ENTER);
        chromium.await("return [...document.querySelectorAll('#subtasks .item-title')].some(t => t.textContent === 'Book the hotel')");
        // The title's and the notes' edits are one entry, or two when the notes were kept while the title's
        // entry was being tried (an entry under way is never changed).
        long waiting = (Long) chromium.await("const m = /^(\\d+) changes waiting/.exec("
                + "document.getElementById('waiting-text').textContent); return m && +m[1] >= 5 && +m[1] <= 6 && +m[1]",
                Duration.ofSeconds(10));
        // The desktop changes the trip's title meanwhile.
        web.store.update(trip.id(), i -> i.withTitle("Trip to Paris"));

        chromium.driver().navigate().refresh();
        chromium.await("return document.getElementById('ed-title').value === 'Trip to Lyon'"
                + " && document.querySelector('#notes-view .notes-plain').textContent === 'Train at 8'", Duration.ofSeconds(10));
        awaitWaiting((int) waiting);

        // The browser closed and started again, still offline: the page opens from the service worker.
        String url = chromium.driver().getCurrentUrl();
        chromium.close();
        chromium = Chromium.start(Chromium.Size.PHONE, browserProfile);
        chromium.open(url.replaceAll("#.*", "") + "#v=inbox");
        awaitWaiting((int) waiting);
        chromium.await("return [...document.querySelectorAll('.item.waiting .item-title')].map(t => t.textContent).join('|')"
                + " === 'Milk|Water the plants|Trip to Lyon|Buy stamps'", Duration.ofSeconds(10));
        assertEquals(3, web.store.allItems().size(), "nothing reached the desktop while the server was away");

        web.restartServer();
        chromium.js("window.dispatchEvent(new Event('online'))");
        awaitStore(() -> web.store.allItems().stream().anyMatch(i -> "Book the hotel".equals(i.title()))
                && "Train at 8".equals(web.store.get(trip.id()).orElseThrow().notes()), BACK);
        chromium.await("return document.getElementById('waiting').hidden", BACK);
        List<Item> all = web.store.allItems();
        assertEquals(1, all.stream().filter(i -> i.title().equals("Buy stamps")).count(), all.toString());
        assertTrue(web.store.get(milk.id()).orElseThrow().isDone());
        assertEquals(2, all.stream().filter(i -> i.title().equals("Water the plants")).count(), "one next occurrence");
        assertEquals(1, all.stream().filter(i -> i.title().equals("Water the plants") && !i.isDone()).count());
        Item hotel = all.stream().filter(i -> i.title().equals("Book the hotel")).findFirst().orElseThrow();
        assertEquals(trip.id(), hotel.parentId());
        assertEquals("Trip to Paris", web.store.get(trip.id()).orElseThrow().title());
        assertEquals(1, web.store.conflicts().list().size());
        assertEquals("Trip to Lyon", web.store.conflicts().list().get(0).lostValue());
        String named = (String) chromium.await("return !document.getElementById('toast').hidden"
                + " && document.getElementById('toast-text').textContent");
        assertTrue(named.contains("Changed on another device while you edited: Title."), named);
    }

    /**
     * The service worker keeps the last sidebar across page versions, so a page opened offline may read one an older
     * server sent, with the built-in views under {@code smart} (their key before {@code views}): it shows them.
     */
    @Test
    void offline_sidebarKeptFromAnOlderServer_showsItsBuiltInViews() {
        web = new WebFixture(dir);
        web.store.add("Milk", null, null);
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.pair().url());
        // Paired (the link is out of the address bar) and the worker in control: a reload's answers are kept.
        String views = "return document.querySelectorAll('#nav-views li').length === 6";
        chromium.await(views + " && !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        chromium.driver().navigate().refresh();
        chromium.await(views, Duration.ofSeconds(10));
        // The kept answer said as the older server said it: the same views under the older key.
        chromium.await("caches.open('tandem-api').then(async (c) => {"
                + " const kept = await c.match('/api/sidebar', { ignoreVary: true }); if (!kept) return;"
                + " const s = await kept.json(); if (!s.views) return;"
                + " s.smart = s.views; delete s.views;"
                + " await c.put('/api/sidebar', new Response(JSON.stringify(s), { headers: { 'Content-Type': 'application/json' } }));"
                + " window.older = true; }); return window.older === true", Duration.ofSeconds(10));

        web.server.close();
        chromium.driver().navigate().refresh();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        assertEquals("Inbox 1|Today 0|Upcoming 0|Agenda|Week|Completed", chromium.await(
                "const v = [...document.querySelectorAll('#nav-views li')].map(li => li.querySelector('.nav-label').textContent"
                + " + (li.querySelector('.count') ? ' ' + li.querySelector('.count').textContent : '')).join('|');"
                + " return v.includes('Completed') && v", Duration.ofSeconds(10)));
    }

    /**
     * A browser revoked on the desktop while its changes waited offline: when the server is back they are refused,
     * never applied, and shown on the page with their words to copy, even on the pairing screen it returns to.
     */
    @Test
    void revokedWhileOffline_waitingChangesAreNeverAppliedAndStayOnScreenToCopy() {
        web = new WebFixture(dir);
        Item milk = web.store.add("Milk", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        chromium.find("#quick-add").sendKeys("Buy stamps", Keys.ENTER);
        tick(milk);
        awaitWaiting(2);

        // Revoked while the server is away (as `tandem serve --revoke` writes the paired browsers' file), so no
        // retry of the page's can reach the server before the revocation does.
        WebServer.revoke(new SettingsStore(dir), Clock.systemUTC(),
                web.server.browsers().get(0).id());
        web.restartServer();
        chromium.js("window.dispatchEvent(new Event('online'))");
        chromium.await("return !document.getElementById('pair').hidden && !document.getElementById('held').hidden",
                Duration.ofSeconds(20));
        String held = (String) chromium.js("return document.getElementById('held-text').value");
        assertEquals("Add: Buy stamps\nComplete: Milk", held);
        assertTrue(((String) chromium.js("return document.getElementById('held-reason').textContent"))
                .startsWith("This browser is no longer paired"));
        assertEquals(1, web.store.allItems().size());
        assertTrue(!web.store.get(milk.id()).orElseThrow().isDone());

        // Paired again, the held changes are still not sent; they go only when the person dismisses them.
        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && !document.getElementById('held').hidden",
                Duration.ofSeconds(10));
        chromium.js("window.dispatchEvent(new Event('online'))");
        assertEquals(1, web.store.allItems().size());
        chromium.find("#held-dismiss").click();
        chromium.await("return document.getElementById('held').hidden");
        assertEquals(1, web.store.allItems().size());
    }

    /**
     * Changes queued offline (a todo added, a repeating todo completed and reopened, its notes edited; 80 times
     * over), then {@code tandem serve} killed with SIGKILL while it replays them (some committed, their answers
     * lost); the desktop edits the notes that landed; the server starts again: every change applied exactly once:
     * each todo once, each repeating todo one next occurrence, and no Conflict for the notes, since the page's
     * edit that landed is not applied a second time over the desktop's later one.
     */
    @Test
    void replay_serverKilledMidReplay_eachChangeLandsExactlyOnce() throws Exception {
        Path profile = dir.resolve("profile");
        int n = 80;
        List<String> weekly = new ArrayList<>();
        Files.createDirectories(profile);
        try (TodoStore store = new TodoStore(
                Schema.database(profile.resolve("tandem.db")).build(), Clock.systemUTC())) {
            SeriesStore series = new SeriesStore(store);
            for (int i = 0; i < n; i++) {
                Item it = store.add("Weekly " + i, null, LocalDate.now());
                series.setRepeat(it.id(), new Recurrence(Recurrence.Freq.WEEKLY, 1, Set.of(), 0));
                weekly.add(it.id());
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ServeProcess first = ServeProcess.start(profile, port);
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(first.pairingUrl());
        chromium.await("return !document.getElementById('app').hidden && !!navigator.serviceWorker.controller",
                Duration.ofSeconds(20));
        first.kill();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        chromium.js("import('/assets/outbox.js').then(m => arguments[0].forEach((id, i) => {"
                + " m.submit({ op: 'add', id: m.newId(), text: 'Offline ' + i, view: 'inbox' });"
                + " m.submit({ op: 'done', id, done: true }); m.submit({ op: 'done', id, done: false });"
                + " m.submit({ op: 'edit', id, set: { notes: 'phone ' + i }, base: { notes: '' } }); }))", weekly);
        awaitWaiting(4 * n);

        ServeProcess second = ServeProcess.start(profile, port);
        chromium.js("window.dispatchEvent(new Event('online'))");
        int landed = 0;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); landed < 5 && System.nanoTime() < end; ) {
            landed = ServeProcess.titles(profile, "Offline ").size();
        }
        second.kill();
        int atKill = ServeProcess.titles(profile, "Offline ").size();
        assertTrue(atKill > 0 && atKill < n, "killed mid-replay: " + atKill + " of " + n + " had landed");
        int edited = 0;
        try (TodoStore desktop = new TodoStore(
                Schema.database(profile.resolve("tandem.db")).build(), Clock.systemUTC())) {
            for (int i = 0; i < n; i++) {
                int k = i;
                if (("phone " + i).equals(desktop.get(weekly.get(i)).orElseThrow().notes())) {
                    desktop.update(weekly.get(i), it -> it.withNotes("desktop " + k));
                    edited++;
                }
            }
        }
        assertTrue(edited > 0, "some notes had landed before the kill");

        try (ServeProcess third = ServeProcess.start(profile, port)) {
            chromium.js("window.dispatchEvent(new Event('online'))");
            chromium.await("return document.getElementById('waiting').hidden", Duration.ofSeconds(60));
            List<String> added = ServeProcess.titles(profile, "Offline ");
            assertEquals(n, added.size(), "each todo once, none twice");
            assertEquals(n, new HashSet<>(added).size());
            Map<String, Long> occurrences = ServeProcess.titles(profile, "Weekly ").stream()
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertEquals(n, occurrences.size());
            assertEquals(Map.of(2L, (long) n), occurrences.values().stream()
                    .collect(Collectors.groupingBy(c -> c, Collectors.counting())),
                    "each repeating todo completed once: itself and one next occurrence");
        }
        try (TodoStore desktop = new TodoStore(
                Schema.database(profile.resolve("tandem.db")).build(), Clock.systemUTC())) {
            assertEquals(List.of(), desktop.conflicts().list(), "a replayed edit is never applied again");
            long kept = weekly.stream().filter(id -> desktop.get(id).orElseThrow().notes().startsWith("desktop ")).count();
            assertEquals(edited, kept);
        }
    }
}

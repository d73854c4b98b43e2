package dev.tandem.app.web;

import static dev.tandem.app.web.WebFixture.awaitStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The phone that never waits, in Debian's Chromium at phone size: with the server stopped, a todo is added,
 * another ticked, a repeating one completed, notes edited and a subtask added; the page is reloaded, and the
 * browser closed and started again, all offline; then the server is back and the desktop's profile holds each
 * change exactly once, one next occurrence, and a Conflict for the field the desktop changed meanwhile.
 */
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
        web.close();
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
        awaitWaiting(5);
        // The desktop changes the trip's title meanwhile.
        web.store.update(trip.id(), i -> i.withTitle("Trip to Paris"));

        chromium.driver().navigate().refresh();
        chromium.await("return document.getElementById('ed-title').value === 'Trip to Lyon'"
                + " && document.querySelector('#notes-view .notes-plain').textContent === 'Train at 8'", Duration.ofSeconds(10));
        awaitWaiting(5);

        // The browser closed and started again, still offline: the page opens from the service worker.
        String url = chromium.driver().getCurrentUrl();
        chromium.close();
        chromium = Chromium.start(Chromium.Size.PHONE, browserProfile);
        chromium.open(url.replaceAll("#.*", "") + "#v=inbox");
        awaitWaiting(5);
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
        assertEquals(1, web.store.db().conflicts().list().size());
        assertEquals("Trip to Lyon", web.store.db().conflicts().list().get(0).lostValue());
        String named = (String) chromium.await("return !document.getElementById('toast').hidden"
                + " && document.getElementById('toast-text').textContent");
        assertTrue(named.contains("Changed on another device while you edited: Title."), named);
    }
}

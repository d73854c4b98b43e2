package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;

import dev.tandem.app.model.outline.OutlineStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change made on the desktop while the page has hundreds of rows loaded by scrolling: an edit, an insert, a
 * delete and a move each show where the view puts them, among the rows loaded, and in Upcoming (a flat view) the
 * page patches its rows in place, so a row no change touched is still the element it was. The Inbox (a list's
 * outline) of one level of todos is patched the same way; with subtasks, an edit is patched in place and a row
 * added, gone or moved draws the outline again from the patched rows, as loaded ({@link WebOutlinePatchPageTest}
 * with sections and 2,000 rows). What is
 * right is what the server answers for the view with as many rows. Offline reading stays true: a patch is never
 * kept by the service worker, and the page hidden after patches fetches its view whole once, to be kept.
 */
@Tag("browser")
class WebLivePatchPageTest {
    private static final int LOADED = 600;

    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session session;
    Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        session = web.pair();
        LocalDate today = web.store.today();
        web.store.writeAll(tx -> {
            for (int i = 0; i < 700; i++) {
                tx.save(Item.create("Todo " + i, null, today.plusDays(1 + i % 60), 1_000_000L + i));
            }
            return null;
        });
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void upcoming_600RowsLoaded_editInsertDeleteAndMovePatchedInPlace() throws Exception {
        show("upcoming");
        List<String> ids = expected("upcoming");
        chromium.js("document.querySelector('#items > .item').kept = true");

        web.store.update(ids.get(3), it -> it.withTitle("Renamed on the desktop"));
        assertShows("upcoming");
        assertEquals("Renamed on the desktop", chromium.js("return document.querySelectorAll('#items > .item')[3]"
                + ".querySelector('.item-title').textContent"));
        Item added = web.store.add("Added on the desktop", null, web.store.get(ids.get(300)).orElseThrow().dueDate());
        assertShows("upcoming");
        assertTrue(expected("upcoming").contains(added.id()), "the insert lands among the rows loaded");
        web.store.trash(ids.get(400));
        assertShows("upcoming");
        web.store.update(ids.get(10), it -> it.withDue(web.store.today().plusDays(45)));
        assertShows("upcoming");
        int at = expected("upcoming").indexOf(ids.get(10));
        assertTrue(at > 400 && at < LOADED, "moved down among the rows loaded: " + at);

        assertEquals(Boolean.TRUE, chromium.js("return document.querySelector('#items > .item').kept === true"),
                "the rows no change touched are the elements they were: patched, not drawn again");
        assertEquals(700L, chromium.js("return Number(document.getElementById('more').textContent.match(/of ([\\d,]+)/)[1]"
                + ".replace(',', ''))"), "the total counts the insert and the delete");
    }

    @Test
    void inbox_oneLevel600RowsLoaded_editInsertDeleteAndMovePatchedInPlace() throws Exception {
        // The todos were made without places in their list: the first move gives every one a key (a change of 700
        // items, which the page fetches whole); the moves after it change one item each.
        String first = web.store.query(new Listing.BuiltInListing(Listing.BuiltIn.INBOX)).get(0).id();
        new OutlineStore(web.store).move(first, new OutlineStore.Target(null, null, null, null));
        show("inbox");
        List<String> ids = expected("inbox");
        chromium.js("window.keptRow = document.querySelectorAll('#items .item')[1]");

        web.store.update(ids.get(5), it -> it.withTitle("Renamed on the desktop"));
        assertShows("inbox");
        web.store.add("Added on the desktop", null, null);
        assertShows("inbox");
        web.store.trash(ids.get(200));
        assertShows("inbox");
        new OutlineStore(web.store).move(ids.get(8), new OutlineStore.Target(null, null, null, ids.get(300)));
        assertShows("inbox");
        int at = expected("inbox").indexOf(ids.get(8));
        assertTrue(at > 200 && at < LOADED, "moved down among the rows loaded: " + at);

        assertEquals(Boolean.TRUE, chromium.js("return document.getElementById('items').contains(window.keptRow)"),
                "the rows no change touched are the elements they were: patched, not drawn again");
    }

    @Test
    void inbox_withSubtasks600RowsLoaded_editInPlaceAndAMoveDrawsTheOutlineAgain() throws Exception {
        List<Item> top = web.store.query(new Listing.BuiltInListing(Listing.BuiltIn.INBOX)).subList(0, 3);
        new OutlineStore(web.store).move(top.get(2).id(), new OutlineStore.Target(null, top.get(0).id(), null, null));
        show("inbox");
        List<String> ids = expected("inbox");
        chromium.js("window.keptRow = document.querySelectorAll('#items .item')[1]");

        web.store.update(ids.get(5), it -> it.withTitle("Renamed on the desktop"));
        assertShows("inbox");
        assertEquals(Boolean.TRUE, chromium.js("return document.getElementById('items').contains(window.keptRow)"),
                "an edit is patched in place");
        web.store.trash(ids.get(200));
        assertShows("inbox");
        new OutlineStore(web.store).move(ids.get(8), new OutlineStore.Target(null, null, null, ids.get(300)));
        assertShows("inbox");
        assertEquals(1L, chromium.js("return document.querySelectorAll('#items .subitems > .item').length"),
                "the subtask still shows under its parent");
    }

    @Test
    void offline_afterPatches_theKeptViewIsRenewedWhenHiddenAndNoPatchIsKept() throws Exception {
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        show("upcoming");
        List<String> ids = expected("upcoming");
        web.store.update(ids.get(3), it -> it.withTitle("Renamed while shown"));
        assertShows("upcoming");
        String view = (String) chromium.js("return location.origin + '/api/items?view=upcoming&limit='"
                + " + document.querySelectorAll('#items .item').length");
        String kept = "return caches.open('tandem-api').then(c => c.match(arguments[0])).then(r => r ? r.text() : '')";
        assertFalse(((String) chromium.js(kept, view)).contains("Renamed while shown"), "a patch does not renew it");

        // Another tab in front hides the page: it fetches its view whole once, and the service worker keeps it.
        String page = chromium.driver().getWindowHandle();
        chromium.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        chromium.driver().switchTo().window(page);
        chromium.await(kept + ".then(t => t.includes('Renamed while shown'))", Duration.ofSeconds(10), view);
        assertEquals(0L, chromium.js("return caches.open('tandem-api').then(c => c.keys())"
                + ".then(k => k.filter(r => new URL(r.url).pathname === '/api/rows').length)"), "no patch is kept");
    }

    /** Opens view {@code v} and scrolls until at least {@link #LOADED} rows are loaded. */
    private void show(String v) {
        chromium.js("location.hash = '#v=" + v + "'");
        chromium.await("return document.getElementById('items').dataset.view === arguments[0]"
                + " && document.querySelectorAll('#items .item').length >= 200", Duration.ofSeconds(20), v);
        while ((Long) chromium.js("return document.querySelectorAll('#items .item').length") < LOADED) {
            long before = (Long) chromium.js("return document.querySelectorAll('#items .item').length");
            chromium.js("document.getElementById('more').scrollIntoView()");
            chromium.await("return document.querySelectorAll('#items .item').length > arguments[0]",
                    Duration.ofSeconds(20), before);
        }
    }

    /** The ids the server answers for view {@code v}'s first {@link #LOADED} rows, in order. */
    @SuppressWarnings("unchecked")
    private List<String> expected(String v) throws Exception {
        long limit = (Long) chromium.js("return document.querySelectorAll('#items .item').length");
        Map<String, Object> answer = JsonText.object(web.get("/api/items?view=" + v + "&limit=" + limit, session).body());
        return ((List<Map<String, Object>>) answer.get("items")).stream().map(m -> (String) m.get("id")).toList();
    }

    /** Waits until the page's rows, ids and titles, are what the server answers now for as many rows. */
    @SuppressWarnings("unchecked")
    private void assertShows(String v) throws Exception {
        String rows = "[...document.querySelectorAll('#items .item')].map(e => e.dataset.id + '='"
                + " + e.querySelector('.item-title').textContent).join('\\n')";
        Map<String, Object> answer = JsonText.object(web.get("/api/items?view=" + v + "&limit=" + LOADED, session).body());
        String want = String.join("\n", ((List<Map<String, Object>>) answer.get("items")).stream()
                .map(m -> m.get("id") + "=" + m.get("title")).toList());
        try {
            chromium.await("return " + rows + " === arguments[0]", Duration.ofSeconds(10), want);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(want, chromium.js("return " + rows), "the page's rows after the change");
            throw e;
        }
    }
}

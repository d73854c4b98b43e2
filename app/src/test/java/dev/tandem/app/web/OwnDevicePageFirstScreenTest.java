package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device draws its first screen from the answers it kept when it last showed, before its
 * replica is rebuilt, then draws it afresh from the replica (docs/WEB.md, "The first screen at once"). Set up as
 * the other own-device tests (OwnDevicePage: S3Proxy through a relay, the page published, the desktop's command
 * line). A script given to each new document notes every state of the rows with the page's marker
 * ({@code data-first-screen}: kept, then fresh) and whether the replica was rebuilt yet; where a test holds the
 * opening, it also holds the reading of the replica's record (IndexedDB's readonly transaction of the device's store
 * completes only once the test lets it), so the moment before the replica is ready lasts as long as the test needs.
 */
@Tag("browser")
class OwnDevicePageFirstScreenTest {
    /** Notes in window.seen each state of the rows: the marker, the titles, whether the replica was rebuilt. */
    private static final String WATCH = "window.seen = [];"
            + " new MutationObserver(() => { if (!document.body) return;"
            + "   const mark = document.body.dataset.firstScreen || '';"
            + "   const titles = [...document.querySelectorAll('#items .item .item-title')].map((e) => e.textContent);"
            + "   const key = mark + '|' + titles.join('\\n'); const last = window.seen[window.seen.length - 1];"
            + "   if (!last || last.key !== key) window.seen.push({ key, mark, titles,"
            + "     replica: performance.getEntriesByName('tandem:replica').length > 0 });"
            + " }).observe(document, { subtree: true, childList: true, attributes: true,"
            + "   attributeFilter: ['data-first-screen'] });";
    /** The row in the middle of the screen: its title and how far from the top it is. */
    private static final String MIDDLE_ROW = "const row = document.elementFromPoint(innerWidth / 2, innerHeight / 2)"
            + ".closest('.item'); return [row.querySelector('.item-title').textContent,"
            + " Math.round(row.getBoundingClientRect().top)]";
    /** Holds the reading of the device's records (the replica's among them) until window.release(). */
    private static final String HOLD = "window.held = new Promise((r) => { window.release = r; });"
            + " const d = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');"
            + " Object.defineProperty(IDBTransaction.prototype, 'oncomplete', { configurable: true,"
            + "   get() { return d.get.call(this); },"
            + "   set(fn) { const hold = this.mode === 'readonly' && [...this.objectStoreNames].includes('device');"
            + "     d.set.call(this, hold ? (ev) => window.held.then(() => fn.call(this, ev)) : fn); } });";
    /** Reads the store key and the record "screen", opened with the page's own device-seal.js, into k, seal and r. */
    private static final String OPENED = "const seal = await import(new URL('assets/device-seal.js', document.baseURI).href);"
            + " const [k, raw] = await new Promise((resolve, reject) => {"
            + "   const o = indexedDB.open('tandem-device'); o.onerror = () => reject(o.error);"
            + "   o.onsuccess = () => { const s = o.result.transaction('device').objectStore('device');"
            + "     const k = s.get('storeKey'); const g = s.get('screen');"
            + "     g.onsuccess = () => { o.result.close(); resolve([k.result, g.result]); }; }; });"
            + " const r = await seal.openText(k, 'screen', raw);";
    /** The kept first screen's record, opened: resolves with a script's function of it (arguments[0] its source). */
    private static final String RECORD = "return (async () => {" + OPENED
            + " return new Function('r', arguments[0])(r); })()";
    /**
     * Replaces the record with what the script arguments[0] returns (given the record as it is, opened): a string
     * sealed as the page seals, anything else put as it is (a record that does not open).
     */
    private static final String PLANT = "return (async () => {" + OPENED
            + " const v = new Function('r', arguments[0])(r);"
            + " const put = typeof v === 'string' ? await seal.seal(k, 'screen', v) : v;"
            + " return new Promise((resolve, reject) => {"
            + "   const o = indexedDB.open('tandem-device'); o.onerror = () => reject(o.error);"
            + "   o.onsuccess = () => { const t = o.result.transaction('device', 'readwrite');"
            + "     t.objectStore('device').put(put, 'screen');"
            + "     t.oncomplete = () => { o.result.close(); resolve(true); }; t.onerror = () => reject(t.error); }; }); })()";

    @TempDir
    Path desktop;
    @TempDir
    Path profile;
    OwnDevicePage own;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    /** The shown rows' titles, in their order. */
    private List<?> rows() {
        return (List<?>) js("return [...document.querySelectorAll('#items .item .item-title')].map((e) => e.textContent)");
    }

    /** Waits until the kept record names {@code title}: the page kept what it drew. */
    private void awaitKept(String title) {
        chromium.await(RECORD, OwnDevicePage.SYNC,
                "return typeof r === 'string' && r.includes(" + quoted(title) + ")");
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {@code n} more todos in the desktop's profile ("Todo number 0"…), written as WebFixture seeds them. */
    private void seed(int n) {
        try (TodoStore store = TodoStore.open(Schema.database(desktop.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            WebFixture.seed(store, n);
        }
    }

    /** Each new document of the browser runs {@code script} before the page's own. */
    private void onEveryDocument(String script) {
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    @Test
    void reopenedOffline_keptRowsBeforeTheReplicaThenFresh_latestShownAndTypingScrollAndTickKept() {
        own = new OwnDevicePage(desktop).quick();
        seed(40);
        own.tandem("add", "Desk one");
        chromium = own.publishAndJoin("Desk one", profile);
        own.awaitWorker();
        // Another device's change, synced by the open page's own check: what it then shows is what it keeps.
        own.tandem("add", "Desk two");
        own.desktopSync();
        own.awaitRow("Desk two");
        awaitKept("Desk two");
        List<?> shown = rows();
        assertEquals(42, shown.size(), shown.toString());

        // The browser quits (its profile kept) and opens the page again with the storage gone, its replica held back.
        chromium.close();
        own.chromium = null;
        own.relay.cut();
        chromium = OwnDevicePage.quickTimers(Chromium.start(Chromium.Size.PHONE, profile));
        own.chromium = chromium;
        onEveryDocument(WATCH + HOLD);
        chromium.open(own.pageUrl());
        chromium.await("return document.body.dataset.firstScreen === 'kept'"
                + " && document.querySelectorAll('#items .item').length > 0", OwnDevicePage.JOIN);
        assertEquals(shown, rows(), "the rows last shown, the desktop's latest change among them");
        assertEquals(0L, js("return performance.getEntriesByName('tandem:replica').length"), "drawn before the replica");
        assertEquals("42", js("return document.querySelector('#nav-views .nav-item[data-view=inbox] .count').textContent"),
                "the sidebar kept too");

        // Meanwhile the person ticks the last row, types into quick add and scrolls down.
        String ticked = (String) js("const rows = document.querySelectorAll('#items .item');"
                + " const last = rows[rows.length - 1]; last.querySelector('.item-done').click();"
                + " return last.querySelector('.item-title').textContent");
        chromium.find("#quick-add").sendKeys("Half typed");
        js("window.scrollTo(0, 400)");
        List<?> middle = (List<?>) js(MIDDLE_ROW);
        assertTrue(((Number) js("return window.scrollY")).doubleValue() > 0, "the rows scroll");
        assertEquals("kept", js("return document.body.dataset.firstScreen"), "all of it before the replica");

        js("window.release()");
        chromium.await("return document.body.dataset.firstScreen === 'fresh'", OwnDevicePage.JOIN);
        // The tick waited for the replica and applied: gone from the Inbox, one change waiting for the storage.
        chromium.await("return ![...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === arguments[0])", OwnDevicePage.SYNC, ticked);
        chromium.await("return document.getElementById('device-sync-text').textContent"
                + ".includes('1 change waits for the next sync')", OwnDevicePage.SYNC);
        assertEquals("Half typed", js("return document.getElementById('quick-add').value"));
        assertEquals("quick-add", js("return document.activeElement.id"), "the caret stays in quick add");
        List<?> after = (List<?>) js(MIDDLE_ROW);
        assertEquals(middle.get(0), after.get(0), "the same row in the middle of the screen");
        assertTrue(Math.abs(((Number) middle.get(1)).doubleValue() - ((Number) after.get(1)).doubleValue()) <= 2,
                "where it was: " + middle + " then " + after);
        List<?> fresh = rows();
        assertEquals(41, fresh.size(), fresh.toString());
        assertFalse(fresh.contains(ticked), fresh.toString());

        // What was seen: the kept rows before the replica, then the replica's own.
        List<?> kept = (List<?>) js("return window.seen.filter((s) => s.mark === 'kept' && s.titles.length)"
                + ".map((s) => [s.replica, s.titles.length])");
        assertFalse(kept.isEmpty(), "kept rows were drawn");
        assertEquals(List.of(false, 42L), kept.get(0), "the kept rows came before the replica, all 42");
        assertEquals(Boolean.TRUE, js("return window.seen.some((s) => s.mark === 'fresh' && s.replica)"));
    }

    @Test
    void keptCopyJunkOversizedOrTooManyRows_opensFromTheReplicaAsWithoutOne_andAnHonestStaleOneIsReplaced() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        own.tandem("add", "Desk two");
        chromium = own.publishAndJoin("Desk two", null);
        own.awaitWorker();
        awaitKept("Desk two");
        List<?> shown = rows();
        own.relay.cut();
        onEveryDocument(WATCH);

        // Planted over the record the page wrote (r), each opened with the storage gone.
        String rowsPlanted = "const k = JSON.parse(r); k.views[0][1].items = Array.from({ length: N },"
                + " (_, i) => ({ id: 'planted-' + i, title: 'Planted ' + i })); return JSON.stringify(k);";
        Map<String, String> junk = new LinkedHashMap<>();
        junk.put("not JSON", "return '{\"format\": 1, ' + r;");
        junk.put("2 MB", "return JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024), ...JSON.parse(r) });");
        junk.put("no string", "return JSON.parse(r);");
        junk.put("another format", "const k = JSON.parse(r); k.format = 2; return JSON.stringify(k);");
        junk.put("another language", "const k = JSON.parse(r); k.lang = 'de'; return JSON.stringify(k);");
        junk.put("a sidebar's lists no array", "const k = JSON.parse(r); k.sidebar.lists = { length: 1 }; return JSON.stringify(k);");
        junk.put("a row no object", "const k = JSON.parse(r); k.views[0][1].items[0] = 'row'; return JSON.stringify(k);");
        junk.put("201 rows", rowsPlanted.replace("length: N", "length: 201"));
        for (Map.Entry<String, String> j : junk.entrySet()) {
            String good = (String) chromium.js(RECORD, "return r");
            assertTrue(good != null && good.contains("Desk two"), j.getKey() + ": " + good);
            chromium.js(PLANT, j.getValue());
            chromium.driver().navigate().refresh();
            chromium.await("return document.body.dataset.firstScreen === 'fresh'", OwnDevicePage.JOIN);
            own.awaitRow("Desk two");
            assertEquals(shown, rows(), j.getKey());
            assertEquals(Boolean.FALSE, js("return window.seen.some((s) => s.mark === 'kept')"),
                    j.getKey() + ": no kept screen drawn");
            // Kept again from the replica's answers.
            chromium.await(RECORD, OwnDevicePage.SYNC, "return typeof r === 'string' && r.length < 1e6"
                    + " && JSON.parse(r).format === 1 && r.includes('Desk two') && !r.includes('Planted')");
        }

        // Within every bound, but not what the replica says (200 rows no device has): drawn, then the fresh view wins.
        chromium.js(PLANT, rowsPlanted.replace("length: N", "length: 200"));
        chromium.driver().navigate().refresh();
        chromium.await("return document.body.dataset.firstScreen === 'fresh'", OwnDevicePage.JOIN);
        own.awaitRow("Desk two");
        assertEquals(shown, rows(), "the replica's rows replace the stale copy's");
        assertEquals(List.of(200L, false), js("const k = window.seen.find((s) => s.mark === 'kept' && s.titles.length);"
                + " return [k.titles.length, k.replica]"), "the planted rows drawn first, before the replica");
    }
}

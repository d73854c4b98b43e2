package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device keeps its records in the browser sealed under a store key the browser does not export
 * (docs/WEB.md, "What the browser keeps, and how"), read here as raw IndexedDB records from the page's own origin:
 * after joining an S3Proxy remote and adding a todo, no record of "tandem-device" or "tandem-files" holds the
 * remote's secret key, its access key, the todo's title or a kept file's text, and the store key is a non-extractable
 * CryptoKey; the page opens offline from them. Records as an older page kept them (plain JSON, no store key) are read
 * and rewritten sealed on the first load. The attacker: records changed in the browser's storage while the page is
 * closed (a byte flipped in the settings' or the replica's ciphertext, the kept screen put in the replica's place)
 * make the page say it cannot read its data and offer to forget the remote here, with no error thrown; a changed kept
 * screen is only skipped.
 */
@Tag("browser")
class OwnDevicePageSealedTest {
    private static final String TITLE = "Quince marmalade for Zephyrine 7Q3Z";
    private static final String FILE_TEXT = "Xylophone invoice 88K2 kept here";
    /** Every record of the databases named, as {"db/store/key": value}; a database this origin lacks is skipped. */
    private static final String DUMP = "const have = (await indexedDB.databases()).map((d) => d.name); const res = {};"
            + " for (const name of dbs.filter((n) => have.includes(n))) await new Promise((ok, no) => {"
            + "   const o = indexedDB.open(name); o.onerror = () => no(o.error);"
            + "   o.onsuccess = () => { const db = o.result; const stores = [...db.objectStoreNames];"
            + "     if (!stores.length) { db.close(); ok(); return; } const t = db.transaction(stores);"
            + "     for (const n of stores) { const s = t.objectStore(n); s.getAllKeys().onsuccess = (e) => {"
            + "       const keys = e.target.result; s.getAll().onsuccess = (f) => keys.forEach((k, i) => {"
            + "         res[name + '/' + n + '/' + k] = f.target.result[i]; }); }; }"
            + "     t.oncomplete = () => { db.close(); ok(); }; }; });";
    /**
     * Every raw record's strings, keys and bytes (as Latin-1) flattened into one text, the records' names, the store
     * key's facts, and for each record that must be sealed whether it is; arguments[0] names the databases.
     */
    private static final String RAW = "return (async () => { const dbs = arguments[0];" + DUMP
            + " const out = []; const flat = (v) => { if (v == null) return;"
            + "   if (typeof v !== 'object') { out.push(String(v)); return; }"
            + "   if (v instanceof CryptoKey) { out.push('[CryptoKey]'); return; }"
            + "   if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {"
            + "     const b = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);"
            + "     let s = ''; for (const x of b) s += String.fromCharCode(x); out.push(s); return; }"
            + "   for (const [k, x] of Object.entries(v)) { out.push(k); flat(x); } };"
            + " for (const [k, v] of Object.entries(res)) { out.push(k); flat(v); }"
            + " const sk = res['tandem-device/device/storeKey'];"
            + " const sealed = (v) => !!v && v.v === 1 && v.iv instanceof Uint8Array && v.data instanceof ArrayBuffer;"
            + " return { text: out.join('\\n'), names: Object.keys(res).sort(),"
            + "   storeKey: sk instanceof CryptoKey ? [sk.type, sk.extractable, sk.algorithm.name, sk.algorithm.length] : null,"
            + "   sealed: Object.keys(res).filter((k) => k.startsWith('tandem-device/device/') && k !== 'tandem-device/device/key'"
            + "     && k !== 'tandem-device/device/storeKey' || k.startsWith('tandem-files/bytes/')).map((k) => [k, sealed(res[k])]) };"
            + "})()";
    /** The page's own sealing module (arguments[0]: the page's address). */
    private static final String SEAL = "const seal = await import(new URL('assets/device-seal.js', arguments[0]).href);";
    /** The page's own device store: the module instance the page uses (the same address). */
    private static final String STORE = "const store = await import(new URL('assets/device-store.js', document.baseURI).href);";
    /** Whether the record "screen" is kept (arguments[0]: ['tandem-device']). */
    private static final String HAS_SCREEN = "return (async () => { const dbs = arguments[0];" + DUMP
            + " return !!res['tandem-device/device/screen']; })()";
    /**
     * Runs arguments[1] (a function body of seal, rec: the raw records, put) and keeps what it put; arguments[0] is the
     * page's address.
     */
    private static final String CHANGE = "return (async () => { const dbs = ['tandem-device'];" + DUMP + SEAL
            + " const rec = {}; for (const [k, v] of Object.entries(res)) rec[k.split('/')[2]] = v;"
            + " const puts = []; const put = (k, v) => puts.push([k, v]);"
            + " await new Function('rec', 'seal', 'put', 'return (async () => {' + arguments[1] + '})()')(rec, seal, put);"
            + " await new Promise((ok, no) => { const o = indexedDB.open('tandem-device'); o.onerror = () => no(o.error);"
            + "   o.onsuccess = () => { const t = o.result.transaction('device', 'readwrite'); const s = t.objectStore('device');"
            + "     for (const [k, v] of puts) { if (v === undefined) s.delete(k); else s.put(v, k); }"
            + "     t.oncomplete = () => { o.result.close(); ok(); }; t.onerror = () => no(t.error); }; });"
            + " return true; })()";

    @TempDir
    Path desktop;
    OwnDevicePage own;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    /** Joined, the todo TITLE added and synced, the worker in control. */
    private void joinAndAdd() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        chromium = own.publishAndJoin("Desk one", null);
        chromium.find("#quick-add").sendKeys(TITLE + "\n");
        own.awaitRow(TITLE);
        own.awaitSynced();
        own.awaitWorker();
        // Errors thrown from any later document of this page are kept for the test to see.
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.thrown = []; addEventListener('error', (e) => window.thrown.push(String(e.message)));"
                        + " addEventListener('unhandledrejection', (e) => window.thrown.push(String(e.reason)));"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> raw() {
        return (Map<String, Object>) chromium.js(RAW, List.of("tandem-device", "tandem-files"));
    }

    /**
     * Changes the raw records by {@code body} (see CHANGE) while the page is closed, then opens it again. The page
     * leaves for a blank document of its origin first: open, it keeps its records again whenever a sync ends (one
     * may still start after the sync line said synced: its check sees the marker its own push changed) or a screen
     * is drawn, and a write landing between the change and the reload would undo the change.
     */
    private void changeAndReload(String body) {
        String page = own.pageUrl();
        chromium.js("location.href = 'about:blank'");
        // The blank document has the page's origin (window.origin; location.origin is about:blank's own, "null").
        chromium.await("return location.href === 'about:blank' && window.origin === arguments[0]", OwnDevicePage.SYNC,
                own.origin);
        chromium.js(CHANGE, page, body);
        chromium.open(page);
    }

    private void assertNothingReadable(Map<String, Object> raw) {
        String text = (String) raw.get("text");
        for (String secret : List.of(own.s3.credential(), own.s3.identity(), TITLE, "Quince", FILE_TEXT, "Desk one")) {
            assertFalse(text.contains(secret), secret + " is in a raw record: " + raw.get("names"));
        }
        assertEquals(List.of("secret", false, "AES-GCM", 256L), raw.get("storeKey"));
        for (Object pair : (List<?>) raw.get("sealed")) {
            assertEquals(true, ((List<?>) pair).get(1), pair + " is sealed");
        }
    }

    /** The page's words saying it cannot read what it kept, with only Forget this remote offered; nothing thrown. */
    private void assertSaysUnreadable() {
        chromium.await("return document.getElementById('loading').textContent.startsWith('Tandem cannot read what it kept')",
                OwnDevicePage.SYNC);
        assertEquals(true, chromium.js("const shown = (id) => !!document.getElementById(id).offsetParent;"
                + " return document.getElementById('app').hidden && shown('device-forget') && !shown('device-sync-now')"));
        assertEquals(List.of(), chromium.js("return window.thrown"));
    }

    @Test
    void joined_rawRecords_holdNoCredentialTitleOrFileAndOpenOffline() {
        joinAndAdd();
        // A file kept here, through the page's own store (the module instance the page uses).
        chromium.js("return (async () => {" + STORE
                + " await store.filesBackend.put('f1', { bytes: new TextEncoder().encode(arguments[0]), size: 32,"
                + "   opened: 1, pending: true }); return true; })()", FILE_TEXT);
        Map<String, Object> raw = raw();
        assertTrue(((List<?>) raw.get("names")).containsAll(List.of("tandem-device/device/settings",
                "tandem-device/device/state", "tandem-device/device/storeKey", "tandem-files/bytes/f1")), raw.get("names").toString());
        assertNothingReadable(raw);

        own.relay.cut();
        chromium.driver().navigate().refresh();
        own.awaitRow(TITLE);
        assertEquals(FILE_TEXT, chromium.js("return (async () => {" + STORE
                + " return new TextDecoder().decode((await store.filesBackend.get('f1')).bytes); })()"));
        assertEquals(List.of(), chromium.js("return window.thrown"));
    }

    @Test
    void recordsKeptPlainByAnOlderPage_firstLoad_sealsThemAndWorks() {
        joinAndAdd();
        chromium.await(HAS_SCREEN, OwnDevicePage.SYNC, List.of("tandem-device"));
        // As the page before sealing wrote them: state and screen as JSON text, settings as an object, no store key.
        changeAndReload("const k = rec.storeKey;"
                + " put('state', await seal.openText(k, 'state', rec.state));"
                + " put('settings', JSON.parse(await seal.openText(k, 'settings', rec.settings)));"
                + " if (rec.screen) put('screen', await seal.openText(k, 'screen', rec.screen));"
                + " put('storeKey', undefined);");
        own.awaitRow(TITLE);
        assertEquals(1L, chromium.js("return performance.getEntriesByName('tandem:kept-screen').length"),
                "the plain kept screen read as before");
        // Sealed in one transaction as the page started: the store key is there with the sealed records.
        assertNothingReadable(raw());
        chromium.find("#quick-add").sendKeys("After the sealing\n");
        own.awaitRow("After the sealing");
        own.awaitSynced();
        chromium.driver().navigate().refresh();
        own.awaitRow("After the sealing");
        assertEquals(List.of(), chromium.js("return window.thrown"));
    }

    @Test
    void settingsCiphertextFlipped_reload_saysUnreadableAndForgetLeadsToJoin() {
        joinAndAdd();
        changeAndReload("const d = new Uint8Array(rec.settings.data.slice(0)); d[5] ^= 1;"
                + " put('settings', { ...rec.settings, data: d.buffer });");
        assertSaysUnreadable();
        chromium.click("#device-forget");
        chromium.click("#device-forget-yes");
        chromium.await("return !document.getElementById('join').hidden", OwnDevicePage.SYNC);
        assertEquals(0L, chromium.js("return indexedDB.databases().then((d) => d.filter((x) => x.name === 'tandem-device').length)"));
    }

    @Test
    void stateCiphertextFlipped_reload_saysUnreadable() {
        joinAndAdd();
        changeAndReload("const d = new Uint8Array(rec.state.data.slice(0)); d[d.length - 1] ^= 0x80;"
                + " put('state', { ...rec.state, data: d.buffer });");
        assertSaysUnreadable();
    }

    @Test
    void screenPutInTheStatesPlace_reload_saysUnreadable() {
        joinAndAdd();
        chromium.await(HAS_SCREEN, OwnDevicePage.SYNC, List.of("tandem-device"));
        changeAndReload("put('state', rec.screen);");
        assertSaysUnreadable();
    }

    @Test
    void screenCiphertextFlipped_reload_skipsTheKeptScreenAndWorks() {
        joinAndAdd();
        chromium.await(HAS_SCREEN, OwnDevicePage.SYNC, List.of("tandem-device"));
        changeAndReload("const d = new Uint8Array(rec.screen.data.slice(0)); d[0] ^= 1;"
                + " put('screen', { ...rec.screen, data: d.buffer });");
        own.awaitRow(TITLE);
        assertEquals(0L, chromium.js("return performance.getEntriesByName('tandem:kept-screen').length"),
                "the changed kept screen is not drawn");
        assertEquals("fresh", chromium.await("return document.body.dataset.firstScreen", OwnDevicePage.SYNC));
        assertEquals(List.of(), chromium.js("return window.thrown"));
    }
}

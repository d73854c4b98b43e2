package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.text.TodoDraft;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.TimeoutException;

/**
 * The page as its own device opens with its storage gone, page files included: {@code tandem page publish} puts the
 * page under {@code page/} of an S3Proxy bucket that answers reads without credentials, and S3Proxy is reached through a relay
 * (TcpOutage) for the page's files and for the remote alike, so cutting the relay takes the whole origin away, for
 * the page and for its service worker. Joined, the open page shows a todo the desktop syncs without being asked
 * to sync (its check of the remote's change marker); the page's worker (scoped to {@code page/}) has kept every published
 * file, and the page's requests to the remote go to the network without it (its static route); the reload shows the todos from IndexedDB, a todo added then waits, and once the relay is back Sync now
 * sends it and the desktop's next sync lists it. A second publish with changed files (the words of another language)
 * is a new worker whose cache replaces the old one; the page, now German, shows the chips of a todo typed in German
 * ("Zahnarzt übermorgen um 14 Uhr für 30 Minuten") as the desktop's quick add shows them as it is typed, reads it as the
 * desktop does, and the desktop lists it due the day after tomorrow; "Party feb 30" typed then shows the desktop's
 * warning, in German. A browser quit with a change waiting and started again on its
 * profile while the storage is still cut opens the page from its worker with the todos and the waiting change, and
 * sends it by itself once the storage answers (its check of the change marker, which finds it answering again).
 * Sync now asks for a sync until one succeeds: when the sync the tap started fails all the same (the storage back,
 * its first requests failing), the next sync that succeeds clears the failure line; a failure with no tap since
 * stays after a later success, until Dismiss. Sync now, Dismiss and Forget this remote… stay where they are whatever the
 * sync line says (synced, a change waiting, a failure or none; and words set for the check, at a phone's size and a
 * desktop's, left to right and right to left), so the test taps them where they are, as a person does; Forget overlaps
 * nothing else of the line and is wholly on screen.
 */
@Tag("browser")
class OwnDevicePageOfflineTest {
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

    /** The names of this origin's caches, sorted. */
    private List<?> caches() {
        return (List<?>) chromium.js("return caches.keys().then((k) => k.sort())");
    }

    /**
     * Waits until a new worker took over and only its cache is left (not {@code before}). A browser looks for a new
     * worker at each navigation, and one whose install failed (a file of the hundred it keeps not fetched, as under
     * load) is tried again at the next: the wait asks again, once a second, whenever no new worker is on its way, as
     * those navigations would. Each new worker's states (installed, activated; redundant: its install failed) are kept
     * in {@code window.installs} for the failure message.
     */
    private void awaitNewWorker(String before) {
        chromium.js("window.installs = []; window.asked = Date.now(); return navigator.serviceWorker.getRegistration().then((r) => {"
                + " r.addEventListener('updatefound', () => { const w = r.installing;"
                + " w.addEventListener('statechange', () => window.installs.push(w.state)); });"
                + " return r.update().then(() => true, (e) => window.installs.push('update: ' + e)); })");
        try {
            chromium.await("return navigator.serviceWorker.getRegistration().then((r) => {"
                    + " if (!r.installing && !r.waiting && Date.now() - window.asked > 1000) {"
                    + "   window.asked = Date.now(); r.update().catch((e) => window.installs.push('update: ' + e)); }"
                    + " return caches.keys(); }).then((k) => k.length === 1 && k[0] !== arguments[0])", OwnDevicePage.JOIN,
                    before);
        } catch (TimeoutException e) {
            throw new AssertionError("no new worker took over; installs: " + chromium.js("return window.installs")
                    + ", caches: " + caches(), e);
        }
    }

    @Test
    void ownDevice_reloadWithStorageGone_showsReplicaAndSendsChangeOnceBack() {
        own = new OwnDevicePage(desktop).quick();
        String bucket = own.bucket;
        own.tandem("add", "Desk one");
        chromium = own.publishAndJoin("Desk one", null);
        chromium.find("#quick-add").sendKeys("Page online\n");
        own.awaitRow("Page online");
        own.awaitSynced();
        // The desktop syncs a todo; the shown page notices (its check of the remote's change marker) and syncs.
        own.tandem("add", "Desk two");
        own.desktopSync();
        own.awaitRow("Desk two");
        // The worker took the page over once it had kept every published file (install before activate).
        own.awaitWorker();
        List<?> kept = caches();
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).toString().matches("tandem-shell-v\\d+-[0-9a-f]{12}@/" + bucket + "/page/"),
                kept.toString());
        assertEquals("/" + bucket + "/page/", chromium.js("return navigator.serviceWorker.getRegistration()"
                + ".then((r) => new URL(r.scope).pathname)"));
        // The page's requests to the remote (its check of the change marker every few seconds among them) go to the
        // network without waking the worker (sw.js, its static route), so none of them holds a new publish's worker.
        chromium.await("return performance.getEntriesByType('resource').some((e) => e.name.includes(arguments[0])"
                + " && e.workerMatchedSourceType === 'network')", OwnDevicePage.SYNC, "/" + bucket + "/tandem/changed");

        own.relay.cut();
        chromium.driver().navigate().refresh();
        // Shown from IndexedDB, its files from the worker.
        own.awaitSortedTitles(List.of("Desk one", "Desk two", "Page online"));
        assertTrue(chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", OwnDevicePage.SYNC).toString()
                .startsWith("Sync failed: "), "the storage is gone, and the page says so");
        chromium.find("#quick-add").sendKeys("Added while gone\n");
        own.awaitRow("Added while gone");
        chromium.await("return document.getElementById('device-sync-text').textContent"
                + ".includes('1 change waits for the next sync')", OwnDevicePage.SYNC);

        own.relay.restore();
        chromium.press("#device-sync-now");
        own.awaitSynced();
        own.desktopSync();
        String open = own.tandem("list", "--json").out();
        assertTrue(open.contains("\"Added while gone\""), open);
        assertTrue(open.contains("\"Page online\""), open);

        // A new publish (its words changed) is a new worker; once it took over, only its cache is left.
        own.publish("de");
        String before = kept.get(0).toString();
        awaitNewWorker(before);

        // The page in German reads quick add in German, as the desktop's quick add in German does.
        chromium.driver().navigate().refresh();
        chromium.await("return document.documentElement.lang === 'de'", OwnDevicePage.SYNC);
        own.awaitRow("Page online");
        String typed = "Zahnarzt übermorgen um 14 Uhr für 30 Minuten";
        chromium.find("#quick-add").sendKeys(typed);
        // As it is typed, quick add's chips say what it read, in German, as the desktop's quick add shows them.
        String chips = Messages.in(Language.GERMAN, () -> TodoDraft.parse(typed, LocalDate.now()).tokens().stream()
                .map(t -> "chip-" + t.kind().name().toLowerCase(Locale.ROOT) + ": " + t.label()).collect(Collectors.joining(" | ")));
        assertTrue(chips.startsWith("chip-date: Fällig: ") && chips.contains("chip-time: Um 14:00"), chips);
        try {
            chromium.await("return [...document.querySelectorAll('#quick-add-chips .chip')].map((c) => c.className.slice(5)"
                    + " + ': ' + c.textContent).join(' | ') === arguments[0]", OwnDevicePage.SYNC, chips);
        } catch (TimeoutException e) {
            throw new AssertionError("chips " + chromium.js("return document.getElementById('quick-add-chips').textContent")
                    + ", the desktop's: " + chips, e);
        }
        chromium.find("#quick-add").sendKeys("\n");
        own.awaitRow("Zahnarzt");
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synchronisiert um') && !t.includes('wartet')", OwnDevicePage.SYNC);
        own.desktopSync();
        String german = own.tandem("list", "--json").out();
        String day = LocalDate.now().plusDays(2).toString();
        assertTrue(german.matches("(?s).*\"title\":\\s*\"Zahnarzt\",\\s*\"notes\":\\s*[^,]*,\\s*\"due\":\\s*\"" + day
                + "\",\\s*\"dueTime\":\\s*\"14:00\",\\s*\"durationMinutes\":\\s*30,.*"), day + " 14:00, 30 min in " + german);
        // A date that is none is said as it is typed, in German, as the desktop's quick add says it.
        String party = "Party feb 30";
        String warning = Messages.in(Language.GERMAN, () -> TodoDraft.parse(party, LocalDate.now()).warning());
        assertEquals("„feb 30“ ist kein Datum und bleibt im Titel", warning);
        chromium.find("#quick-add").sendKeys(party);
        chromium.await("const w = document.querySelector('#quick-add-chips .chip-warning');"
                + " return w !== null && w.textContent === arguments[0]", OwnDevicePage.SYNC, warning);
    }

    /** Waits until the failure line is shown and no sync is under way: the last sync failed. */
    private void awaitFailed() {
        chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && !document.getElementById('device-sync-text').textContent.startsWith('Syncing')", OwnDevicePage.SYNC);
    }

    @Test
    void syncNow_theSyncTheTapStartedFails_aLaterSuccessClearsTheFailureButNotOneWithoutATap() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        chromium = own.publishAndJoin("Desk one", null);
        // While window.failing, the page's requests to the remote fail as on a connection that drops (the core takes
        // a fetch rejected with a TypeError for no answer); its own files (page/) pass.
        chromium.js("const plain = window.fetch; window.failing = false; window.fetch = (u, i) => window.failing"
                + " && !String(u).includes('/page/') ? Promise.reject(new TypeError('dropped')) : plain(u, i)");

        List<?> synced = places();

        own.relay.cut();
        chromium.find("#quick-add").sendKeys("Added while gone\n");
        own.awaitRow("Added while gone");
        awaitFailed();
        // The line now says a change waits and the sync failed: Sync now has not moved, so a tap lands on it.
        assertSamePlaces(synced, places(), "synced, then failed with a change waiting");
        // The storage is back, but the sync the tap starts fails; the check, once the storage answers, syncs again.
        chromium.js("window.failing = true");
        own.relay.restore();
        chromium.click("#device-sync-now");
        awaitFailed();
        chromium.js("window.failing = false");
        own.awaitSynced();
        own.desktopSync();
        assertTrue(own.tandem("list", "--json").out().contains("\"Added while gone\""), "the change sent once back");

        // A failure with no tap since stays after the next sync succeeds, until Dismiss.
        chromium.js("window.failing = true");
        chromium.find("#quick-add").sendKeys("Added while failing\n");
        own.awaitRow("Added while failing");
        awaitFailed();
        chromium.js("window.failing = false");
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')", OwnDevicePage.SYNC);
        assertFalse((Boolean) chromium.js("return document.getElementById('device-sync-error').hidden"),
                "the failure stays said until the person acts");
        chromium.click("#device-sync-dismiss");
        chromium.await("return document.getElementById('device-sync-error').hidden", OwnDevicePage.SYNC);

        // Whatever the line says, at a phone's size and a desktop's, left to right and right to left.
        for (Chromium.Size size : Chromium.Size.values()) {
            chromium.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width,
                    "height", size.height, "deviceScaleFactor", 2, "mobile", size == Chromium.Size.PHONE));
            for (String dir : List.of("ltr", "rtl")) {
                chromium.js("document.documentElement.dir = arguments[0]", dir);
                List<?> first = null;
                for (String words : List.of("Syncing…", "Synced at 09:41.", "Synced at 09:41. 12 changes wait for the"
                        + " next sync.", "Synchronisiert um 09:41. 12 Änderungen warten auf die nächste Synchronisierung.")) {
                    for (String failure : new String[] {"Sync failed: the storage at https://s3.eu-central-1.example.com"
                            + " gave no answer within 30 seconds", null}) {
                        List<?> now = places(words, failure);
                        first = first == null ? now : first;
                        String when = size + " " + dir + ", the line saying " + words + (failure == null ? "" : ", failed");
                        assertSamePlaces(first, now, when);
                        assertEquals(List.of(), forgetCovers(), "Forget overlaps these or is off screen (" + when + ")");
                    }
                }
            }
        }
    }

    /** The buttons of the sync line that must not move, in the order {@link #places()} reads them. */
    private static final List<String> BUTTONS = List.of("Sync now", "Dismiss", "Forget this remote…");

    /** Where Sync now, Dismiss and Forget this remote… are on screen, as {x, y} (null for one not shown). */
    private List<?> places() {
        return (List<?>) chromium.js("return ['device-sync-now', 'device-sync-dismiss', 'device-forget'].map((id) => {"
                + " const e = document.getElementById(id); if (!e.checkVisibility()) return null;"
                + " const r = e.getBoundingClientRect(); return [r.x, r.y]; })");
    }

    /** The same, the line saying {@code words} and the failure {@code failure} (null: none), laid out in the same script. */
    private List<?> places(String words, String failure) {
        chromium.js("document.getElementById('device-sync-text').textContent = arguments[0];"
                + " document.getElementById('device-sync-error-text').textContent = arguments[1] || '';"
                + " document.getElementById('device-sync-error').hidden = !arguments[1]", words, failure);
        return places();
    }

    /**
     * What Forget this remote… overlaps among the line's other parts shown (their ids), or "off screen" when it is not
     * wholly in the window or something else is on top of its middle: empty when a person sees it and can tap it.
     */
    private List<?> forgetCovers() {
        return (List<?>) chromium.js("const f = document.getElementById('device-forget'); const b = f.getBoundingClientRect();"
                + " const x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2; const top = document.elementFromPoint(x, y);"
                + " const off = !f.checkVisibility() || b.left < 0 || b.top < 0 || b.right > innerWidth || b.bottom > innerHeight"
                + " || !(top && f.contains(top)) ? ['off screen'] : [];"
                + " return off.concat(['device-sync-text', 'device-sync-error-text', 'device-sync-dismiss', 'device-sync-now']"
                + " .filter((id) => { const e = document.getElementById(id); if (!e.checkVisibility()) return false;"
                + " const r = e.getBoundingClientRect(); return r.left < b.right - 0.5 && b.left < r.right - 0.5"
                + " && r.top < b.bottom - 0.5 && b.top < r.bottom - 0.5; }))");
    }

    /** Each button shown in both {@code before} and {@code now} is within 1 px of where it was, across and down. */
    private static void assertSamePlaces(List<?> before, List<?> now, String when) {
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) instanceof List<?> b && now.get(i) instanceof List<?> n) {
                for (int axis = 0; axis < 2; axis++) {
                    double moved = ((Number) n.get(axis)).doubleValue() - ((Number) b.get(axis)).doubleValue();
                    assertTrue(Math.abs(moved) <= 1, BUTTONS.get(i) + " moved from " + b + " to " + n
                            + " (" + when + ")");
                }
            }
        }
    }

    @Test
    void ownDevice_browserRestartedWithStorageGone_opensFromWorkerWithTheWaitingChangeAndSendsItOnceBack() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        chromium = own.publishAndJoin("Desk one", profile);
        chromium.find("#quick-add").sendKeys("Page online\n");
        own.awaitRow("Page online");
        own.awaitSynced();
        own.awaitWorker();

        own.relay.cut();
        chromium.find("#quick-add").sendKeys("Added before the restart\n");
        own.awaitRow("Added before the restart");
        chromium.await("return document.getElementById('device-sync-text').textContent"
                + ".includes('1 change waits for the next sync')", OwnDevicePage.SYNC);
        // Chromium quits (its profile kept), as a phone's browser closed; it starts again with the storage still gone.
        chromium.close();
        own.chromium = null;
        chromium = OwnDevicePage.quickTimers(Chromium.start(Chromium.Size.PHONE, profile));
        own.chromium = chromium;
        chromium.open(own.pageUrl());
        own.awaitRow("Added before the restart", OwnDevicePage.JOIN);
        // The todos from IndexedDB, the page's files from the worker.
        own.awaitSortedTitles(List.of("Added before the restart", "Desk one", "Page online"));
        assertTrue((Boolean) chromium.js("return navigator.serviceWorker.controller !== null"), "opened by the worker");
        assertTrue(chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", OwnDevicePage.SYNC).toString()
                .startsWith("Sync failed: "), "the storage is still gone, and the page says so");
        chromium.await("return document.getElementById('device-sync-text').textContent"
                + ".includes('1 change waits for the next sync')", OwnDevicePage.SYNC);
        String before = own.tandem("sync", "--remote", own.remote).out() + own.tandem("list", "--json").out();
        assertTrue(!before.contains("Added before the restart"), "not sent yet: " + before);

        // Back: the page's check of the storage (every 2.5 s, here 400 ms) finds it answering and syncs by itself, no Sync now.
        own.relay.restore();
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')", OwnDevicePage.SYNC);
        own.desktopSync();
        String open = own.tandem("list", "--json").out();
        assertTrue(open.contains("\"Added before the restart\""), open);
        assertTrue(open.contains("\"Page online\""), open);
    }
}

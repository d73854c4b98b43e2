package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device, with no {@code tandem serve} anywhere: {@code tandem page publish} puts its files, the
 * JavaScript core, the npm packages' browser builds and its words under {@code page/} of an S3Proxy bucket that
 * answers reads without credentials (public-read), and the page is opened from that origin (through the relay of
 * {@link OwnDevicePage}) in Debian's Chromium at phone size; the desktop's profile syncs to {@code tandem/} in the
 * same bucket. The page
 * joins (a wrong passphrase first: refused with a sentence, nothing stored), shows the desktop's todos, adds one
 * online and one with the remote out of reach (Chromium blocks its URLs), completes one, is reloaded while the remote
 * is still out of reach (its todos come from IndexedDB), syncs once it is back (Sync now tapped while a sync that
 * started out of reach is still under way and fails after the tap: the requested sync's success clears that
 * failure); the desktop's next sync lists the page's todos and the completion. The join screen and the Inbox with its sync line pass axe-core. A second run
 * shows a desktop subtask under its parent, a dated todo in the Agenda's Tomorrow and search, then makes a conflict
 * (the desktop and the page each edit a title without seeing the other's, the relay cut), shows it in Conflicts and takes the
 * lost value, which the desktop's next sync lists; the Agenda and Conflicts pass axe-core.
 */
@Tag("browser")
class OwnDevicePageTest {
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

    private void quickAdd(String text) {
        chromium.find("#quick-add").sendKeys(text + "\n");
        own.awaitRow(text);
    }

    private void block(String bucket, boolean blocked) {
        chromium.driver().executeCdpCommand("Network.enable", Map.of());
        // The remote's objects and listings; the page's own files (page/) stay reachable.
        chromium.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked
                ? List.of("*/" + bucket + "?*", "*/" + bucket + "/tandem/*") : List.of()));
    }

    @Test
    void ownDevice_joinsAddsOfflineAndOnlineCompletes_desktopListsItAll() {
        own = new OwnDevicePage(desktop).quick();
        String bucket = own.bucket;
        own.tandem("add", "Desk one");
        own.tandem("add", "Desk two");
        own.desktopSync();
        // The page at the bucket's page/, beside the data's tandem/: blocking the remote's URLs leaves it reachable.
        String page = own.s3.endpoint() + "/" + bucket + "/page/index.html";
        String published = own.publish("en").out();
        assertTrue(published.contains("Open it at: " + page), published);

        Axe axe = Axe.load();
        chromium = own.openJoin(Chromium.Size.PHONE, null);
        List<String> violations = new ArrayList<>(axe.violations(chromium, "join"));
        own.fillJoin();
        own.fill("join-passphrase", "not the passphrase");
        chromium.click("#join-submit");
        Object refused = chromium.await("return document.getElementById('join-error').textContent", OwnDevicePage.JOIN);
        assertEquals("That passphrase does not open this remote. Nothing was stored; type it again.", refused);
        assertEquals(0L, chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                + " 'tandem-device').length)"), "a wrong passphrase stores nothing");

        own.fill("join-passphrase", OwnDevicePage.PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", OwnDevicePage.JOIN);
        own.awaitRow("Desk one");
        own.awaitRow("Desk two");
        assertTrue(document("join-passphrase").isEmpty(), "the passphrase is not left in the page");

        quickAdd("Page online");
        own.awaitSynced();

        block(bucket, true);
        quickAdd("Page offline");
        chromium.js("[...document.querySelectorAll('#items .item')].find((r) => r.querySelector('.item-title')"
                + ".textContent === 'Desk one').querySelector('.item-done').click()");
        chromium.await("return ![...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === 'Desk one')", OwnDevicePage.SYNC);
        Object failed = chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", OwnDevicePage.SYNC);
        assertTrue(failed.toString().startsWith("Sync failed: "), failed.toString());
        violations.addAll(axe.violations(chromium, "inbox with a failed sync"));
        assertEquals(List.of(), violations);
        assertTrue(chromium.js("return document.getElementById('device-sync-text').textContent").toString()
                .contains("wait for the next sync"));

        chromium.driver().navigate().refresh();
        // Shown from IndexedDB.
        own.awaitSortedTitles(List.of("Desk two", "Page offline", "Page online"));
        chromium.await("return !document.getElementById('device-sync-error').hidden", OwnDevicePage.SYNC);

        // A sync in flight when the person taps Sync now, which fails only after the tap: its requests (all but the
        // marker's check) held until then and failed, each attempt, until the next sync checks the marker.
        chromium.js("const plain = window.fetch; window.held = []; window.holding = true;"
                + " window.fetch = (u, i) => String(u).endsWith('/changed') ? (window.failing = false, plain(u, i))"
                + " : window.failing ? Promise.reject(new TypeError('sent before Sync now'))"
                + " : window.holding ? new Promise((go) => window.held.push(go)).then(() => window.fetch(u, i))"
                + " : plain(u, i); dispatchEvent(new Event('online'))");
        chromium.await("return window.held.length > 0", OwnDevicePage.SYNC);
        block(bucket, false);
        chromium.press("#device-sync-now");
        chromium.js("window.holding = false; window.failing = true; window.held.forEach((go) => go())");
        own.awaitSynced();

        own.desktopSync();
        String open = own.tandem("list", "--json").out();
        String all = own.tandem("list", "--all", "--json").out();
        for (String title : List.of("Page online", "Page offline", "Desk two")) {
            assertTrue(open.contains("\"" + title + "\""), title + " in " + open);
        }
        assertFalse(open.contains("\"Desk one\""), "completed on the phone: " + open);
        assertTrue(all.contains("\"Desk one\""), all);
    }

    @Test
    void ownDevice_desktopAndPageEditOffline_conflictShownAndTheLostValueReachesTheDesktop() {
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Plan trip");
        Matcher found = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"Plan trip\"")
                .matcher(own.tandem("list", "--json").out());
        assertTrue(found.find());
        String id = found.group(1);
        own.tandem("add", "Pack bags", "--parent", id);
        own.tandem("add", "Dentist", "--due", LocalDate.now().plusDays(1).toString());
        own.desktopSync();
        own.publish("en");

        chromium = own.join(OwnDevicePage.JOIN);
        own.awaitRow("Pack bags");
        own.awaitSynced();
        assertEquals("Plan trip", chromium.js("const t = [...document.querySelectorAll('#items .item-title')]"
                + ".find((e) => e.textContent === 'Pack bags'); return t.closest('.item').parentElement.closest('.item')"
                + ".querySelector('.item-title').textContent"), "the subtask is drawn under its parent");

        String page = own.pageUrl();
        chromium.open(page + "#v=agenda");
        Object tomorrow = chromium.await("const d = [...document.querySelectorAll('#items .day')].find((x) =>"
                + " x.querySelector('.day-heading').textContent.startsWith('Tomorrow'));"
                + " return d && [...d.querySelectorAll('.item-title')].map((e) => e.textContent).join()",
                OwnDevicePage.SYNC);
        assertEquals("Dentist", tomorrow);
        List<String> violations = new ArrayList<>(Axe.load().violations(chromium, "agenda"));
        chromium.open(page + "#v=search&q=dent");
        own.awaitRow("Dentist");
        assertEquals(List.of("Dentist"), own.titles(), "search finds only what has the word");
        chromium.open(page + "#v=inbox");
        own.awaitRow("Plan trip");

        // Each side edits the title without having seen the other's edit (the storage out of the page's reach: the
        // relay cut, or its check of the change marker would fetch the desktop's first); the page's is the later change.
        own.relay.cut();
        own.tandem("edit", id, "--title", "Plan trip to Rome");
        own.desktopSync();
        chromium.await("const open = document.querySelector(arguments[0]); if (open) open.click();"
                + " return document.getElementById('ed-title').value === 'Plan trip'",
                OwnDevicePage.SYNC, ".item[data-id=\"" + id + "\"] .item-open");
        chromium.find("#ed-title").sendKeys(" to Oslo");
        chromium.find("#save").click();
        chromium.await("return document.getElementById('save').disabled", OwnDevicePage.SYNC);
        own.relay.restore();
        chromium.press("#device-sync-now");
        own.awaitSynced();

        chromium.open(page + "#v=conflicts");
        Object card = chromium.await("const c = document.querySelector('#panel .conflict'); return c && c.textContent",
                OwnDevicePage.SYNC);
        assertTrue(card.toString().contains("Kept") && card.toString().contains("Plan trip to Oslo")
                && card.toString().contains("Lost") && card.toString().contains("Plan trip to Rome"), card.toString());
        violations.addAll(Axe.load().violations(chromium, "conflicts"));
        assertEquals(List.of(), violations);
        chromium.click("#panel .conflict button.primary");
        chromium.await("return !document.querySelector('#panel .conflict')"
                + " && document.getElementById('empty').textContent.startsWith('No conflicts')", OwnDevicePage.SYNC);
        own.awaitSynced();

        own.desktopSync();
        String open = own.tandem("list", "--json").out();
        assertTrue(open.contains("\"Plan trip to Rome\""), open);
        assertFalse(open.contains("Oslo"), open);
    }

    private String document(String id) {
        return String.valueOf(chromium.js("return document.getElementById(arguments[0]).value", id));
    }
}

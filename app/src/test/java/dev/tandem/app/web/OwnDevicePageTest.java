package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
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
 * answers reads without credentials (public-read), and the page is opened from S3Proxy's own origin in Debian's
 * Chromium at phone size; the desktop's profile syncs to {@code tandem/} in the same bucket. The page
 * joins (a wrong passphrase first: refused with a sentence, nothing stored), shows the desktop's todos, adds one
 * online and one with the remote out of reach (Chromium blocks its URLs), completes one, is reloaded while the remote
 * is still out of reach (its todos come from IndexedDB), syncs once it is back; the desktop's next sync lists the
 * page's todos and the completion. The join screen and the Inbox with its sync line pass axe-core. A second run
 * shows a desktop subtask under its parent, a dated todo in the Agenda's Tomorrow and search, then makes a conflict
 * (the desktop and the page each edit a title without seeing the other's), shows it in Conflicts and takes the
 * lost value, which the desktop's next sync lists; the Agenda and Conflicts pass axe-core.
 */
@Tag("browser")
class OwnDevicePageTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(20);

    @TempDir
    Path desktop;
    Chromium chromium;
    S3ProxyServer s3;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private CliRun.Result tandem(S3ProxyServer s3, String... args) {
        CliRun.Result r = CliRun.run(Map.of("AWS_ENDPOINT_URL", s3.endpoint(), "AWS_ACCESS_KEY_ID", s3.identity(),
                "AWS_SECRET_ACCESS_KEY", s3.credential(), "AWS_REGION", s3.region(), "TANDEM_PASSPHRASE", PASSPHRASE),
                desktop, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    /** The shown row whose title is {@code title}, as a selector-free script: true once it is there. */
    private void awaitRow(String title) {
        chromium.await("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === arguments[0])", SYNC, title);
    }

    private List<?> titles() {
        return (List<?>) chromium.js("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".map((e) => e.textContent).sort()");
    }

    private void quickAdd(String text) {
        chromium.find("#quick-add").sendKeys(text + "\n");
        awaitRow(text);
    }

    private void fill(String id, String value) {
        chromium.js("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void block(String bucket, boolean blocked) {
        chromium.driver().executeCdpCommand("Network.enable", Map.of());
        // The remote's objects and listings; the page's own files (page/) stay reachable.
        chromium.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked
                ? List.of("*/" + bucket + "?*", "*/" + bucket + "/tandem/*") : List.of()));
    }

    private void awaitSynced() {
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')"
                + " && document.getElementById('device-sync-error').hidden", SYNC);
    }

    @Test
    void ownDevice_joinsAddsOfflineAndOnlineCompletes_desktopListsItAll() {
        s3 = S3ProxyServer.builder().anonymous().start();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        tandem(s3, "add", "Desk one");
        tandem(s3, "add", "Desk two");
        tandem(s3, "sync", "--remote", remote);
        // The page at the bucket's page/, beside the data's tandem/: blocking the remote's URLs leaves it reachable.
        String page = s3.endpoint() + "/" + bucket + "/page/index.html";
        String published = tandem(s3, "--lang", "en", "page", "publish", "--remote", "s3://" + bucket).out();
        assertTrue(published.contains("Open it at: " + page), published);

        chromium = Chromium.start(Chromium.Size.PHONE);
        Axe axe = Axe.load();
        List<String> violations = new ArrayList<>();
        openJoin(s3, bucket, axe, violations);
        fill("join-passphrase", "not the passphrase");
        chromium.click("#join-submit");
        Object refused = chromium.await("return document.getElementById('join-error').textContent", JOIN);
        assertEquals("That passphrase does not open this remote. Nothing was stored; type it again.", refused);
        assertEquals(0L, chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                + " 'tandem-device').length)"), "a wrong passphrase stores nothing");

        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", JOIN);
        awaitRow("Desk one");
        awaitRow("Desk two");
        assertTrue(document("join-passphrase").isEmpty(), "the passphrase is not left in the page");

        quickAdd("Page online");
        awaitSynced();

        block(bucket, true);
        quickAdd("Page offline");
        chromium.js("[...document.querySelectorAll('#items .item')].find((r) => r.querySelector('.item-title')"
                + ".textContent === 'Desk one').querySelector('.item-done').click()");
        chromium.await("return ![...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === 'Desk one')", SYNC);
        Object failed = chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", SYNC);
        assertTrue(failed.toString().startsWith("Sync failed: "), failed.toString());
        violations.addAll(axe.violations(chromium, "inbox with a failed sync"));
        assertEquals(List.of(), violations);
        assertTrue(chromium.js("return document.getElementById('device-sync-text').textContent").toString()
                .contains("wait for the next sync"));

        chromium.driver().navigate().refresh();
        awaitRow("Page offline");
        assertEquals(List.of("Desk two", "Page offline", "Page online"), titles(), "shown from IndexedDB");
        chromium.await("return !document.getElementById('device-sync-error').hidden", SYNC);

        block(bucket, false);
        chromium.click("#device-sync-now");
        awaitSynced();

        tandem(s3, "sync", "--remote", remote);
        String open = tandem(s3, "list", "--json").out();
        String all = tandem(s3, "list", "--all", "--json").out();
        for (String title : List.of("Page online", "Page offline", "Desk two")) {
            assertTrue(open.contains("\"" + title + "\""), title + " in " + open);
        }
        assertFalse(open.contains("\"Desk one\""), "completed on the phone: " + open);
        assertTrue(all.contains("\"Desk one\""), all);
    }

    /** Opens the published page and fills the join screen for {@code bucket}, all but the passphrase. */
    private void openJoin(S3ProxyServer s3, String bucket, Axe axe, List<String> violations) {
        chromium.open(s3.endpoint() + "/" + bucket + "/page/index.html");
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        if (axe != null) {
            violations.addAll(axe.violations(chromium, "join"));
        }
        fill("join-endpoint", s3.endpoint());
        fill("join-bucket", bucket);
        fill("join-prefix", "tandem");
        fill("join-region", s3.region());
        fill("join-access-key", s3.identity());
        fill("join-secret-key", s3.credential());
        fill("join-name", "Anna’s phone");
    }

    @Test
    void ownDevice_desktopAndPageEditOffline_conflictShownAndTheLostValueReachesTheDesktop() {
        s3 = S3ProxyServer.builder().anonymous().start();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        tandem(s3, "add", "Plan trip");
        Matcher found = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"Plan trip\"")
                .matcher(tandem(s3, "list", "--json").out());
        assertTrue(found.find());
        String id = found.group(1);
        tandem(s3, "add", "Pack bags", "--parent", id);
        tandem(s3, "add", "Dentist", "--due", LocalDate.now().plusDays(1).toString());
        tandem(s3, "sync", "--remote", remote);
        tandem(s3, "--lang", "en", "page", "publish", "--remote", "s3://" + bucket);

        chromium = Chromium.start(Chromium.Size.PHONE);
        openJoin(s3, bucket, null, null);
        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", JOIN);
        awaitRow("Pack bags");
        awaitSynced();
        assertEquals("Plan trip", chromium.js("const t = [...document.querySelectorAll('#items .item-title')]"
                + ".find((e) => e.textContent === 'Pack bags'); return t.closest('.item').parentElement.closest('.item')"
                + ".querySelector('.item-title').textContent"), "the subtask is drawn under its parent");

        String page = s3.endpoint() + "/" + bucket + "/page/index.html";
        chromium.open(page + "#v=agenda");
        Object tomorrow = chromium.await("const d = [...document.querySelectorAll('#items .day')].find((x) =>"
                + " x.querySelector('.day-heading').textContent.startsWith('Tomorrow'));"
                + " return d && [...d.querySelectorAll('.item-title')].map((e) => e.textContent).join()", SYNC);
        assertEquals("Dentist", tomorrow);
        List<String> violations = new ArrayList<>(Axe.load().violations(chromium, "agenda"));
        chromium.open(page + "#v=search&q=dent");
        awaitRow("Dentist");
        assertEquals(List.of("Dentist"), titles(), "search finds only what has the word");
        chromium.open(page + "#v=inbox");
        awaitRow("Plan trip");

        // Each side edits the title without having seen the other's edit (the remote out of the page's reach, or its
        // check of the change marker would fetch the desktop's first); the page's is the later change.
        block(bucket, true);
        tandem(s3, "edit", id, "--title", "Plan trip to Rome");
        tandem(s3, "sync", "--remote", remote);
        chromium.await("const open = document.querySelector(arguments[0]); if (open) open.click();"
                + " return document.getElementById('ed-title').value === 'Plan trip'",
                SYNC, ".item[data-id=\"" + id + "\"] .item-open");
        chromium.find("#ed-title").sendKeys(" to Oslo");
        chromium.find("#save").click();
        chromium.await("return document.getElementById('save').disabled", SYNC);
        block(bucket, false);
        chromium.click("#device-sync-now");
        awaitSynced();

        chromium.open(s3.endpoint() + "/" + bucket + "/page/index.html#v=conflicts");
        Object card = chromium.await("const c = document.querySelector('#panel .conflict'); return c && c.textContent",
                SYNC);
        assertTrue(card.toString().contains("Kept") && card.toString().contains("Plan trip to Oslo")
                && card.toString().contains("Lost") && card.toString().contains("Plan trip to Rome"), card.toString());
        violations.addAll(Axe.load().violations(chromium, "conflicts"));
        assertEquals(List.of(), violations);
        chromium.click("#panel .conflict button.primary");
        chromium.await("return !document.querySelector('#panel .conflict')"
                + " && document.getElementById('empty').textContent.startsWith('No conflicts')", SYNC);
        awaitSynced();

        tandem(s3, "sync", "--remote", remote);
        String open = tandem(s3, "list", "--json").out();
        assertTrue(open.contains("\"Plan trip to Rome\""), open);
        assertFalse(open.contains("Oslo"), open);
    }

    private String document(String id) {
        return String.valueOf(chromium.js("return document.getElementById(arguments[0]).value", id));
    }
}

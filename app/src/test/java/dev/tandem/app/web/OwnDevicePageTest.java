package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device, with no {@code tandem serve} anywhere: its files, the JavaScript core and the npm
 * packages' browser builds are public objects on S3Proxy (OwnDevicePageFiles), opened from S3Proxy's own origin in
 * Debian's Chromium at phone size; the desktop's profile syncs to {@code tandem/} in the same bucket. The page
 * joins (a wrong passphrase first: refused with a sentence, nothing stored), shows the desktop's todos, adds one
 * online and one with the remote out of reach (Chromium blocks its URLs), completes one, is reloaded while the remote
 * is still out of reach (its todos come from IndexedDB), syncs once it is back; the desktop's next sync lists the
 * page's todos and the completion. The join screen and the Inbox with its sync line pass axe-core.
 */
@Tag("browser")
class OwnDevicePageTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(20);

    @TempDir
    Path desktop;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
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
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        tandem(s3, "add", "Desk one");
        tandem(s3, "add", "Desk two");
        tandem(s3, "sync", "--remote", remote);
        try (var client = s3.newClient()) {
            assertTrue(OwnDevicePageFiles.publish(client, bucket, "page/") > 50);
        }

        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(s3.endpoint() + "/" + bucket + "/page/index.html");
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        Axe axe = Axe.load();
        List<String> violations = new ArrayList<>(axe.violations(chromium, "join"));
        fill("join-endpoint", s3.endpoint());
        fill("join-bucket", bucket);
        fill("join-prefix", "tandem");
        fill("join-region", s3.region());
        fill("join-access-key", s3.identity());
        fill("join-secret-key", s3.credential());
        fill("join-name", "Anna’s phone");
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

    private String document(String id) {
        return String.valueOf(chromium.js("return document.getElementById(arguments[0]).value", id));
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.TcpOutage;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device opens with its storage gone, page files included: {@code tandem page publish} puts the
 * page under {@code page/} of an S3Proxy bucket that answers reads without credentials, and S3Proxy is reached through a relay
 * (TcpOutage) for the page's files and for the remote alike, so cutting the relay takes the whole origin away, for
 * the page and for its service worker. Joined, the page's worker (scoped to {@code page/}) has kept every published
 * file; the reload shows the todos from IndexedDB, a todo added then waits, and once the relay is back Sync now
 * sends it and the desktop's next sync lists it. A second publish with changed files (the words of another language)
 * is a new worker whose cache replaces the old one.
 */
@Tag("browser")
class OwnDevicePageOfflineTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Duration JOIN = Duration.ofSeconds(60);
    private static final Duration SYNC = Duration.ofSeconds(20);

    @TempDir
    Path desktop;
    Chromium chromium;
    TcpOutage relay;
    S3ProxyServer s3;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (relay != null) {
            relay.close();
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

    private void awaitRow(String title) {
        chromium.await("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === arguments[0])", SYNC, title);
    }

    private List<?> titles() {
        return (List<?>) chromium.js("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".map((e) => e.textContent).sort()");
    }

    private void fill(String id, String value) {
        chromium.js("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void awaitSynced() {
        chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                + " return t.startsWith('Synced at') && !t.includes('wait')"
                + " && document.getElementById('device-sync-error').hidden", SYNC);
    }

    /** The names of this origin's caches, sorted. */
    private List<?> caches() {
        return (List<?>) chromium.js("return caches.keys().then((k) => k.sort())");
    }

    @Test
    void ownDevice_reloadWithStorageGone_showsReplicaAndSendsChangeOnceBack() {
        s3 = S3ProxyServer.builder().anonymous().start();
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket + "/tandem";
        tandem(s3, "add", "Desk one");
        tandem(s3, "sync", "--remote", remote);
        tandem(s3, "--lang", "en", "page", "publish", "--remote", "s3://" + bucket);
        relay = new TcpOutage(s3.port());
        String origin = "http://127.0.0.1:" + relay.port();

        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(origin + "/" + bucket + "/page/index.html");
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        fill("join-endpoint", origin);
        fill("join-bucket", bucket);
        fill("join-prefix", "tandem");
        fill("join-region", s3.region());
        fill("join-access-key", s3.identity());
        fill("join-secret-key", s3.credential());
        fill("join-name", "Anna’s phone");
        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", JOIN);
        awaitRow("Desk one");
        chromium.find("#quick-add").sendKeys("Page online\n");
        awaitRow("Page online");
        awaitSynced();
        // The worker took the page over once it had kept every published file (install before activate).
        chromium.await("return navigator.serviceWorker.controller !== null", JOIN);
        List<?> kept = caches();
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).toString().matches("tandem-shell-v\\d+-[0-9a-f]{12}@/" + bucket + "/page/"),
                kept.toString());
        assertEquals("/" + bucket + "/page/", chromium.js("return navigator.serviceWorker.getRegistration()"
                + ".then((r) => new URL(r.scope).pathname)"));

        relay.cut();
        chromium.driver().navigate().refresh();
        awaitRow("Page online");
        assertEquals(List.of("Desk one", "Page online"), titles(), "shown from IndexedDB, its files from the worker");
        assertTrue(chromium.await("return !document.getElementById('device-sync-error').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", SYNC).toString()
                .startsWith("Sync failed: "), "the storage is gone, and the page says so");
        chromium.find("#quick-add").sendKeys("Added while gone\n");
        awaitRow("Added while gone");
        chromium.await("return document.getElementById('device-sync-text').textContent"
                + ".includes('1 change waits for the next sync')", SYNC);

        relay.restore();
        chromium.click("#device-sync-now");
        awaitSynced();
        tandem(s3, "sync", "--remote", remote);
        String open = tandem(s3, "list", "--json").out();
        assertTrue(open.contains("\"Added while gone\""), open);
        assertTrue(open.contains("\"Page online\""), open);

        // A new publish (its words changed) is a new worker; once it took over, only its cache is left.
        tandem(s3, "--lang", "de", "page", "publish", "--remote", "s3://" + bucket);
        String before = kept.get(0).toString();
        chromium.js("return navigator.serviceWorker.getRegistration().then((r) => r.update())");
        chromium.await("return caches.keys().then((k) => k.length === 1 && k[0] !== arguments[0])", JOIN, before);
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.engine.testing.WebDavServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device on WebDAV: {@code tandem page publish} puts the page's files under {@code page/} of the
 * collection the desktop syncs to, and Apache httpd with mod_dav_fs on 127.0.0.1 serves them to anyone (GET, content
 * types from mod_mime) while the rest of the collection stays behind Basic auth, so the page and the remote share
 * one origin. The page joins the collection the desktop syncs to, lists the
 * desktop's todos, adds one and syncs it, and the desktop's next sync lists it; the desktop changes the passphrase,
 * the page's sync says so and takes the new one (a wrong one refused) without joining again; then Forget this remote, once
 * confirmed, deletes the page's database and shows the join screen.
 */
@Tag("browser")
class OwnDevicePageWebDavTest {
    private static final String PASSPHRASE = OwnDevicePage.PASSPHRASE;
    private static final Duration JOIN = OwnDevicePage.JOIN;
    private static final Duration SYNC = OwnDevicePage.SYNC;

    private static final String NEW_PASSPHRASE = "a new horse for a new stable";

    @TempDir
    Path desktop;
    String passphrase = PASSPHRASE;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private CliRun.Result tandem(String... args) {
        return tandemWith(Map.of("TANDEM_PASSPHRASE", passphrase), args);
    }

    private CliRun.Result tandemWith(Map<String, String> secrets, String... args) {
        Map<String, String> env = new java.util.HashMap<>(secrets);
        env.put("TANDEM_WEBDAV_USER", WebDavServer.USER);
        env.put("TANDEM_WEBDAV_PASSWORD", WebDavServer.PASSWORD);
        CliRun.Result r = CliRun.run(env, desktop, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private void awaitRow(String title) {
        OwnDevicePage.awaitRow(chromium, title, SYNC);
    }

    private void awaitSynced() {
        OwnDevicePage.awaitSynced(chromium, SYNC);
    }

    private void fill(String id, String value) {
        OwnDevicePage.fill(chromium, id, value);
    }

    /** How many databases named tandem-device this origin holds. */
    private long devices() {
        return (Long) chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                + " 'tandem-device').length)");
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void ownDevice_joinsApacheWebDav_addsAndDesktopListsIt() throws IOException, InterruptedException {
        WebDavServer dav = WebDavServer.shared(WebDavServer.Kind.APACHE);
        String collection = dav.newCollection();
        tandem("add", "Desk on WebDAV");
        tandem("sync", "--remote", "webdav:" + collection);
        String published = tandem("--lang", "en", "page", "publish", "--remote", "webdav:" + collection).out();
        assertTrue(published.contains("Open it at: " + collection + "page/index.html"), published);
        assertEquals(200, status(collection + "page/assets/device-core.js"), "the page's files need no password");
        assertEquals(401, status(collection), "the remote's do");

        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(collection + "page/index.html");
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        chromium.js("const r = document.querySelector('#join-form input[name=kind][value=webdav]');"
                + " r.checked = true; r.dispatchEvent(new Event('change'))");
        chromium.await("return !document.getElementById('join-webdav').hidden", SYNC);
        fill("join-url", collection);
        fill("join-user", WebDavServer.USER);
        fill("join-password", WebDavServer.PASSWORD);
        fill("join-name", "Anna’s phone");
        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden"
                + " || document.getElementById('join-error').textContent", JOIN);
        assertEquals("", chromium.js("return document.getElementById('join-error').textContent"));
        awaitRow("Desk on WebDAV");

        chromium.find("#quick-add").sendKeys("Page on WebDAV\n");
        awaitRow("Page on WebDAV");
        awaitSynced();

        tandem("sync", "--remote", "webdav:" + collection);
        String open = tandem("list", "--json").out();
        for (String title : List.of("Desk on WebDAV", "Page on WebDAV")) {
            assertTrue(open.contains("\"" + title + "\""), title + " in " + open);
        }

        // The passphrase changed on the desktop: the page's sync says so and takes the new one, replica kept.
        tandemWith(Map.of("TANDEM_PASSPHRASE", PASSPHRASE, "TANDEM_NEW_PASSPHRASE", NEW_PASSPHRASE),
                "passphrase", "change", "--remote", "webdav:" + collection);
        passphrase = NEW_PASSPHRASE;
        chromium.press("#device-sync-now");
        Object said = chromium.await("return !document.getElementById('device-retype').hidden"
                + " && document.getElementById('device-sync-error-text').textContent", SYNC);
        assertTrue(said.toString().contains("Enter the new passphrase"), said.toString());
        assertEquals(List.of(), Axe.load().violations(chromium, "the sync line asking for the new passphrase"));
        fill("device-retype-passphrase", "not it either");
        chromium.click("#device-retype-submit");
        assertEquals("That passphrase does not open this remote either; type it again.", chromium.await(
                "return document.getElementById('device-retype-error').textContent", JOIN));
        fill("device-retype-passphrase", NEW_PASSPHRASE);
        chromium.click("#device-retype-submit");
        chromium.await("return document.getElementById('device-retype').hidden", JOIN);
        awaitRow("Page on WebDAV");
        chromium.find("#quick-add").sendKeys("After the new passphrase\n");
        awaitRow("After the new passphrase");
        awaitSynced();
        tandem("sync", "--remote", "webdav:" + collection);
        String after = tandem("list", "--json").out();
        assertTrue(after.contains("\"After the new passphrase\""), after);

        // Forget this remote: asked first (Cancel keeps everything), then the database goes, key and replica with it.
        chromium.click("#device-forget");
        chromium.await("return !document.getElementById('device-forget-confirm').hidden", SYNC);
        chromium.click("#device-forget-no");
        assertEquals(1L, devices(), "cancelled: nothing forgotten");
        chromium.click("#device-forget");
        chromium.click("#device-forget-yes");
        chromium.await("return !document.getElementById('join').hidden", JOIN);
        assertEquals(0L, devices(), "forgotten: no database left");
        chromium.driver().navigate().refresh();
        chromium.await("return !document.getElementById('join').hidden", JOIN);
        assertEquals(0L, devices(), "the join screen again after a reload");
    }
}

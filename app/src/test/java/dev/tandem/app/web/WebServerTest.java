package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who gets in, and what they get: the server's access rules, tested over real HTTP. */
@Tag("unit")
class WebServerTest extends WebServerFixture {
    @Test
    void dataRoutes_withoutSession_answer401() throws Exception {
        Item it = web.store.add("Milk", null, null);
        for (String path : List.of("/api/session", "/api/sidebar", "/api/items?view=inbox", "/api/items/" + it.id(),
                "/api/conflicts", "/api/browsers", "/api/events")) {
            assertEquals(401, web.get(path, null).statusCode(), path);
        }
        for (String path : List.of("/api/outbox", "/api/parse", "/api/logout")) {
            assertEquals(401, web.post(path, "{\"text\":\"x\",\"done\":true}", null).statusCode(), path);
        }
        assertFalse(web.store.get(it.id()).orElseThrow().isDone());
    }

    @Test
    void staticPaths_serveOnlyThePage() throws Exception {
        HttpResponse<String> page = web.get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        Files.writeString(dir.resolve("secret.txt"), "profile data");
        for (String path : List.of("/tandem.db", "/secret.txt", "/web-browsers.properties", "/settings.properties",
                "/dev/tandem/ui/web/index.html", "/web/index.html", "/assets/../tandem.db", "/%2e%2e/tandem.db",
                "/assets/app.js.map", "/dev/tandem/ui/light.css")) {
            HttpResponse<String> r = web.get(path, null);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " answered " + r.statusCode());
            assertFalse(r.body().contains("profile data"), path);
        }
    }

    @Test
    void pair_tokenUsedTwice_secondRefused() throws Exception {
        Pairing p = web.server.pair();
        assertEquals(200, web.post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null).statusCode());
        assertEquals(401, web.post("/api/pair", "{\"token\":\"" + p.token() + "\"}", null).statusCode());
    }

    @Test
    void pair_afterItsLifetime_refused() throws Exception {
        Pairing p = web.server.pair();
        web.clock.advance(Pairings.LIFETIME.plusSeconds(1));
        assertEquals(401, web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null).statusCode());
    }

    @Test
    void pair_byCode_setsAStrictHttpOnlyCookieThatOpensTheSession() throws Exception {
        Pairing p = web.server.pair();
        HttpResponse<String> r = web.post("/api/pair", "{\"code\":\"" + p.code().replace("-", " ") + "\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(web.server.cookieName() + "="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        // Plain HTTP on loopback: a Secure cookie would never be sent back.
        assertFalse(cookie.contains("Secure"), cookie);
        WebFixture.Session s = new WebFixture.Session(cookie.split(";")[0], "");
        HttpResponse<String> session = web.get("/api/session", s);
        assertEquals(200, session.statusCode());
        assertTrue(session.body().contains("\"device\":\"Home server\""), session.body());
    }

    @Test
    void pair_manyWrongCodes_rateLimitedEvenForTheRightOne() throws Exception {
        Pairing p = web.server.pair();
        for (int i = 0; i < Pairings.PER_HOST; i++) {
            assertEquals(401, web.post("/api/pair", "{\"code\":\"0000-000" + i + "\"}", null).statusCode());
        }
        HttpResponse<String> limited = web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null);
        assertEquals(429, limited.statusCode());
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
        web.clock.advance(Duration.ofSeconds(61));
        assertEquals(200, web.post("/api/pair", "{\"code\":\"" + p.code() + "\"}", null).statusCode());
    }

    @Test
    void write_withoutCsrfHeader_refused() throws Exception {
        WebFixture.Session s = web.pair();
        WebFixture.Session noCsrf = new WebFixture.Session(s.cookie(), "wrong");
        HttpResponse<String> r = web.post("/api/outbox", add("Forged todo"), noCsrf);
        assertEquals(403, r.statusCode());
        assertTrue(web.store.allItems().isEmpty());
    }

    @Test
    void write_fromAnotherOrigin_refusedEvenWithSessionAndToken() throws Exception {
        WebFixture.Session s = web.pair();
        assertEquals(403, web.post("/api/outbox", add("Forged"), s,
                Map.of("Origin", "http://evil.example")).statusCode());
        assertEquals(403, web.post("/api/outbox", add("Forged"), s,
                Map.of("Sec-Fetch-Site", "cross-site")).statusCode());
        assertTrue(web.store.allItems().isEmpty());
        String own = web.server.url().toString().replaceAll("/$", "");
        assertEquals(200, web.post("/api/outbox", add("Mine"), s, Map.of("Origin", own)).statusCode());
        assertEquals(1, web.store.allItems().size());
    }

    @Test
    void pingPages_pairedBrowsersUnreadable_endsTheStreamsAndPingsOnceReadable() throws Exception {
        WebFixture.Session s = web.pair();
        Events first = openEvents(s);
        Path file = dir.resolve(Browsers.FILE);
        String paired = Files.readString(file);
        // A list of paired browsers that cannot be read: whether one was revoked cannot be known.
        Files.writeString(file, paired + "\nbroken=\\u12\n");
        web.server.pingPages();
        first.reader().join(5000);
        assertFalse(first.reader().isAlive(), "a stream stays open while the paired browsers cannot be read");
        assertEquals(0, web.server.openPages());
        Files.writeString(file, paired);
        Events again = openEvents(s);
        web.server.pingPages();
        assertTrue(again.heard(": ping", 5), "no ping once the list reads again: " + again.lines());
    }

    @Test
    void revoke_closesTheSession() throws Exception {
        WebFixture.Session s = web.pair();
        assertEquals(200, web.get("/api/sidebar", s).statusCode());
        String id = web.server.browsers().get(0).id();
        assertTrue(web.server.revoke(id));
        assertEquals(401, web.get("/api/sidebar", s).statusCode());
        assertTrue(web.server.browsers().isEmpty());
    }

    @Test
    void pairedBrowsers_surviveARestart_andTheFileHoldsNoSessionSecret() throws Exception {
        WebFixture.Session s = web.pair();
        web.close();
        String file = Files.readString(dir.resolve(Browsers.FILE));
        assertFalse(file.contains(s.cookie().split("=", 2)[1]), "the session secret is stored");
        web = new WebFixture(dir);
        // The same store file, a new server: the browser stays paired.
        assertEquals(200, web.get("/api/sidebar", s).statusCode());
    }

    @Test
    void build_reachableAddressWithoutTls_refusedNamingListen() throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("b.db")).build(),
                Clock.systemUTC())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebServer.builder()
                    .store(store).settings(new SettingsStore(dir)).listen("0.0.0.0", 0).build());
            assertTrue(e.getMessage().startsWith("listen:"), e.getMessage());
            NullPointerException missing = assertThrows(NullPointerException.class, () -> WebServer.builder().build());
            assertTrue(missing.getMessage().startsWith("store"), missing.getMessage());
        }
    }

    /**
     * Behind a reverse proxy the phone opens the proxy (HTTPS on its own port), not the loopback
     * listener: the link and the QR code name the proxy's origin, not {@code http://NAME:8765/}.
     */
    @Test
    void url_publicHostBehindAProxy_isTheProxysHttpsOrigin() {
        web.close();
        web = new WebFixture(dir, b -> b.publicHost("tandem.example.org").behindProxy(true));
        assertEquals(URI.create("https://tandem.example.org/"), web.server.url());
        assertTrue(web.server.pair().url().startsWith("https://tandem.example.org/#pair="), web.server.pair().url());
    }

    /** Without a proxy (a Tailscale name), the server itself answers: its scheme and port stay. */
    @Test
    void url_publicHostWithoutAProxy_keepsTheListenersSchemeAndPort() {
        web.close();
        web = new WebFixture(dir, b -> b.publicHost("laptop.tailnet.example"));
        assertEquals(URI.create("http://laptop.tailnet.example:" + web.server.url().getPort() + "/"),
                web.server.url());
    }
}

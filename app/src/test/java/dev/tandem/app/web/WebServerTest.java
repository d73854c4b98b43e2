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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who gets in, and what they get: the server's access rules, tested over real HTTP. */
@Tag("unit")
class WebServerTest {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

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

    /** A quick add of {@code text} in the Inbox, as the page's outbox sends it. */
    private static String add(String text) {
        return JsonText.write(Map.of("entries", List.of(JsonText.obj("key", UUID.randomUUID().toString(), "op", "add",
                "id", WebFixture.pageId(), "text", text, "view", "inbox"))));
    }

    /** One entry through the page's outbox: its result. */
    private Map<String, Object> entry(WebFixture.Session s, Object... fields) throws Exception {
        Map<String, Object> e = JsonText.obj(fields);
        e.put("key", UUID.randomUUID().toString());
        return web.outbox(s, List.of(e)).get(0);
    }

    /** An edit of item {@code id}: {@code set} made on {@code base} (JSON objects' insides). */
    private Map<String, Object> edit(WebFixture.Session s, String id, String set, String base) throws Exception {
        return entry(s, "op", "edit", "id", id, "set", JsonText.object("{" + set + "}"), "base", JsonText.object("{" + base + "}"));
    }

    @Test
    void quickAdd_readsTheTextAsTheDesktopDoes() throws Exception {
        WebFixture.Session s = web.pair();
        Map<String, Object> r = entry(s, "op", "add", "id", WebFixture.pageId(),
                "text", "Lunch with Ann tomorrow p2 @food #Family", "view", "inbox");
        assertEquals(201L, r.get("status"), r.toString());
        Item it = web.store.allItems().get(0);
        assertEquals("Lunch with Ann", it.title());
        assertEquals(web.store.today().plusDays(1), it.dueDate());
        assertEquals(2, it.priorityLevel());
        assertEquals("Family", web.store.list(it.listId()).orElseThrow().name());
        assertTrue(String.valueOf(r.get("message")).contains("to the new list Family"), r.toString());
        // The desktop's grammar for a time and a length, and the row's label with them.
        String timed = WebFixture.pageId();
        Map<String, Object> t = entry(s, "op", "add", "id", timed, "text", "Call the bank tomorrow 2pm for 30 min");
        assertEquals("applied", t.get("outcome"), t.toString());
        String shown = web.get("/api/items/" + timed, s).body();
        assertTrue(shown.contains("\"dueLabel\":\"Tomorrow 14:00 · 30 min\""), shown);
        assertTrue(shown.contains("\"time\":\"14:00\""), shown);
        Map<String, Object> blank = entry(s, "op", "add", "id", WebFixture.pageId(), "text", "p1", "view", "inbox");
        assertEquals(400L, blank.get("status"));
        assertTrue(String.valueOf(blank.get("reason")).contains("add a title"), blank.toString());
    }

    @Test
    void edit_onWhatThePageSaw_saves() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        Map<String, Object> r = edit(s, it.id(), "\"title\":\"Oat milk\",\"priority\":1,\"tags\":[\"shop\"]",
                "\"title\":\"Milk\",\"priority\":null,\"tags\":[]");
        assertEquals(200L, r.get("status"), r.toString());
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals("Oat milk", now.title());
        assertEquals(1, now.priorityLevel());
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void edit_onAStalePage_keepsTheOtherDevicesValueAndTheEditAsAConflict() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        web.store.update(it.id(), i -> i.withTitle("Milk (laptop)"));
        Map<String, Object> r = edit(s, it.id(), "\"title\":\"Milk (phone)\",\"due\":\"2026-12-01\"",
                "\"title\":\"Milk\",\"due\":null");
        assertEquals(409L, r.get("status"), r.toString());
        assertEquals("conflict", r.get("outcome"));
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals("Milk (laptop)", now.title());
        // The field nobody else changed is saved.
        assertEquals(LocalDate.parse("2026-12-01"), now.dueDate());
        var conflicts = web.store.conflicts().list();
        assertEquals(1, conflicts.size());
        assertEquals("Milk (phone)", conflicts.get(0).lostValue());
        web.store.conflicts().useLostValue(conflicts.get(0));
        assertEquals("Milk (phone)", web.store.get(it.id()).orElseThrow().title());
    }

    @Test
    void edit_timeAndLength_areStoredAndShownBack() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Dentist", null, null);
        web.store.update(it.id(), i -> i.withDue(LocalDate.parse("2026-11-27")));
        Map<String, Object> r = edit(s, it.id(), "\"time\":\"09:30\",\"lengthMinutes\":45",
                "\"time\":null,\"lengthMinutes\":null");
        assertEquals(200L, r.get("status"), r.toString());
        Item now = web.store.get(it.id()).orElseThrow();
        assertEquals(LocalTime.of(9, 30), now.timeOfDay());
        assertEquals(45, now.lengthMinutes());
        String shown = web.get("/api/items/" + it.id(), s).body();
        assertTrue(shown.contains("\"time\":\"09:30\"") && shown.contains("\"lengthMinutes\":45"), shown);
    }

    @Test
    void edit_timeOrLengthOutOfBounds_refusedAndNothingWritten() throws Exception {
        WebFixture.Session s = web.pair();
        Item undated = web.store.add("Someday", null, null);
        Item dated = web.store.add("Dentist", null, null);
        web.store.update(dated.id(), i -> i.withDue(LocalDate.parse("2026-11-27")));
        for (String[] bad : new String[][] {
                {dated.id(), "\"time\":\"25:99\",\"title\":\"Changed\"", "\"time\":null,\"title\":\"Dentist\""},
                {dated.id(), "\"lengthMinutes\":100000000000,\"title\":\"Changed\"", "\"lengthMinutes\":null,\"title\":\"Dentist\""},
                {dated.id(), "\"lengthMinutes\":0,\"title\":\"Changed\"", "\"lengthMinutes\":null,\"title\":\"Dentist\""},
                {undated.id(), "\"time\":\"09:00\",\"title\":\"Changed\"", "\"time\":null,\"title\":\"Someday\""}}) {
            Map<String, Object> r = edit(s, bad[0], bad[1], bad[2]);
            assertEquals(400L, r.get("status"), bad[1] + ": " + r);
            assertEquals("refused", r.get("outcome"), bad[1]);
            assertFalse(web.store.get(bad[0]).orElseThrow().title().equals("Changed"), bad[1]);
        }
        assertEquals(0, web.store.get(dated.id()).orElseThrow().lengthMinutes());
        assertEquals(null, web.store.get(dated.id()).orElseThrow().timeOfDay());
    }

    /** A page that sends its draft again (the answer to the first send was lost as the page closed). */
    @Test
    void edit_sentAgainAfterItWasSaved_savesWithoutAConflict() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Milk", null, null);
        String set = "\"title\":\"Oat milk\",\"notes\":\"two cartons\"";
        String base = "\"title\":\"Milk\",\"notes\":\"\"";
        assertEquals(200L, edit(s, it.id(), set, base).get("status"));
        Map<String, Object> again = edit(s, it.id(), set, base);
        assertEquals(200L, again.get("status"), again.toString());
        assertEquals("Oat milk", web.store.get(it.id()).orElseThrow().title());
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void events_aCommitFromAnywhere_reachesAnOpenStreamAndRevokeEndsIt() throws Exception {
        WebFixture.Session s = web.pair();
        Events events = openEvents(s);
        events.lines().clear();
        // As a sync would write: straight to the store, not through the page.
        web.store.add("From the laptop", null, null);
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        assertEquals(1, web.server.openPages());
        web.server.revoke(web.server.browsers().get(0).id());
        events.reader().join(5000);
        assertFalse(events.reader().isAlive(), "the revoked browser's stream stays open");
    }

    @Test
    void events_aCommit_namesTheItemsItTouchedOrSaysAllPastFiftyOrForAList() throws Exception {
        Events events = openEvents(web.pair());
        events.lines().clear();
        Item milk = web.store.add("Milk", null, null);
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String named = events.lines().poll(2, TimeUnit.SECONDS);
        web.store.writeAll(tx -> {
            for (int i = 0; i <= LiveEvents.MAX_IDS; i++) {
                tx.save(Item.create("Bulk " + i, null, null, 1L));
            }
            return null;
        });
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String many = events.lines().poll(2, TimeUnit.SECONDS);
        web.store.createList("Errands");
        assertTrue(events.heard("event: change", 2), "no change event within 2 s: " + events.lines());
        String list = events.lines().poll(2, TimeUnit.SECONDS);

        assertTrue(named.matches("data: \\{\"seq\":\\d+,\"ids\":\\[\"" + milk.id() + "\"\\]\\}"), named);
        assertTrue(many.matches("data: \\{\"seq\":\\d+,\"all\":true\\}"), many);
        assertTrue(list.matches("data: \\{\"seq\":\\d+,\"all\":true\\}"), list);
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

    /** An open event stream: its lines as they come, read on their own thread. */
    private record Events(BlockingQueue<String> lines, Thread reader) {
        /** Whether {@code line} comes within {@code seconds}; the lines before it are taken. */
        boolean heard(String line, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                if (line.equals(lines.poll(100, TimeUnit.MILLISECONDS))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Opens the page's event stream as {@code s} and takes its first line, the reconnect delay. */
    private Events openEvents(WebFixture.Session s) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(web.uri("/api/events")).header("Cookie", s.cookie()).GET().build();
        HttpResponse<Stream<String>> stream = web.http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException e) {
                lines.add("cut: " + e.getMessage()); // a stream still open when the test's server stops
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertEquals("retry: 2000", lines.poll(5, TimeUnit.SECONDS));
        return new Events(lines, reader);
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

package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Request;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import dev.tandem.engine.testing.WebDavServer;
import dev.tandem.engine.testing.WebDavServer.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a user sees when WebDAV goes wrong: against a real Apache (and rclone where noted), and
 * against a scripted server playing what real networks do (a hotel log-in page, a redirect, a full
 * disk, a busy server, a hostile listing, a server that ignores conditional writes). Each error
 * must carry the right {@link Reason} and words that point at the fix.
 */
@Tag("server")
class WebDavErrorsTest {
    private static final String FOLDER = "/dav/";
    private static final String XML = "application/xml; charset=utf-8";

    // --- a real Apache httpd with mod_dav_fs ---

    @Test
    void list_wrongPassword_throwsAuthMentioningAppPassword() {
        WebDavServer server = WebDavServer.shared(Kind.APACHE);
        try (WebDavStorage s = new WebDavStorage(new WebDavSettings(server.newCollection(), WebDavServer.USER, "wrong"))) {
            SyncException e = assertThrows(SyncException.class, () -> s.list("", null, 10));
            assertEquals(Reason.AUTH, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("app password"), e.getMessage());
        }
    }

    @Test
    void listGetCreate_folderMissing_throwNotFoundAndCreateNothing() {
        WebDavServer server = WebDavServer.shared(Kind.APACHE);
        String name = "missing-" + UUID.randomUUID();
        Path onDisk = server.dataDir().resolve(name);
        try (WebDavStorage s = new WebDavStorage(new WebDavSettings(server.url() + name + "/", WebDavServer.USER,
                WebDavServer.PASSWORD))) {
            List<Executable> calls = List.of(() -> s.list("", null, 10), () -> s.get("k"),
                    () -> s.createIfAbsent("a/b", bytes("v")));
            for (Executable call : calls) {
                SyncException e = assertThrows(SyncException.class, call);
                assertEquals(Reason.NOT_FOUND, e.reason(), e.getMessage());
                assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
                assertFalse(Files.exists(onDisk), "a call created the missing folder " + onDisk);
            }
        }
        assertFalse(Files.exists(onDisk), onDisk + " appeared");
    }

    @Test
    void list_foreignNamesPlantedOnDisk_listsOnlyValidNames() throws IOException {
        WebDavServer server = WebDavServer.shared(Kind.APACHE);
        String collection = server.newCollection();
        Path dir = server.dataDir().resolve(URI.create(collection).getPath().replace("/", ""));
        for (String foreign : List.of(".hidden", "name with space", "x.sync-conflict-20240101-120000-ABCDEFG",
                "caf\u00e9", "bad dir/inner", "ok/.tandem-tmp-0011223344556677")) {
            plant(dir, collection, foreign);
        }
        plant(dir, collection, "valid");
        plant(dir, collection, "ok/fine");
        try (WebDavStorage s = new WebDavStorage(new WebDavSettings(collection, WebDavServer.USER,
                WebDavServer.PASSWORD))) {
            assertEquals(List.of("ok/fine", "valid"), s.list("", null, 100));
            assertArrayEquals(bytes("valid"), s.get("valid").orElseThrow());
        }
    }

    /** Run on both servers: a WebDAV DELETE of a folder takes everything in it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void delete_folderNameWrittenByAnotherInstance_keepsTheObjectsUnderIt(Kind kind) {
        WebDavServer server = WebDavServer.shared(kind);
        String collection = server.newCollection();
        WebDavSettings settings = new WebDavSettings(collection, WebDavServer.USER, WebDavServer.PASSWORD);
        try (WebDavStorage writer = new WebDavStorage(settings)) {
            assertTrue(writer.createIfAbsent("a/b", bytes("keep me")));
        }
        Path file = server.dataDir().resolve(URI.create(collection).getPath().replace("/", "")).resolve("a/b");
        assertTrue(Files.isRegularFile(file), file + " was not written");

        try (WebDavStorage other = new WebDavStorage(settings)) {
            SyncException thrown = null;
            try {
                other.delete("a");
            } catch (SyncException e) {
                thrown = e;
            }
            assertTrue(Files.isRegularFile(file), "delete(\"a\") on " + kind + " removed " + file
                    + ": a WebDAV DELETE of the folder took the object under it");
            // "a" is no object, and removing a missing object is no error (SyncStorage.delete).
            assertNull(thrown, () -> "delete(\"a\") on " + kind + " threw instead of doing nothing");
            assertArrayEquals(bytes("keep me"), other.get("a/b").orElseThrow());
        }
    }

    // --- a scripted server ---

    @Test
    void listAndGet_hotelLogInPage_throwUnreachableNamingAWebPage() {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                r -> Response.of(200, "text/html; charset=utf-8", "<html><body>Please log in</body></html>"));
             WebDavStorage s = storage(server)) {
            for (Executable call : List.<Executable>of(() -> s.list("", null, 10), () -> s.get("k"), () -> s.open("k"),
                    () -> s.size("k"))) {
                SyncException e = assertThrows(SyncException.class, call);
                assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
                assertTrue(e.getMessage().contains("web page"), e.getMessage());
                assertFalse(e.getMessage().contains("corrupt") || e.getMessage().contains("damaged"), e.getMessage());
            }
            assertEquals(List.of(), server.failures());
        }
    }

    @Test
    void listAndGet_redirectToLogIn_throwNotFoundNamingTheLocation() {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                r -> Response.empty(302).with("Location", "http://login.example/"));
             WebDavStorage s = storage(server)) {
            for (Executable call : List.<Executable>of(() -> s.list("", null, 10), () -> s.get("k"), () -> s.open("k"),
                    () -> s.size("k"))) {
                SyncException e = assertThrows(SyncException.class, call);
                assertEquals(Reason.NOT_FOUND, e.reason(), e.getMessage());
                assertTrue(e.getMessage().contains("redirects to http://login.example/"), e.getMessage());
            }
            assertTrue(server.requests().stream().allMatch(r -> r.path().startsWith(FOLDER)),
                    "the redirect was followed: " + server.requests());
        }
    }

    @Test
    void createIfAbsent_storageFull_throwsIoSayingFull() {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(r -> switch (r.method()) {
            case "PROPFIND" -> r.path().equals(FOLDER) ? multistatus(FOLDER) : Response.empty(404);
            case "PUT" -> Response.of(507, "text/plain", "quota exceeded");
            default -> Response.empty(404);
        }); WebDavStorage s = storage(server)) {
            SyncException e = assertThrows(SyncException.class, () -> s.createIfAbsent("a/b", bytes("v")));
            assertEquals(Reason.IO, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("full"), e.getMessage());
            assertTrue(server.requests().stream().anyMatch(r -> r.method().equals("PUT")), "no PUT was tried");
            assertEquals(List.of(), server.failures());
        }
    }

    @Test
    void listAndGet_busyWithRetryAfter_throwRemoteBusyWithTheDelay() {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                r -> Response.of(503, "text/plain", "maintenance").with("Retry-After", "30"));
             WebDavStorage s = storage(server)) {
            for (Executable call : List.<Executable>of(() -> s.list("", null, 10), () -> s.get("k"))) {
                SyncException e = assertThrows(SyncException.class, call);
                assertEquals(Reason.REMOTE_BUSY, e.reason(), e.getMessage());
                assertTrue(e.retryable(), e.getMessage());
                assertTrue(e.getMessage().contains("retry after 30"), e.getMessage());
            }
        }
    }

    @Test
    void list_multistatusWithExternalEntity_throwsIoWithoutReadingTheFile(@TempDir Path tmp) throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOPSECRET");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<D:multistatus xmlns:D=\"DAV:\">"
                + response(FOLDER, true)
                + response(FOLDER + "k&e;", false)
                + response(FOLDER + "plain", false)
                + "</D:multistatus>";
        try (ScriptedHttpServer server = ScriptedHttpServer.start(r -> Response.of(207, XML, body));
             WebDavStorage s = storage(server)) {
            List<String> listed = null;
            SyncException thrown = null;
            try {
                listed = s.list("", null, 10);
            } catch (SyncException e) {
                thrown = e;
            }
            assertNull(listed, "a listing with an external entity was accepted");
            assertEquals(Reason.IO, thrown.reason(), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("cannot be read"), thrown.getMessage());
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("TOPSECRET"), t.getMessage());
            }
        }
    }

    @Test
    void createIfAbsent_serverIgnoresIfNoneMatchAndMoveOverwrite_throwsNoConditionalWritesBeforeWriting() {
        Map<String, byte[]> files = new ConcurrentSkipListMap<>();
        try (ScriptedHttpServer server = ScriptedHttpServer.start(CarelessDav.serving(files)); WebDavStorage s = storage(server)) {
            SyncException e = assertThrows(SyncException.class, () -> s.createIfAbsent("a/b", bytes("batch")));
            assertEquals(Reason.NO_CONDITIONAL_WRITES, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("overwrites a file that exists"), e.getMessage());

            List<Request> requests = server.requests();
            assertTrue(requests.stream().anyMatch(r -> r.method().equals("MOVE")), "MOVE was never tried: " + requests);
            for (Request r : requests) {
                boolean writes = r.method().equals("PUT") || r.method().equals("MOVE");
                String target = r.method().equals("MOVE") ? URI.create(r.header("Destination")).getPath() : r.path();
                assertFalse(writes && !target.substring(target.lastIndexOf('/') + 1).startsWith("."),
                        "wrote a valid key " + target + " on a server without conditional writes");
            }
            for (String path : files.keySet()) {
                assertTrue(path.substring(path.lastIndexOf('/') + 1).startsWith("."), "left behind " + path);
            }
            assertFalse(files.containsKey(FOLDER + "a/b"));
            assertEquals(List.of(), server.failures());
        }
    }

    @Test
    void createIfAbsentAndDelete_logInPageAfterTheServerWasLearned_throwUnreachableAndClaimNothing() {
        Map<String, byte[]> files = new ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean portal = new java.util.concurrent.atomic.AtomicBoolean();
        Function<Request, Response> careful = CarelessDav.serving(files);
        Function<Request, Response> script = r -> {
            if (portal.get()) {
                return Response.of(200, "text/html", "<!DOCTYPE html><html><body>Hotel Wi-Fi: log in</body></html>");
            }
            // An honest server: PUT with If-None-Match: * onto an existing file is refused.
            if (r.method().equals("PUT") && "*".equals(r.header("If-None-Match")) && files.containsKey(r.path())) {
                return Response.empty(412);
            }
            return careful.apply(r);
        };
        try (ScriptedHttpServer server = ScriptedHttpServer.start(script); WebDavStorage s = storage(server)) {
            assertTrue(s.createIfAbsent("k1", bytes("first")));
            portal.set(true);
            for (Executable call : List.<Executable>of(() -> s.createIfAbsent("k2", bytes("second")),
                    () -> s.delete("k1"), () -> s.overwrite("marker", bytes("m")))) {
                SyncException e = assertThrows(SyncException.class, call);
                assertEquals(Reason.UNREACHABLE, e.reason(), e.getMessage());
                assertTrue(e.getMessage().contains("web page"), e.getMessage());
            }
            assertFalse(files.containsKey(FOLDER + "k2"));
            assertTrue(files.containsKey(FOLDER + "k1"));
            assertEquals(List.of(), server.failures());
        }
    }

    @Test
    void createIfAbsent_answerLostAfterTheServerStoredIt_retriesOnceAndReportsCreated() {
        Map<String, byte[]> files = new ConcurrentSkipListMap<>();
        Function<Request, Response> careful = CarelessDav.serving(files);
        java.util.concurrent.atomic.AtomicInteger drops = new java.util.concurrent.atomic.AtomicInteger();
        Function<Request, Response> script = r -> {
            boolean conditional = r.method().equals("PUT") && "*".equals(r.header("If-None-Match"));
            if (conditional && files.containsKey(r.path())) {
                return Response.empty(412);
            }
            Response done = careful.apply(r);
            // The batch is stored, then the connection drops before the answer: once.
            if (conditional && r.path().endsWith("/batch") && drops.getAndIncrement() == 0) {
                return Response.empty(ScriptedHttpServer.DROP);
            }
            return done;
        };
        try (ScriptedHttpServer server = ScriptedHttpServer.start(script); WebDavStorage s = storage(server)) {
            assertTrue(s.createIfAbsent("batch", bytes("mine")), "the retry's 412 is our own first write");
            assertEquals(2, server.requests().stream()
                    .filter(r -> r.method().equals("PUT") && r.path().endsWith("/batch")).count(), "sent twice");
            assertFalse(s.createIfAbsent("batch", bytes("other")), "a later write is refused as usual");
            assertEquals("mine", new String(files.get(FOLDER + "batch"), StandardCharsets.UTF_8));
            assertEquals(List.of(), server.failures());
        }
    }

    // --- helpers ---

    private static WebDavStorage storage(ScriptedHttpServer server) {
        return new WebDavStorage(new WebDavSettings(server.url() + FOLDER.substring(1), "sam", "pw"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String response(String href, boolean collection) {
        return "<D:response><D:href>" + href + "</D:href><D:propstat><D:prop><D:resourcetype>"
                + (collection ? "<D:collection/>" : "") + "</D:resourcetype></D:prop>"
                + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>";
    }

    /** A 207 for these hrefs; those ending in '/' are collections. */
    static Response multistatus(String... hrefs) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><D:multistatus xmlns:D=\"DAV:\">");
        for (String h : hrefs) {
            b.append(response(h, h.endsWith("/")));
        }
        return Response.of(207, XML, b.append("</D:multistatus>").toString());
    }

    /**
     * Puts a file straight into the server's data directory; a name this JVM cannot write as a file
     * name (a non-UTF-8 locale) goes in through a raw WebDAV PUT instead.
     */
    private static void plant(Path dir, String collection, String name) throws IOException {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes(name));
            return;
        } catch (InvalidPathException notEncodable) {
            // below
        }
        String encoded;
        try {
            encoded = new URI(null, null, name, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            int status = http.execute(ClassicRequestBuilder.put(collection + encoded)
                    .addHeader("Authorization", WebDavServer.basicAuth(WebDavServer.USER, WebDavServer.PASSWORD))
                    .setEntity(new ByteArrayEntity(bytes(name), ContentType.APPLICATION_OCTET_STREAM)).build(),
                    r -> r.getCode());
            assertEquals(201, status, "planting " + name);
        }
    }
}

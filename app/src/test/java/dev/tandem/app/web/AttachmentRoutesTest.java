package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.sync.AttachmentFetcher;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attached files over real HTTP: who may read them, how they are served, downloads started, uploads refused. */
@Tag("unit")
class AttachmentRoutesTest {
    /** A real 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    static final long LIMIT = 1000;

    @TempDir
    Path dir;
    WebFixture web;
    AttachmentStore files;
    /** Downloads the fetcher was asked for, held, never run: a file not here stays "downloading". */
    final HeldTasks downloads = new HeldTasks();

    @BeforeEach
    void start() {
        web = new WebFixture(dir, (store, b) -> {
            files = store.attachments();
            return b.attachments(files, new AttachmentFetcher(store, Optional::empty, downloads), () -> LIMIT);
        });
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private Attachment attach(Item it, byte[] bytes, String name, String type) {
        return files.add(it.id(), new ByteArrayInputStream(bytes), name, type, LIMIT);
    }

    private HttpResponse<byte[]> bytes(String path, WebFixture.Session s, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri(path)).GET();
        if (s != null) {
            b.header("Cookie", s.cookie());
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> upload(String itemId, String name, byte[] body, WebFixture.Session s) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri("/api/items/" + itemId + "/attachments?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/octet-stream");
        if (s != null) {
            b.header("Cookie", s.cookie()).header(Router.CSRF_HEADER, s.csrf());
        }
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void get_withoutSession_answers401AndNoBytes() throws Exception {
        Item it = web.store.add("Receipt", null, null);
        Attachment a = attach(it, PNG, "receipt.png", "image/png");
        HttpResponse<byte[]> r = bytes("/api/attachments/" + a.id(), null);
        assertEquals(401, r.statusCode());
        assertFalse(new String(r.body(), StandardCharsets.ISO_8859_1).contains("PNG"));
        assertEquals(401, upload(it.id(), "x.txt", new byte[3], null).statusCode());
    }

    @Test
    void get_image_servesItsBytesInlineWithItsTypeAndNoSniffing() throws Exception {
        WebFixture.Session s = web.pair();
        Attachment a = attach(web.store.add("Receipt", null, null), PNG, "receipt.png", "image/png");
        HttpResponse<byte[]> r = bytes("/api/attachments/" + a.id(), s);
        assertEquals(200, r.statusCode());
        assertArrayEquals(PNG, r.body());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline;"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
        assertEquals(String.valueOf(PNG.length), r.headers().firstValue("Content-Length").orElseThrow());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, bytes("/api/attachments/" + a.id(), s, "If-None-Match", etag).statusCode());
    }

    @Test
    void get_fileWithAnUnusualName_downloadsUnderThatNameSafelyEncoded() throws Exception {
        WebFixture.Session s = web.pair();
        String name = "Résumé \"final\";\r\nX-Evil: 1.pdf";
        Attachment a = attach(web.store.add("CV", null, null), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), name,
                "application/pdf");
        HttpResponse<byte[]> r = bytes("/api/attachments/" + a.id(), s);
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("X-Evil").isEmpty());
        String d = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(d.startsWith("attachment; filename=\""), d);
        String encoded = d.substring(d.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertFalse(encoded.matches(".*[\\s\";].*"), d);
        assertEquals(a.name(), URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        String fallback = d.substring(d.indexOf('"') + 1, d.indexOf("\"; filename*"));
        assertFalse(fallback.contains("\"") || fallback.contains("\r") || fallback.contains("\n"), d);
    }

    @Test
    void get_scriptOrHtmlAttachment_neverServedAsSomethingThePageRuns() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Shared", null, null);
        Attachment js = attach(it, "alert(1)".getBytes(StandardCharsets.UTF_8), "x.js", "text/javascript");
        Attachment html = attach(it, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "x.html", "text/html");
        HttpResponse<byte[]> r = bytes("/api/attachments/" + js.id(), s);
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> h = bytes("/api/attachments/" + html.id(), s);
        assertTrue(h.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertTrue(h.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
    }

    @Test
    void get_typeOutsideTheAllowList_servedAsDownloadedBytesWithoutSniffing() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Shared", null, null);
        for (String type : List.of("text/jscript", "text/html", "image/svg+xml", "application/x-shockwave-flash",
                "text/vbscript", "application/xhtml+xml")) {
            Attachment a = attach(it, "alert(1)".getBytes(StandardCharsets.UTF_8), "x.bin", type);
            HttpResponse<byte[]> r = bytes("/api/attachments/" + a.id(), s);
            assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElseThrow(), type);
            assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"), type);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow(), type);
        }
        Attachment pdf = attach(it, "%PDF-1.4".getBytes(StandardCharsets.UTF_8), "x.pdf", "application/pdf");
        assertEquals("application/pdf", bytes("/api/attachments/" + pdf.id(), s).headers().firstValue("Content-Type")
                .orElseThrow());
    }

    @Test
    void get_unknownId_answers404() throws Exception {
        WebFixture.Session s = web.pair();
        assertEquals(404, bytes("/api/attachments/no-such-id", s).statusCode());
        // Jetty itself refuses an encoded slash (400); either way no file outside the store is read.
        HttpResponse<byte[]> r = bytes("/api/attachments/..%2Ftandem.db", s);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, "answered " + r.statusCode());
        assertFalse(new String(r.body(), StandardCharsets.ISO_8859_1).contains("SQLite"));
    }

    @Test
    void get_bytesNotOnThisDevice_startsTheDownloadAndAnswers503WithRetryAfter() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("From the phone", null, null);
        String blob = "a".repeat(64);
        Attachment a = new Attachment(AttachmentStore.idOf(it.id(), blob), it.id(), blob, "photo.png", "image/png", 2000L, 1L);
        web.store.writeAll(tx -> tx.save(a));
        HttpResponse<String> r = web.get("/api/attachments/" + a.id(), s);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals("downloading", r.headers().firstValue("X-Tandem-Attachment").orElseThrow());
        assertTrue(r.body().contains("Downloading"), r.body());
        assertEquals(1, downloads.held.size(), "one download was started");
        web.get("/api/attachments/" + a.id(), s);
        assertEquals(1, downloads.held.size(), "asking again joins the running download");
    }

    @Test
    void upload_overTheLimit_refusedBeforeReadingWithTheLimitSaid() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Big", null, null);
        HttpResponse<String> r = upload(it.id(), "big.zip", new byte[(int) LIMIT + 1], s);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("1 KB"), r.body());
        assertTrue(files.of(it.id()).isEmpty());
    }

    @Test
    void upload_withoutCsrfHeader_refused() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Forged", null, null);
        assertEquals(403, upload(it.id(), "a.png", PNG, new WebFixture.Session(s.cookie(), "wrong")).statusCode());
        assertTrue(files.of(it.id()).isEmpty());
    }

    @Test
    void upload_withinTheLimit_attachesAndTheItemListsAndShowsIt() throws Exception {
        WebFixture.Session s = web.pair();
        Item it = web.store.add("Receipt", null, null);
        HttpResponse<String> r = upload(it.id(), "C:\\Users\\me\\receipt.png", PNG, s);
        assertEquals(201, r.statusCode(), r.body());
        Attachment a = files.of(it.id()).get(0);
        assertEquals("receipt.png", a.name());
        assertEquals("image/png", a.type());
        assertTrue(r.body().contains("![receipt.png](attachment:" + a.id() + ")"), r.body());
        web.store.update(it.id(), cur -> cur.withNotes("See " + a.markdown()));
        String item = web.get("/api/items/" + it.id(), s).body();
        assertTrue(item.contains("\"attachments\":[{\"id\":\"" + a.id() + "\""), item);
        assertTrue(item.contains("<img src=\\\"/api/attachments/" + a.id() + "\\\""), item);
    }

    /** An executor that keeps what it is given and runs none of it. */
    static final class HeldTasks extends AbstractExecutorService {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable command) {
            held.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}

package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.S3ProxyServer;
import dev.tandem.engine.testing.WebDavServer;
import dev.tandem.app.web.PageWords;
import dev.tandem.ui.PageBundle;
import dev.tandem.ui.messages.Language;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user puts the phone page on their own storage with {@code tandem page publish} and checks it with {@code
 * tandem page check}, against real servers on 127.0.0.1: S3Proxy answering reads without credentials (a bucket
 * whose page/ anyone may read), Apache's mod_dav_fs with page/ readable by anyone, and a folder. A browser's
 * plain GET gets the bytes with their type; a second publish writes nothing; syncs and a compaction leave the
 * page's files alone and the data whole.
 */
@Tag("server")
class PageCliTest {
    private static final String PHONE_ORIGIN = "http://phone.example";
    private static S3ProxyServer s3;

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startS3() {
        s3 = S3ProxyServer.builder().anonymous().cors(PHONE_ORIGIN).start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    private Map<String, String> s3Env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s3.identity());
        env.put("AWS_SECRET_ACCESS_KEY", s3.credential());
        env.put("AWS_ENDPOINT_URL", s3.endpoint());
        return env;
    }

    @Test
    void publish_s3_servedWithTypes_secondWritesNothing_syncAndCompactLeaveIt_checkSaysUsable() throws Exception {
        String bucket = s3.newBucket();
        String remote = "s3://" + bucket;
        Map<String, String> env = s3Env();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.run(env, a, "add", "Milk").code());
        assertOk(CliRun.run(env, a, "sync", "--remote", remote));

        Result first = CliRun.run(env, a, "page", "publish", "--remote", remote);
        assertOk(first);
        int files = PageBundle.files().size() + 1; // and messages.json
        assertTrue(first.out().contains(files + " files written, 0 kept unchanged"), first.out());
        String url = s3.endpoint() + "/" + bucket + "/page/index.html";
        assertTrue(first.out().contains("Open it at: " + url), first.out());
        assertServed(url, "text/html");

        Result second = CliRun.run(env, a, "page", "publish", "--remote", remote);
        assertOk(second);
        assertTrue(second.out().contains("0 files written, " + files + " kept unchanged"), second.out());

        Map<String, byte[]> page = pageFiles(SyncStorage.s3(s3.settings(bucket)));
        assertOk(CliRun.run(env, b, "sync", "--remote", remote));
        assertEquals(0, CliRun.run(env, b, "add", "Bread").code());
        assertOk(CliRun.run(env, b, "sync", "--remote", remote));
        assertOk(CliRun.run(env, a, "sync", "--remote", remote));
        assertOk(CliRun.run(env, a, "compact", "--remote", remote, "--keep-days", "0"));
        assertOk(CliRun.run(env, b, "sync", "--remote", remote));
        assertPageUnchanged(page, pageFiles(SyncStorage.s3(s3.settings(bucket))));
        assertTrue(CliRun.run(env, b, "list", "--json").out().contains("Milk"));
        assertTrue(CliRun.run(env, a, "list", "--json").out().contains("Bread"));

        Result check = CliRun.run(Map.of(), a, "page", "check", url);
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("✓ Its scripts come as text/javascript"), check.out());
        assertTrue(check.out().contains("The storage serves the page so that a browser can use it."), check.out());
        Result cors = CliRun.run(Map.of(), a, "page", "check", url, "--origin", PHONE_ORIGIN);
        assertEquals(0, cors.code(), cors.out() + cors.err());
        assertTrue(cors.out().contains("✓ The storage answers CORS for " + PHONE_ORIGIN), cors.out());
        Result elsewhere = CliRun.run(Map.of(), a, "page", "check", url, "--origin", "https://elsewhere.example");
        assertEquals(1, elsewhere.code(), elsewhere.out());
        assertTrue(elsewhere.out().contains("does not allow requests from https://elsewhere.example"), elsewhere.out());
    }

    @Test
    void publish_apacheWebDav_anyoneReadsThePage_secondWritesNothing_syncLeavesIt() throws Exception {
        WebDavServer dav = WebDavServer.shared(WebDavServer.Kind.APACHE);
        String collection = dav.newCollection();
        String remote = "webdav:" + collection;
        Map<String, String> env = new HashMap<>(Map.of("TANDEM_WEBDAV_USER", WebDavServer.USER,
                "TANDEM_WEBDAV_PASSWORD", WebDavServer.PASSWORD));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.run(env, a, "add", "Milk").code());
        assertOk(CliRun.run(env, a, "sync", "--remote", remote));
        Result first = CliRun.run(env, a, "page", "publish", "--remote", remote);
        assertOk(first);
        String url = collection + "page/index.html";
        assertTrue(first.out().contains("Open it at: " + url), first.out());
        assertServed(url, "text/html");
        Result second = CliRun.run(env, a, "page", "publish", "--remote", remote);
        assertTrue(second.out().contains("0 files written, " + (PageBundle.files().size() + 1) + " kept"), second.out());
        try (SyncStorage plain = SyncStorage.webDav(new WebDavSettings(collection,
                WebDavServer.USER, WebDavServer.PASSWORD))) {
            Map<String, byte[]> page = pageFiles(plain);
            assertOk(CliRun.run(env, b, "sync", "--remote", remote));
            assertOk(CliRun.run(env, a, "compact", "--remote", remote, "--keep-days", "0"));
            assertPageUnchanged(page, pageFiles(plain));
        }
        assertTrue(CliRun.run(env, b, "list", "--json").out().contains("Milk"));
        Result check = CliRun.run(Map.of(), a, "page", "check", url);
        assertEquals(0, check.code(), check.out() + check.err());
        // The CORS lines docs/WEB.md gives for Apache, which the fixture runs with.
        Result cors = CliRun.run(Map.of(), a, "page", "check", url, "--origin", WebDavServer.CORS_ORIGIN);
        assertEquals(0, cors.code(), cors.out() + cors.err());
        assertTrue(cors.out().contains("✓ The storage answers CORS for " + WebDavServer.CORS_ORIGIN), cors.out());
        Result elsewhere = CliRun.run(Map.of(), a, "page", "check", url, "--origin", "https://elsewhere.example");
        assertEquals(1, elsewhere.code(), elsewhere.out());
        assertTrue(elsewhere.out().contains("does not allow requests from https://elsewhere.example"), elsewhere.out());
    }

    @Test
    void publish_folder_filesAsTheyAre_secondWritesNothing_compactLeavesThem() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("remote"));
        String remote = "folder:" + folder;
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.run(Map.of(), a, "add", "Milk").code());
        assertOk(CliRun.run(Map.of(), a, "sync", "--remote", remote));
        Result first = CliRun.run(Map.of(), a, "page", "publish", "--remote", remote);
        assertOk(first);
        assertTrue(first.out().contains("serve this folder over HTTPS"), first.out());
        for (PageBundle.File f : PageBundle.files()) {
            byte[] put = Files.readAllBytes(folder.resolve("page").resolve(f.path()));
            if (f.path().equals("sw.js")) {
                // Stamped with the published files (PagePublisherTest); the rest of the worker as it is.
                String stamped = new String(put, StandardCharsets.UTF_8);
                assertTrue(stamped.contains("const PUBLISHED = {\"version\":\""), stamped);
                assertEquals(new String(f.bytes(), StandardCharsets.UTF_8),
                        stamped.replaceFirst("const PUBLISHED = \\{.*};", "const PUBLISHED = null;"));
            } else {
                assertArrayEquals(f.bytes(), put, f.path());
            }
        }
        Path words = folder.resolve("page").resolve("messages.json");
        assertArrayEquals(PageWords.json(Language.ENGLISH), Files.readAllBytes(words), "the page's words, as /messages.json");
        Result second = CliRun.run(Map.of(), a, "page", "publish", "--remote", remote);
        assertTrue(second.out().contains("0 files written"), second.out());
        // The profile's language: its words replace the English ones, and sw.js names their new version.
        Result french = CliRun.run(Map.of(), a, "--lang", "fr", "page", "publish", "--remote", remote);
        assertOk(french);
        assertArrayEquals(PageWords.json(Language.forTag("fr").orElseThrow()), Files.readAllBytes(words));
        assertTrue(new String(Files.readAllBytes(words), StandardCharsets.UTF_8).contains("\"lang\":\"fr\""));
        assertTrue(Pattern.compile("\\D2 fichiers écrits").matcher(french.out()).find(), french.out());
        Map<String, byte[]> page = pageFiles(SyncStorage.folder(folder));
        assertOk(CliRun.run(Map.of(), b, "sync", "--remote", remote));
        assertOk(CliRun.run(Map.of(), a, "compact", "--remote", remote, "--keep-days", "0"));
        assertOk(CliRun.run(Map.of(), b, "sync", "--remote", remote));
        assertPageUnchanged(page, pageFiles(SyncStorage.folder(folder)));
        assertTrue(CliRun.run(Map.of(), b, "list", "--json").out().contains("Milk"));
    }

    /** index.html and the module it is checked with, by a GET without credentials from the server's own origin. */
    private void assertServed(String url, String htmlType) throws Exception {
        HttpResponse<byte[]> html = get(url);
        assertEquals(200, html.statusCode());
        assertArrayEquals(bundled(PageBundle.ENTRY), html.body());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith(htmlType), html.headers().toString());
        HttpResponse<byte[]> js = get(url.replace("index.html", "assets/app.js"));
        assertEquals(200, js.statusCode());
        assertArrayEquals(bundled("assets/app.js"), js.body());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), js.headers().toString());
        // A chunk the page's code imports: a relative path, found beside it.
        // The bundle is minified, its quotes esbuild's: either.
        Matcher m = Pattern.compile("from\\s*[\"'](\\./[^\"']+)[\"']").matcher(new String(bundled("assets/app.js"),
                StandardCharsets.UTF_8));
        assertTrue(m.find());
        URI imported = URI.create(url.replace("index.html", "assets/app.js")).resolve(m.group(1));
        assertEquals(200, get(imported.toString()).statusCode(), imported.toString());
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bundled(String path) {
        return PageBundle.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().bytes();
    }

    /** Every object under page/, with its bytes. */
    private static Map<String, byte[]> pageFiles(SyncStorage storage) {
        Map<String, byte[]> out = new TreeMap<>();
        List<String> names = storage.list(SyncStorage.PAGE, null, 1000);
        for (String n : names) {
            if (!n.endsWith(".html")) { // S3's and WebDAV's readers refuse web pages as objects; compared by the list
                out.put(n, storage.get(n).orElseThrow());
            } else {
                out.put(n, new byte[0]);
            }
        }
        return out;
    }

    private static void assertPageUnchanged(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        assertTrue(before.size() > PageBundle.files().size() - 1, "page files: " + before.size());
        before.forEach((n, bytes) -> assertArrayEquals(bytes, after.get(n), n));
    }

    private static void assertOk(Result r) {
        assertEquals(0, r.code(), r.out() + r.err());
    }
}

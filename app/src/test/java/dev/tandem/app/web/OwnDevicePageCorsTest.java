package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The page as its own device opened from another origin than its storage: {@code tandem page publish --remote
 * folder:DIR} writes the page's files, a small static file server (the JDK's) serves that folder on its own
 * loopback port, and the page joins an S3Proxy bucket on another port. With S3Proxy allowing the page's origin
 * (CORS) it joins, adds a todo, syncs, and the desktop's sync lists it; without, the join fails with a sentence
 * saying the storage refused the page's origin and how to check it, and nothing is stored.
 */
@Tag("browser")
class OwnDevicePageCorsTest {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "webmanifest", "application/manifest+json", "wasm", "application/wasm",
            "png", "image/png", "svg", "image/svg+xml");

    @TempDir
    Path desktop;
    @TempDir
    Path folder;
    Server files;
    ServerConnector port;
    OwnDevicePage own;

    @BeforeEach
    void serveFolder() throws Exception {
        files = new Server();
        port = new ServerConnector(files);
        port.setHost("127.0.0.1");
        files.addConnector(port);
        Path root = folder.toRealPath();
        files.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                Path file = root.resolve(request.getHttpURI().getPath().substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                String name = file.getFileName().toString();
                response.getHeaders().put("Content-Type",
                        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
                response.getHeaders().put("Cache-Control", "no-cache");
                response.write(true, ByteBuffer.wrap(Files.readAllBytes(file)), callback);
                return true;
            }
        });
        files.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (own != null) {
            own.close();
        }
        files.stop();
    }

    /** The page's origin, another port than the storage's. */
    private String pageOrigin() {
        return "http://127.0.0.1:" + port.getLocalPort();
    }
    /** Publishes the page into the folder, opens it from the file server and fills the join screen. */
    private Chromium openPublishedElsewhere() {
        own.tandem("add", "Desk one");
        own.desktopSync();
        own.tandem("--lang", "en", "page", "publish", "--remote", "folder:" + folder);
        assertTrue(Files.isRegularFile(folder.resolve("page/index.html")), "published into the folder");
        own.chromium = OwnDevicePage.quickTimers(Chromium.start(Chromium.Size.PHONE));
        own.chromium.open(pageOrigin() + "/page/index.html");
        own.chromium.await("return !document.getElementById('join').hidden", OwnDevicePage.SYNC);
        return own.chromium;
    }

    @Test
    void ownDevice_pageFromAnotherOriginAllowedByCors_joinsAddsAndSyncs() {
        own = new OwnDevicePage(desktop, S3ProxyServer.builder().cors(pageOrigin())).quick();
        Chromium chromium = openPublishedElsewhere();
        own.submitJoin(OwnDevicePage.JOIN);
        own.awaitRow("Desk one");
        chromium.find("#quick-add").sendKeys("From another origin\n");
        own.awaitRow("From another origin");
        own.awaitSynced();
        own.desktopSync();
        String open = own.tandem("list", "--json").out();
        assertTrue(open.contains("\"From another origin\""), open);
    }

    @Test
    void ownDevice_pageFromAnotherOriginWithoutCors_joinRefusedWithASentenceToActOn() {
        // The JVM's anonymous S3Proxy (AnonymousS3) allows no other origin: no server of its own to start.
        own = new OwnDevicePage(desktop).quick();
        Chromium chromium = openPublishedElsewhere();
        Object said = submitExpectingRefusal();
        assertEquals("The storage at " + own.origin + " gave this page no answer: it is out of reach, or it does not"
                + " allow pages from " + pageOrigin() + " (CORS). Nothing was stored. To find out which, run tandem page"
                + " check with the page’s address on your storage and --origin " + pageOrigin() + ".", said);
        assertEquals(0L, chromium.js("return indexedDB.databases().then((dbs) => dbs.filter((d) => d.name ==="
                + " 'tandem-device').length)"), "a refused join stores nothing");
    }

    private Object submitExpectingRefusal() {
        Chromium chromium = own.chromium;
        OwnDevicePage o = own;
        o.fill("join-endpoint", o.origin);
        o.fill("join-bucket", o.bucket);
        o.fill("join-prefix", "tandem");
        o.fill("join-region", o.s3.region());
        o.fill("join-access-key", o.s3.identity());
        o.fill("join-secret-key", o.s3.credential());
        o.fill("join-name", "Anna’s phone");
        o.fill("join-passphrase", OwnDevicePage.PASSPHRASE);
        chromium.click("#join-submit");
        return chromium.await("return document.getElementById('join-error').textContent", OwnDevicePage.JOIN);
    }
}

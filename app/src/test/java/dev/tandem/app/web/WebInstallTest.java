package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as an app to install: its manifest, the icons it names (served as PNGs of the sizes declared), and
 * Chromium's own verdict that the page can be installed. The server runs on loopback over plain HTTP, which
 * browsers count as a secure context, as they do HTTPS with the self-signed certificate.
 */
@Tag("browser")
class WebInstallTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void manifest_everyIcon_answersAPngOfItsDeclaredSize() throws Exception {
        Map<String, Object> manifest = JsonText.object(web.get("/manifest.webmanifest", null).body());
        assertEquals("standalone", manifest.get("display"));
        assertEquals("/", manifest.get("id"));
        assertEquals("/", manifest.get("start_url"));
        String css = web.get("/assets/app.css", null).body();
        assertEquals(lightColour(css, "--bg"), manifest.get("background_color"));
        assertEquals(lightColour(css, "--sidebar-bg"), manifest.get("theme_color"));

        List<String> pngs = new ArrayList<>();
        for (Object o : (List<?>) manifest.get("icons")) {
            Map<?, ?> icon = (Map<?, ?>) o;
            if (!"image/png".equals(icon.get("type"))) {
                continue;
            }
            String[] size = ((String) icon.get("sizes")).split("x");
            assertPng((String) icon.get("src"), Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            pngs.add(icon.get("sizes") + " " + icon.get("purpose"));
        }
        assertTrue(pngs.containsAll(List.of("192x192 any", "512x512 any", "512x512 maskable")), pngs.toString());

        Matcher apple = Pattern.compile("<link rel=\"apple-touch-icon\" href=\"([^\"]+)\" sizes=\"180x180\">")
                .matcher(web.get("/", null).body());
        assertTrue(apple.find(), "index.html names no 180x180 apple-touch-icon");
        assertPng(apple.group(1), 180, 180);
    }

    /**
     * A launcher cuts a maskable icon to any shape that holds the middle circle of radius 40 %: outside it there
     * is only the background, up to the corners (no transparency), and the glyph is wholly inside it.
     */
    @Test
    void maskableIcon_fullBleed_glyphInsideTheSafeZone() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pngBytes("/assets/icon-maskable-512.png")));
        int background = image.getRGB(0, 0);
        assertEquals(0xff, background >>> 24, "the corner is transparent");
        double safe = 0.4 * image.getWidth();
        double centre = image.getWidth() / 2.0;
        int outsideDiffering = 0;
        int insideDiffering = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean differs = image.getRGB(x, y) != background;
                if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safe) {
                    outsideDiffering += differs ? 1 : 0;
                } else {
                    insideDiffering += differs ? 1 : 0;
                }
            }
        }
        assertEquals(0, outsideDiffering, "pixels of the glyph outside the safe zone");
        assertTrue(insideDiffering > 10_000, "the glyph has only " + insideDiffering + " pixels");
    }

    @Test
    void page_askedOverDevTools_chromiumFindsItInstallable() {
        chromium = Chromium.paired(web, Chromium.Size.DESKTOP);
        Map<String, Object> manifest = chromium.driver().executeCdpCommand("Page.getAppManifest", Map.of());
        assertEquals(List.of(), manifest.get("errors"), "manifest errors");
        // The service worker is part of the verdict: waited for, as a browser would before offering to install.
        chromium.await("return navigator.serviceWorker.controller !== null");
        Map<String, Object> verdict = chromium.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
        assertEquals(List.of(), verdict.get("installabilityErrors"));
    }

    @Test
    void pairing_succeeds_asksTheBrowserToKeepItsStorage() {
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.persistAsked = 0; if (navigator.storage) { const real = navigator.storage.persist.bind(navigator.storage);"
                        + " navigator.storage.persist = () => { window.persistAsked++; return real(); }; }"));
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        assertEquals(0L, chromium.js("return window.persistAsked"), "asked before pairing");
        chromium.open(web.server.pair().url());
        chromium.await("return window.persistAsked === 1 && !document.getElementById('app').hidden");
    }

    private void assertPng(String path, int width, int height) throws Exception {
        byte[] png = pngBytes(path);
        assertTrue(Arrays.equals(PNG_SIGNATURE, Arrays.copyOf(png, 8)), path + " is not a PNG");
        // The first chunk is IHDR: its width and height, big-endian, at bytes 16 and 20.
        assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII), path);
        assertEquals(width, ByteBuffer.wrap(png, 16, 4).getInt(), path + " width");
        assertEquals(height, ByteBuffer.wrap(png, 20, 4).getInt(), path + " height");
    }

    private byte[] pngBytes(String path) throws Exception {
        HttpResponse<byte[]> r = web.http.send(HttpRequest.newBuilder(web.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""), path);
        return r.body();
    }

    /** A colour variable as the light scheme sets it, the first time app.css names it. */
    private static String lightColour(String css, String variable) {
        Matcher m = Pattern.compile(Pattern.quote(variable) + ":\\s*(#[0-9a-f]{6})").matcher(css);
        assertTrue(m.find(), "app.css sets no " + variable);
        return m.group(1);
    }
}

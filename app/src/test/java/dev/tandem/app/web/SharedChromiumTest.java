package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;

/**
 * The browser tests' shared Chromium: a test gets the JVM's browser, and nothing of the test before it on the same
 * origin (the page's server on the same port): no session, no storage, no service worker, the phone's viewport.
 */
@Tag("browser")
class SharedChromiumTest {
    /** What one origin keeps, read on a page of it that runs none of the app's scripts. */
    private static final String KEPT = "return Promise.all([navigator.serviceWorker.getRegistrations(),"
            + " indexedDB.databases(), caches.keys()]).then(([sw, dbs, caches]) => ({workers: sw.length,"
            + " databases: dbs.map(d => d.name), caches, local: localStorage.length, cookies: document.cookie}))";

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

    /** Pairs, lets the service worker take over, and leaves something in every kind of storage. */
    private void useEverything(Chromium c) {
        c.open(web.server.pair().url());
        c.await("return !document.getElementById('app').hidden && !!navigator.serviceWorker.controller",
                Duration.ofSeconds(10));
        c.js("localStorage.setItem('probe', '1'); document.cookie = 'probe=1; path=/';"
                + " indexedDB.open('probe', 1); return caches.open('probe').then(k => k.put('/probe', new Response('x')))");
        c.await("return indexedDB.databases().then(dbs => dbs.some(d => d.name === 'probe'))");
    }

    @Test
    void start_afterAnotherTestOnTheSameOrigin_sameBrowserNothingKept() {
        Object driver;
        try (Chromium first = Chromium.start(Chromium.Size.PHONE)) {
            driver = first.driver();
            useEverything(first);
            first.open(web.server.url() + "no-such-page");
            Map<?, ?> kept = (Map<?, ?>) first.js(KEPT);
            assertEquals(1L, kept.get("workers"), kept::toString);
            assertTrue(((List<?>) kept.get("databases")).contains("probe"), kept::toString);
            assertTrue(((List<?>) kept.get("caches")).contains("probe"), kept::toString);
            assertTrue(((Long) kept.get("local")) > 0, kept::toString);
            assertTrue(((String) kept.get("cookies")).contains("probe=1"), kept::toString);
        }
        try (Chromium second = Chromium.start(Chromium.Size.PHONE)) {
            assertSame(driver, second.driver());
            assertEquals(1, second.driver().getWindowHandles().size());
            second.open(web.server.url() + "no-such-page");
            assertEquals(Map.of("workers", 0L, "databases", List.of(), "caches", List.of(), "local", 0L,
                    "cookies", ""), second.js(KEPT));
            second.open(web.server.url().toString());
            second.await("return !document.getElementById('pair').hidden");
            assertEquals(true, second.js("return document.getElementById('app').hidden"));
            assertEquals(390L, second.js("return innerWidth"));
            assertEquals(2L, second.js("return devicePixelRatio"));
        }
    }

    @Test
    void start_whileTheSharedOneIsHeld_aBrowserOfItsOwn() {
        Chromium held = Chromium.start(Chromium.Size.PHONE);
        try (Chromium other = Chromium.start(Chromium.Size.PHONE)) {
            assertNotSame(held.driver(), other.driver());
            other.open(web.server.url().toString());
            other.await("return !document.getElementById('pair').hidden");
        } finally {
            held.close();
        }
    }

    @Test
    void start_afterATestResizedTheWindow_theWindowsFirstSize() {
        Dimension size;
        try (Chromium first = Chromium.start(Chromium.Size.DESKTOP)) {
            size = first.driver().manage().window().getSize();
            first.driver().manage().window().setSize(new Dimension(800, 600));
        }
        try (Chromium second = Chromium.start(Chromium.Size.DESKTOP)) {
            assertEquals(size, second.driver().manage().window().getSize());
            second.open(web.server.url().toString());
            assertEquals(Chromium.Size.DESKTOP.width, ((Number) second.js("return outerWidth")).intValue());
        }
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' shared Chromium: a test gets the JVM's browser, and nothing of the test before it on the same
 * origin (the page's server on the same port): no session, no storage, no service worker, no live document, no
 * history, none of what the test set on its tab (scripts, media, network conditions, a permission, a key held, a
 * dialog open, a second tab, blocked URLs), the phone's viewport.
 */
@Tag("browser")
class SharedChromiumTest {
    /**
     * What one origin keeps, read on a page of it that runs none of the app's scripts: its storage, and in
     * {@code locks} the Web Locks held on it, which only a live document (or worker) of the origin can hold.
     */
    private static final String KEPT = "return Promise.all([navigator.serviceWorker.getRegistrations(),"
            + " indexedDB.databases(), caches.keys(), navigator.locks.query()]).then(([sw, dbs, caches, locks]) =>"
            + " ({workers: sw.length, databases: dbs.map(d => d.name), caches, local: localStorage.length,"
            + " session: sessionStorage.length, cookies: document.cookie, name: window.name, history: history.length,"
            + " locks: locks.held.length}))";
    /** What a test that used nothing finds after opening one page: its history is that page and the blank before it. */
    private static final Map<String, Object> NOTHING = Map.of("workers", 0L, "databases", List.of(), "caches",
            List.of(), "local", 0L, "session", 0L, "cookies", "", "name", "", "history", 2L, "locks", 0L);

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

    /**
     * Pairs, lets the service worker take over, leaves something in every kind of storage, and leaves the page on a
     * 404 of the origin still running: a timer writing local storage, a lock held for ever.
     */
    private void useEverything(Chromium c) {
        c.open(web.server.pair().url());
        c.await("return !document.getElementById('app').hidden && !!navigator.serviceWorker.controller",
                Duration.ofSeconds(10));
        c.js("localStorage.setItem('probe', '1'); document.cookie = 'probe=1; path=/';"
                + " indexedDB.open('probe', 1); return caches.open('probe').then(k => k.put('/probe', new Response('x')))");
        c.await("return indexedDB.databases().then(dbs => dbs.some(d => d.name === 'probe'))");
        c.open(web.server.url() + "no-such-page");
        c.js("sessionStorage.setItem('probe', '1'); window.name = 'probe';"
                + " setInterval(() => localStorage.setItem('tick', String(Date.now())), 20);"
                + " navigator.locks.request('probe', () => new Promise(() => {}))");
        c.await("return navigator.locks.query().then(l => l.held.length === 1)");
    }

    @Test
    void start_afterAnotherTestOnTheSameOrigin_sameBrowserNothingKept() {
        Object driver;
        String tab;
        try (Chromium first = Chromium.start(Chromium.Size.PHONE)) {
            driver = first.driver();
            tab = first.driver().getWindowHandle();
            useEverything(first);
            Map<?, ?> kept = (Map<?, ?>) first.js(KEPT);
            assertEquals(1L, kept.get("workers"), kept::toString);
            assertTrue(((List<?>) kept.get("databases")).contains("probe"), kept::toString);
            assertTrue(((List<?>) kept.get("caches")).contains("probe"), kept::toString);
            assertTrue(((Long) kept.get("local")) > 0, kept::toString);
            assertEquals(1L, kept.get("session"), kept::toString);
            assertTrue(((String) kept.get("cookies")).contains("probe=1"), kept::toString);
            assertEquals("probe", kept.get("name"), kept::toString);
            assertTrue(((Long) kept.get("history")) > 2, kept::toString);
            assertEquals(1L, kept.get("locks"), kept::toString);
        }
        try (Chromium second = Chromium.start(Chromium.Size.PHONE)) {
            assertSame(driver, second.driver());
            assertEquals(List.of(tab), List.copyOf(second.driver().getWindowHandles()));
            second.open(web.server.url() + "no-such-page");
            assertEquals(NOTHING, second.js(KEPT));
            second.open(web.server.url().toString());
            second.await("return !document.getElementById('pair').hidden");
            assertEquals(true, second.js("return document.getElementById('app').hidden"));
            assertEquals(390L, second.js("return innerWidth"));
            assertEquals(2L, second.js("return devicePixelRatio"));
        }
    }

    @Test
    void start_afterATestSetItsTabUp_noneOfItLeft() {
        String tab;
        try (Chromium first = Chromium.start(Chromium.Size.PHONE)) {
            tab = first.driver().getWindowHandle();
            ChromeDriver d = first.driver();
            d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.probe = 1;"));
            d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            first.open(web.server.url() + "no-such-page");
            String origin = "http://127.0.0.1:" + web.server.url().getPort();
            d.executeCdpCommand("Browser.setPermission", Map.of("origin", origin,
                    "permission", Map.of("name", "notifications"), "setting", "granted"));
            assertEquals(List.of(1L, true, "granted"), first.js("return [window.probe,"
                    + " matchMedia('(prefers-color-scheme: dark)').matches, Notification.permission]"));
            first.js("document.body.innerHTML = '<input id=typed>'");
            new Actions(d).keyDown(Keys.SHIFT).perform();
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            d.setNetworkConditions(offline);
            first.js("setTimeout(() => alert('left open'), 0)");
            new WebDriverWait(d, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        }
        try (Chromium second = Chromium.start(Chromium.Size.PHONE)) {
            assertEquals(List.of(tab), List.copyOf(second.driver().getWindowHandles()));
            assertThrows(NoAlertPresentException.class, () -> second.driver().switchTo().alert());
            second.open(web.server.url() + "no-such-page");
            assertEquals(Arrays.asList(null, false, true), second.js("return [window.probe,"
                    + " matchMedia('(prefers-color-scheme: dark)').matches, Notification.permission !== 'granted']"));
            second.js("document.body.innerHTML = '<input id=typed>'");
            second.find("#typed").sendKeys("a");
            assertEquals("a", second.js("return document.getElementById('typed').value"));
        }
    }

    @Test
    void start_afterATestOpenedATabAndBlockedUrls_oneNewTabThatLoads() {
        List<String> tabs;
        try (Chromium first = Chromium.start(Chromium.Size.PHONE)) {
            ChromeDriver d = first.driver();
            first.open(web.server.url() + "no-such-page");
            d.executeCdpCommand("Network.enable", Map.of());
            d.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*")));
            d.switchTo().newWindow(WindowType.TAB);
            first.open(web.server.url() + "no-such-page");
            tabs = List.copyOf(d.getWindowHandles());
            assertEquals(2, tabs.size());
        }
        try (Chromium second = Chromium.start(Chromium.Size.PHONE)) {
            String tab = second.driver().getWindowHandle();
            assertEquals(List.of(tab), List.copyOf(second.driver().getWindowHandles()));
            assertFalse(tabs.contains(tab), tabs::toString);
            second.open(web.server.url() + "no-such-page");
            assertEquals(NOTHING, second.js(KEPT));
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

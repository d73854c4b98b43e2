package dev.tandem.app.web;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test JVM for each window size and language, lent to one test at a time. Starting
 * Chromium and its chromedriver costs about 2.5 s of CPU; the browser tests started one per test.
 *
 * <p>Design. A browser is lent ({@link #lend}) only when no one holds it, and what a lender gets is a browser as a
 * fresh start would be for the page: one tab on {@code about:blank} with no history and no session storage, no
 * cookies, no HTTP cache, and for every origin the previous holder's tabs showed or were sent to ({@link #visited}),
 * no IndexedDB, local storage, cache storage, file system, storage bucket or service worker
 * ({@code Storage.clearDataForOrigin} with {@link #STORAGE}: every kind a page's script can write, which costs about
 * half of "all"; cookies go for all origins at once); no permission granted, no network conditions; the window at
 * its first size, the session's timeouts at WebDriver's defaults, no key or button held down, no dialog open. The
 * reset runs when the holder closes its {@link Chromium}; a test that forgets to close leaves the browser held, so
 * the next one gets a browser of its own ({@link #lend} answers null), as clean as before. A test holding two
 * browsers of one kind at once (two phones) gets the second of its own the same way. If the reset fails (a crashed
 * tab, a dead driver), the browser is quit and the next lender starts another.
 *
 * <p>The tab. A new tab and closing the old ones cost 0.5 to 0.7 s a test under load, most of a reset, and
 * WebDriver's own navigation to {@code about:blank} nearly as much. So the holder's tab is kept when it is the only
 * one, showed one origin at most, and DevTools set nothing on it that {@link SharedDriver} cannot take back, and the
 * page itself goes to {@code about:blank} ({@link #LEAVE}, in its own renderer: about 0.2 s). That ends the document
 * with its timers, workers, connections and locks (a Back after it finds none of it: Chromium under chromedriver
 * keeps no back/forward cache here, and the history is dropped besides); its session storage is cleared on the way
 * out, its {@code window.name} on {@code about:blank}. Otherwise (a second tab, two origins, blocked URLs, a page
 * that will not leave) the next test gets a new tab and the old ones are closed, taking with them whatever was set
 * on them.
 *
 * <p>A profile kept across a restart or extra switches make a browser of a test's own ({@link Chromium#start}),
 * and each window size and language has a browser of its own: the phone's emulation (viewport, pixel ratio, taps
 * as touches) is chromedriver's, set for a whole session, and {@code --accept-lang} reaches every request the
 * browser makes, where a DevTools override is set per tab. Tests in one JVM run one at a time (surefire forks, no
 * parallel JUnit); all state is guarded by this class's lock all the same. The browsers are quit when the JVM
 * ends.
 */
final class SharedChromium {
    private record Kind(Chromium.Size size, String lang) {
    }

    private static final Map<Kind, SharedChromium> BROWSERS = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedChromium::quitAll, "shared-chromium-quit"));
    }

    /** What {@code Storage.clearDataForOrigin} clears of each origin: all a script can keep, cookies aside. */
    static final String STORAGE = "local_storage,indexeddb,cache_storage,service_workers,file_systems,"
            + "storage_buckets,shared_storage,interest_groups";
    /**
     * The holder's page leaves for {@code about:blank}, its session storage cleared; answers where it was. The
     * try: a page of no origin (about:blank, data:) has no session storage to clear.
     */
    private static final String LEAVE = "const here = location.href;"
            + " try { sessionStorage.clear(); } catch (noStorage) { /* an opaque origin keeps none */ }"
            + " location.replace('about:blank'); return here;";
    /** True once the tab shows {@code about:blank}, whose name it then clears. */
    private static final String BLANK = "if (location.href !== 'about:blank' || document.readyState !== 'complete')"
            + " { return false; } window.name = ''; return true;";

    private final SharedDriver driver;
    private final Dimension windowSize;
    /** Origins (scheme://host[:port]) whose storage the next reset clears. */
    private final Set<String> visited = new LinkedHashSet<>();
    private Chromium holder;

    private SharedChromium(SharedDriver driver) {
        this.driver = driver;
        this.windowSize = driver.manage().window().getSize();
    }

    /**
     * A clean tab of the shared browser of this size and language, held by the Chromium {@code wrap} makes of
     * its driver; null when that browser is held (the caller starts one of its own).
     */
    static synchronized Chromium lend(Chromium.Size size, String lang,
            Function<SharedChromium, Chromium> wrap) {
        Kind kind = new Kind(size, lang);
        SharedChromium shared = BROWSERS.get(kind);
        if (shared != null && shared.holder != null) {
            return null;
        }
        if (shared == null) {
            shared = new SharedChromium(Chromium.launch(size, null, lang, List.of(), "shared", SharedDriver::new));
            BROWSERS.put(kind, shared);
        }
        shared.holder = wrap.apply(shared);
        return shared.holder;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Notes that the holder's tab goes to {@code url}, so the next reset clears its origin's storage. */
    void visiting(String url) {
        synchronized (SharedChromium.class) {
            origin(url);
        }
    }

    /** Takes the browser back from {@code chromium} and resets it for the next lender. */
    void giveBack(Chromium chromium) {
        synchronized (SharedChromium.class) {
            if (holder != chromium) {
                return;
            }
            try {
                reset();
                holder = null;
            } catch (RuntimeException e) {
                // A browser that cannot be reset is not lent again: the next lender starts a fresh one.
                BROWSERS.values().remove(this);
                quit();
            }
        }
    }

    private void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        driver.resetInputState();
        driver.undoBrowserChanges();
        Set<String> tabs = driver.getWindowHandles();
        if (tabs.size() != 1 || driver.tabChanged() || visited.size() > 1 || !blank()) {
            freshTab();
        }
        for (String origin : visited) {
            driver.devtools("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", STORAGE));
        }
        visited.clear();
        driver.devtools("Network.clearBrowserCookies", Map.of());
        driver.devtools("Network.clearBrowserCache", Map.of());
        driver.defaultTimeouts();
        if (!driver.manage().window().getSize().equals(windowSize)) {
            driver.manage().window().setSize(windowSize);
        }
    }

    /**
     * Takes the one tab to {@code about:blank} with nothing of the holder's on it; false when that did not work or the
     * page showed a second origin, whose session storage the page could not clear.
     */
    private boolean blank() {
        try {
            driver.undoTabChanges();
            driver.switchTo().defaultContent();
            origin((String) driver.executeScript(LEAVE));
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(10))
                    .until(d -> Boolean.TRUE.equals(driver.executeScript(BLANK)));
            driver.devtools("Page.resetNavigationHistory", Map.of());
            return visited.size() <= 1;
        } catch (WebDriverException pageWouldNotLeave) {
            // a page that blocks leaving (a beforeunload dialog) or runs no script: its tab is closed instead
            return false;
        }
    }

    /** A new tab for the next test, and the old ones closed: a window with no tab would end chromedriver's session. */
    private void freshTab() {
        for (String handle : driver.getWindowHandles()) {
            origin(driver.switchTo().window(handle).getCurrentUrl());
        }
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.forgetTabChanges();
    }

    private void origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                // Chromium reads an origin without its scheme's port (http://host:80 is http://host)
                visited.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            }
        } catch (IllegalArgumentException notAUrl) {
            // about:blank, data: and the like keep nothing of an origin's
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException gone) {
            // already dead: nothing left to quit
        }
    }

    private static void quitAll() {
        synchronized (SharedChromium.class) {
            BROWSERS.values().forEach(SharedChromium::quit);
            BROWSERS.clear();
        }
    }
}

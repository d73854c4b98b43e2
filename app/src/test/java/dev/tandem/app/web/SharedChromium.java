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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium per test JVM for each window size and language, lent to one test at a time. Starting
 * Chromium and its chromedriver costs about a second of a busy core; the browser tests started one per test.
 *
 * <p>Design. A browser is lent ({@link #lend}) only when no one holds it, and what a lender gets is a browser
 * as a fresh start would be for the page: one new tab on {@code about:blank}, no cookies, no HTTP cache, and for
 * every origin the previous holder's tabs showed or were sent to ({@link #visited}), no IndexedDB, local storage,
 * cache storage or service worker ({@code Storage.clearDataForOrigin}, "all"); the window at its first size, the
 * session's timeouts at WebDriver's defaults, no key or button held down. What a test set on its tab through
 * DevTools (emulated media, a script for every new document) went with the tab. The reset runs when the holder
 * closes its {@link Chromium}; a test that forgets to close leaves the browser held, so the next one gets a
 * browser of its own ({@link #lend} answers null), as clean as before.
 * A test holding two browsers of one kind at once (two phones) gets the second of its own the same way. If the
 * reset fails (a dialog, a crashed tab, a dead driver), the browser is quit and the next lender starts another.
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

    private final ChromeDriver driver;
    private final Dimension windowSize;
    /** Origins (scheme://host:port) whose storage the next reset clears. */
    private final Set<String> visited = new LinkedHashSet<>();
    private Chromium holder;

    private SharedChromium(ChromeDriver driver) {
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
            shared = new SharedChromium(Chromium.launch(size, null, lang, List.of()));
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
        for (String handle : driver.getWindowHandles()) {
            origin(driver.switchTo().window(handle).getCurrentUrl());
        }
        // A new tab first, then the old ones closed: a window with no tab would end chromedriver's session.
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        for (String origin : visited) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        visited.clear();
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.manage().timeouts().implicitlyWait(Duration.ZERO).scriptTimeout(Duration.ofSeconds(30))
                .pageLoadTimeout(Duration.ofSeconds(300));
        if (!driver.manage().window().getSize().equals(windowSize)) {
            driver.manage().window().setSize(windowSize);
        }
    }

    private void origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
                visited.add(uri.getScheme() + "://" + uri.getHost() + ":" + port);
                if (uri.getPort() == -1) {
                    visited.add(uri.getScheme() + "://" + uri.getHost());
                }
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

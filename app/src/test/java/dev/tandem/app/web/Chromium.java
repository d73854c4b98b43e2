package dev.tandem.app.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver. Both paths are set explicitly so Selenium
 * Manager never looks for (or downloads) a browser or driver. Missing here: the test is skipped, or fails
 * under CI, which installs both. A test's browser is a clean tab of one kept per test JVM ({@link SharedChromium})
 * unless it needs a profile or switches of its own.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Window sizes the page is made for: one column on a phone, sidebar + list + detail on a desktop. */
    enum Size {
        PHONE(390, 844),
        DESKTOP(1400, 900);

        final int width;
        final int height;

        Size(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /**
     * Browsers started in this JVM. Each start costs seconds of a busy core (over 10 s under the suite's load), so
     * every one is said on stderr with why it was not lent: the count to keep low.
     */
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final ChromeDriver driver;
    /** The per-JVM browser this one is lent from; null when the browser is this test's own. */
    private final SharedChromium shared;

    private Chromium(ChromeDriver driver, SharedChromium shared) {
        this.driver = driver;
        this.shared = shared;
    }

    /** A clean tab of this JVM's browser of {@code size} (one browser per size and language, see SharedChromium). */
    static Chromium start(Size size) {
        return start(size, null);
    }

    /**
     * A browser keeping its profile (IndexedDB, the service worker, cookies) in {@code profile}, so a second
     * start on it is the same browser started again, as a phone's after a restart; null for a clean one.
     */
    static Chromium start(Size size, Path profile) {
        return start(size, profile, "en");
    }

    /**
     * A browser whose {@code Accept-Language} is {@code lang}; the others are English, as the tests read the page's
     * English words.
     */
    static Chromium start(Size size, Path profile, String lang) {
        return start(size, profile, lang, List.of());
    }

    /**
     * The same, with more of Chromium's switches ({@code --ignore-certificate-errors-spki-list=…}). Without a
     * profile or switches the browser is lent from the JVM's shared one, as clean as a fresh start; with either,
     * or while the shared one is held, it is a browser of the test's own, quit on {@link #close()}.
     */
    static Chromium start(Size size, Path profile, String lang, List<String> switches) {
        requireInstalled();
        if (profile == null && switches.isEmpty()) {
            Chromium lent = SharedChromium.lend(size, lang, shared -> new Chromium(shared.driver(), shared));
            if (lent != null) {
                return lent;
            }
        }
        String why = profile != null ? "a profile of its own" : !switches.isEmpty() ? "switches of its own"
                : "the shared one is held";
        return new Chromium(launch(size, profile, lang, switches, why, ChromeDriver::new), null);
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = BROWSER + " or " + DRIVER + " is not installed here (packages chromium, chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + "; CI must run the web page's tests");
            }
            Assumptions.abort(missing);
        }
    }

    /**
     * A new Chromium process and its chromedriver, made by {@code driver} ({@link SharedDriver} for a browser lent
     * to test after test), started for {@code why} (said on stderr with the count).
     */
    static <D extends ChromeDriver> D launch(Size size, Path profile, String lang, List<String> switches, String why,
            BiFunction<ChromeDriverService, ChromeOptions, D> driver) {
        System.err.printf("[chromium] launch %d in this JVM (%d): %s %s, %s%n", LAUNCHES.incrementAndGet(),
                ProcessHandle.current().pid(), size, lang, why);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + size.width + "," + size.height);
        // A headless Chromium loads the address bar's popups (chrome://omnibox-popup.top-chrome/ and its AI mode
        // page) into a renderer of their own at every start, though it shows no address bar: about 2 s of CPU, near
        // half of a launch's (docs/TESTING.md, "A browser once per fork"). No page sees them; chromedriver adds this
        // list to its own --disable-features. The usual switches for a lean start (--no-first-run, --disable-sync,
        // --disable-background-networking and the like) are chromedriver's already, and the others tried
        // (--disable-extensions, --disable-component-update, --in-process-gpu, ...) saved nothing measurable.
        options.addArguments("--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup");
        if (profile != null) {
            options.addArguments("--user-data-dir=" + profile);
        }
        // Headless Chromium sends Accept-Language from --accept-lang; --lang alone leaves it English.
        options.addArguments("--accept-lang=" + lang);
        options.addArguments(switches);
        if (size == Size.PHONE) {
            // Headless windows are at least 500 px wide; the phone's viewport is emulated to be exactly 390.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", size.width, "height", size.height, "pixelRatio", 2, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return driver.apply(service, options);
    }

    /** A browser paired with {@code web}'s server by its link, showing its first view. */
    static Chromium paired(WebFixture web, Size size) {
        return paired(web, size, "en");
    }

    /** The same, in a browser whose language is {@code lang}. */
    static Chromium paired(WebFixture web, Size size, String lang) {
        Chromium c = start(size, null, lang);
        c.open(web.server.pair().url());
        // A browser started for this test loads the page cold (no cache, a service worker to install): under the
        // suite's load that has taken over 5 s, so its first view gets longer than a step within a page.
        c.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view"
                + " && document.querySelectorAll('#nav-views li').length === 6", Duration.ofSeconds(15));
        return c;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        if (shared != null) {
            shared.visiting(url);
        }
        driver.get(url);
    }

    /**
     * The element, scrolled to the middle of its scroller as a person would before touching it: Selenium scrolls
     * it just into view, where the page's sticky bars (the item's Save bar) may cover it.
     */
    WebElement find(String css) {
        WebElement el = driver.findElement(By.cssSelector(css));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", el);
        return el;
    }

    /**
     * Clicks the element, finding it again if the page replaced it between the find and the click: a page that
     * redraws a message (a save refused again while the person reads it) puts new buttons where the old ones were,
     * and a person's tap lands on those.
     */
    void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "clicking " + css)
                .until(d -> {
                    find(css).click();
                    return true;
                });
    }

    /**
     * Clicks {@code css} as its own click event, not at its place on screen: for a button in a line whose text
     * changes while the test taps it (the own-device page's sync line), where a click at a place the layout moves
     * between finding it and pressing lands beside the button.
     */
    void press(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "pressing " + css)
                .until(d -> {
                    js("arguments[0].click()", find(css));
                    return true;
                });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the script (given {@code args}) returns something truthy, and returns it. */
    Object await(String script, Duration timeout, Object... args) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .withMessage(() -> "waiting for: " + script)
                .until((ExpectedCondition<Object>) d -> {
                    Object value = js(script, args);
                    return value == null || Boolean.FALSE.equals(value) || "".equals(value) ? null : value;
                });
    }

    Object await(String script, Object... args) {
        return await(script, Duration.ofSeconds(5), args);
    }

    /** Quits a browser of the test's own; gives a lent one back, cleared for the next test. */
    @Override
    public void close() {
        if (shared != null) {
            shared.giveBack(this);
        } else {
            driver.quit();
        }
    }
}

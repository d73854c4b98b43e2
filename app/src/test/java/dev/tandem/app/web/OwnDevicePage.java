package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.TcpOutage;
import dev.tandem.engine.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.TimeoutException;

/**
 * The page as its own device with no {@code tandem serve} anywhere, for the tests that need the whole setup: an
 * S3Proxy bucket that answers reads without credentials, a desktop profile ({@code desktop}, the command line run
 * in-process) syncing to {@code tandem/} of it, the page published under {@code page/}, and S3Proxy reached
 * through a relay ({@link TcpOutage}) for the page's files and the remote alike, so {@link #relay}{@code .cut()}
 * takes the whole origin away, as for a phone out of reach of its storage. {@link #publishAndJoin} is the start
 * most tests share (published, joined, synced); {@link #join} opens the page in
 * Chromium at phone size and joins it; {@link #openJoin}, {@link #fillJoin} and {@link #submitJoin} are its steps,
 * for a test that checks the join screen on the way ({@link #openJoinIn(Chromium, String)} and
 * {@link #submitFilled} for a join link, which fills the screen itself). The static steps ({@link #fill(Chromium, String, String)},
 * {@link #awaitRow(Chromium, String, Duration)}, {@link #awaitSynced(Chromium, Duration)}) serve a page joined to
 * another kind of remote.
 */
final class OwnDevicePage implements AutoCloseable {
    static final String PASSPHRASE = "correct horse battery staple";
    static final Duration JOIN = Duration.ofSeconds(60);
    static final Duration SYNC = Duration.ofSeconds(20);
    /**
     * The page's waits for a test that opts in ({@link #quick()}; device.js reads {@code window.tandemTestTimers}):
     * its sync 100 ms after a change instead of 2 s, its check of the remote's change marker every 400 ms instead of
     * 2.5 s. The test watches the same things happen, in the same order, without waiting out a person's pauses; a
     * benchmark keeps the page's own.
     */
    private static final String QUICK_TIMERS = "window.tandemTestTimers = { syncAfterChangeMs: 100, checkMs: 400 };";

    final Path desktop;
    final S3ProxyServer s3;
    final String bucket;
    /** The desktop's remote, {@code s3://BUCKET/tandem}. */
    final String remote;
    final TcpOutage relay;
    /** Whether {@link #s3} is this page's own (stopped on {@link #close()}), not the JVM's shared one. */
    private final boolean ownServer;
    /** The page's origin: the relay's. */
    final String origin;
    Chromium chromium;
    /** Whether the pages opened here run with {@link #QUICK_TIMERS}. */
    private boolean quick;

    /** A bucket of the JVM's anonymous S3Proxy ({@link AnonymousS3}) and its relay; nothing published yet, no browser. */
    OwnDevicePage(Path desktop) {
        this(desktop, AnonymousS3.shared(), false);
    }

    /** The same on an S3Proxy of {@code s3} (its CORS, or none), started here and stopped on {@link #close()}. */
    OwnDevicePage(Path desktop, S3ProxyServer.Builder server) {
        this(desktop, server.start(), true);
    }

    private OwnDevicePage(Path desktop, S3ProxyServer s3, boolean own) {
        this.desktop = desktop;
        this.s3 = s3;
        this.ownServer = own;
        this.bucket = s3.newBucket();
        this.remote = "s3://" + bucket + "/tandem";
        this.relay = new TcpOutage(s3.port());
        this.origin = "http://127.0.0.1:" + relay.port();
    }

    /** This, its pages opened with the test timers ({@link #QUICK_TIMERS}); returns this. */
    OwnDevicePage quick() {
        quick = true;
        return this;
    }

    /** The published page's address, through the relay. */
    String pageUrl() {
        return origin + "/" + bucket + "/page/index.html";
    }

    /** {@code tandem ARGS} on the desktop's profile, with the bucket's credentials and the passphrase; must succeed. */
    CliRun.Result tandem(String... args) {
        CliRun.Result r = CliRun.run(Map.of("AWS_ENDPOINT_URL", s3.endpoint(), "AWS_ACCESS_KEY_ID", s3.identity(),
                "AWS_SECRET_ACCESS_KEY", s3.credential(), "AWS_REGION", s3.region(), "TANDEM_PASSPHRASE", PASSPHRASE),
                desktop, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    /** The desktop's {@code tandem sync}. */
    CliRun.Result desktopSync() {
        return tandem("sync", "--remote", remote);
    }

    /** {@code tandem page publish} in {@code lang} to the bucket, so the page is at {@link #pageUrl()}. */
    CliRun.Result publish(String lang) {
        return publish(lang, "s3://" + bucket);
    }

    /** The same to {@code remote}, e.g. {@link #remote}: the page then lies under {@code tandem/page/}. */
    CliRun.Result publish(String lang, String remote) {
        return tandem("--lang", lang, "page", "publish", "--remote", remote);
    }

    /**
     * The start most tests share, once the desktop has added what they need: the desktop syncs, the page is published
     * in English, and Chromium at phone size (keeping its profile in {@code profile}; null: a clean one) joins it;
     * returns once the page shows the row titled {@code shown} and its sync line says synced.
     */
    Chromium publishAndJoin(String shown, Path profile) {
        desktopSync();
        publish("en");
        join(JOIN, profile);
        awaitRow(shown);
        awaitSynced();
        return chromium;
    }

    /** Starts Chromium at phone size, opens the page and joins the remote as "Anna’s phone", within {@code join}. */
    Chromium join(Duration join) {
        return join(join, null);
    }

    /**
     * The same in a browser keeping its profile in {@code profile} (null: a clean one lent for the test), so the
     * test can quit it and start it again on what it kept, as a phone restarted.
     */
    Chromium join(Duration join, Path profile) {
        openJoin(Chromium.Size.PHONE, profile);
        return submitJoin(join);
    }

    /** Starts Chromium of {@code size} on {@code profile} (null: a clean one) and opens the page's join screen. */
    Chromium openJoin(Chromium.Size size, Path profile) {
        return openJoinIn(Chromium.start(size, profile));
    }

    /** {@code browser}, whose every new document runs the page with its test timers ({@link #QUICK_TIMERS}). */
    static Chromium quickTimers(Chromium browser) {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", QUICK_TIMERS));
        return browser;
    }

    /** Opens the page's join screen in {@code browser} (already started, e.g. with a permission set). */
    Chromium openJoinIn(Chromium browser) {
        return openJoinIn(browser, pageUrl());
    }

    /** The same at {@code url}: a page published elsewhere, or a join link ({@code #join=…}). */
    Chromium openJoinIn(Chromium browser, String url) {
        chromium = quick ? quickTimers(browser) : browser;
        chromium.open(url);
        chromium.await("return !document.getElementById('join').hidden", SYNC);
        return chromium;
    }

    /** Fills the open join screen for the bucket's {@code tandem/} as "Anna’s phone", joins, within {@code join}. */
    Chromium submitJoin(Duration join) {
        fillJoin();
        return submitFilled(join);
    }

    /**
     * Types the passphrase into the open join screen, its other fields already filled ({@link #fillJoin}, or a join
     * link and the test), and joins within {@code join}.
     */
    Chromium submitFilled(Duration join) {
        fill("join-passphrase", PASSPHRASE);
        chromium.click("#join-submit");
        chromium.await("return !document.getElementById('app').hidden", join);
        return chromium;
    }

    /** Opens the page in {@code browser} (already started, e.g. with a permission set) and joins as {@link #join}. */
    Chromium joinIn(Chromium browser, Duration join) {
        openJoinIn(browser);
        return submitJoin(join);
    }

    /** Fills the open join screen for the bucket's {@code tandem/} as "Anna’s phone": all but the passphrase. */
    void fillJoin() {
        fill("join-endpoint", origin);
        fill("join-bucket", bucket);
        fill("join-prefix", "tandem");
        fill("join-region", s3.region());
        fill("join-access-key", s3.identity());
        fill("join-secret-key", s3.credential());
        fill("join-name", "Anna’s phone");
    }

    void fill(String id, String value) {
        fill(chromium, id, value);
    }

    /** Sets the field {@code id} of the page in {@code chromium} to {@code value}. */
    static void fill(Chromium chromium, String id, String value) {
        chromium.js("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Waits for a shown row titled {@code title}. */
    void awaitRow(String title) {
        awaitRow(title, SYNC);
    }

    void awaitRow(String title, Duration within) {
        awaitRow(chromium, title, within);
    }

    /** Waits for a shown row titled {@code title} on the page in {@code chromium}. */
    static void awaitRow(Chromium chromium, String title, Duration within) {
        chromium.await("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".some((e) => e.textContent === arguments[0])", within, title);
    }

    /** The shown rows' titles, sorted. */
    List<?> titles() {
        return (List<?>) chromium.js("return [...document.querySelectorAll('#items .item .item-title')]"
                + ".map((e) => e.textContent).sort()");
    }

    /** Waits until the shown rows' titles are {@code titles}, in this order. */
    void awaitTitles(List<String> titles) {
        awaitShown("return [...document.querySelectorAll('#items .item .item-title')].map((e) => e.textContent)", titles);
    }

    /** Waits until the shown rows' titles, sorted, are {@code sorted}: a reload may show them over more than one frame. */
    void awaitSortedTitles(List<String> sorted) {
        awaitShown("return [...document.querySelectorAll('#items .item .item-title')].map((e) => e.textContent).sort()",
                sorted);
    }

    /** Waits until the list the script {@code shown} returns is {@code wanted}; says what was shown when it is not. */
    private void awaitShown(String shown, List<String> wanted) {
        try {
            chromium.await("return JSON.stringify((() => { " + shown + "; })()) === JSON.stringify(arguments[0])", SYNC, wanted);
        } catch (RuntimeException e) {
            throw new AssertionError("shown " + chromium.js(shown) + ", wanted " + wanted, e);
        }
    }

    /** The id of the todo titled {@code title} in the desktop's {@code tandem list --json} answer {@code json}. */
    static String idOf(String json, String title) {
        Matcher m = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"title\"\\s*:\\s*\"" + title + "\"")
                .matcher(json);
        assertTrue(m.find(), title + " in " + json);
        return m.group(1);
    }

    /** Waits for the sync line to say synced, with nothing waiting and no failure shown. */
    void awaitSynced(Duration within) {
        awaitSynced(chromium, within);
    }

    /** As {@link #awaitSynced(Duration)}, for the page in {@code chromium} (a remote of another kind). */
    static void awaitSynced(Chromium chromium, Duration within) {
        try {
            chromium.await("const t = document.getElementById('device-sync-text').textContent;"
                    + " return t.startsWith('Synced at') && !t.includes('wait')"
                    + " && document.getElementById('device-sync-error').hidden", within);
        } catch (TimeoutException e) {
            // What the line says, for a failure seen once in a while: still syncing, a change waiting, or a failure.
            throw new AssertionError("not synced within " + within + ": " + chromium.js("const $ = (id) =>"
                    + " document.getElementById(id); return JSON.stringify([$('device-sync-text').textContent,"
                    + " $('device-sync-error').hidden ? 'no failure shown' : $('device-sync-error-text').textContent])"), e);
        }
    }

    void awaitSynced() {
        awaitSynced(SYNC);
    }

    /** Waits until the worker has kept the published files and controls the page. */
    void awaitWorker() {
        chromium.await("return navigator.serviceWorker.controller !== null", JOIN);
    }

    @Override
    public void close() {
        if (chromium != null) {
            chromium.close();
        }
        relay.close();
        if (ownServer) {
            s3.close();
        }
    }
}

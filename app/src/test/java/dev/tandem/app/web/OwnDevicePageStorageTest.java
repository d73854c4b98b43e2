package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the browser keeps the page's data, as This device's card says it (docs/WEB.md, "Honest about the
 * browser's limits"): the page published to S3Proxy and joined in Debian's Chromium at phone size (OwnDevicePage).
 * Chromium's durable-storage permission is set through DevTools, denied first: the page asked to be kept when it
 * joined, navigator.storage.persisted() answers false and the card says the browser may clear the data, with what to
 * do and what it would lose; then granted: persist() is asked again and the card says the data is kept for good. In
 * both, the card's words are checked against what navigator.storage.persisted() answers, and the usage it shows
 * against navigator.storage.estimate().
 */
@Tag("browser")
class OwnDevicePageStorageTest {
    @TempDir
    Path desktop;
    OwnDevicePage page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    private void permission(Chromium chromium, String setting) {
        chromium.driver().executeCdpCommand("Browser.setPermission", Map.of("origin", page.origin,
                "permission", Map.of("name", "persistent-storage"), "setting", setting));
    }

    /**
     * The card's words once drawn afresh (the settings panel opened again) and saying {@code expected}: the panel
     * asks the browser again as it opens, so the card drawn before may still be on screen for a moment.
     */
    private String card(Chromium chromium, String expected) {
        chromium.js("location.hash = '#v=inbox'");
        page.awaitRow("Alpha");
        chromium.js("location.hash = '#v=settings'");
        return chromium.await("const c = document.getElementById('device-card');"
                + " return c && document.getElementById('device-card-kept') && c.textContent.includes(arguments[0])"
                + " && c.textContent", OwnDevicePage.SYNC, expected).toString();
    }

    private boolean persisted(Chromium chromium) {
        return (Boolean) chromium.js("return navigator.storage.persisted()");
    }

    @Test
    void deviceCard_persistDeniedThenGranted_saysWhatTheBrowserKeeps() {
        page = new OwnDevicePage(desktop);
        page.tandem("add", "Alpha");
        page.desktopSync();
        page.publish("en");
        Chromium chromium = Chromium.start(Chromium.Size.PHONE);
        page.chromium = chromium;
        permission(chromium, "denied");
        page.joinIn(chromium, OwnDevicePage.JOIN);
        page.awaitRow("Alpha");

        String denied = card(chromium, "this browser allows");
        assertEquals(false, persisted(chromium));
        assertTrue(denied.contains("This browser may clear this device’s data when space runs low or after weeks unused.")
                && denied.contains("Open the page now and then, and sync before leaving it unused for long.")
                && !denied.contains("for good"), denied);
        @SuppressWarnings("unchecked")
        Map<String, Object> estimate = (Map<String, Object>) chromium.js("return navigator.storage.estimate()"
                + ".then((e) => ({ usage: e.usage, quota: e.quota }))");
        assertTrue(((Number) estimate.get("quota")).longValue() > 0, estimate.toString());
        assertTrue(denied.matches("(?s).*Uses [0-9.]+ (bytes|KB|MB|GB) of the [0-9.]+ (KB|MB|GB|TB) this browser allows\\..*"),
                denied);

        permission(chromium, "granted");
        assertEquals(true, chromium.js("return navigator.storage.persist()"));
        String granted = card(chromium, "for good");
        assertEquals(true, persisted(chromium));
        assertTrue(granted.contains("This browser keeps this device’s data for good: only you can clear it.")
                && !granted.contains("may clear") && !granted.contains("now and then"), granted);
    }
}

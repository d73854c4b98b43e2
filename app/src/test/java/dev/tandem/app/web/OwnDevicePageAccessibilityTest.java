package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page as its own device (published with {@code tandem page publish} on S3Proxy, no {@code tandem serve}) passes
 * axe-core at a phone's and a desktop's size, as the served page does (WebAccessibilityTest): no moderate, serious or
 * critical violation in the light or the dark scheme, and a name for everything that takes focus, on the join screen
 * (empty, then saying what is missing), the joined Inbox with its sync line, the settings with "This device" and its
 * files, and the banner saying the phone was removed once the desktop forgot it.
 */
@Tag("browser")
class OwnDevicePageAccessibilityTest {
    @TempDir
    Path desktop;
    OwnDevicePage own;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    @Test
    void everyOwnDeviceScreen_atPhoneSize_hasNoModerateSeriousOrCriticalViolation() {
        assertNoSeriousViolation(Chromium.Size.PHONE);
    }

    @Test
    void everyOwnDeviceScreen_atDesktopSize_hasNoModerateSeriousOrCriticalViolation() {
        assertNoSeriousViolation(Chromium.Size.DESKTOP);
    }

    private void assertNoSeriousViolation(Chromium.Size size) {
        Axe axe = Axe.load();
        own = new OwnDevicePage(desktop).quick();
        own.tandem("add", "Desk one");
        own.desktopSync();
        own.publish("en");
        List<String> found = new ArrayList<>();

        Chromium chromium = own.openJoin(size, null);
        found.addAll(axe.check(chromium, "join"));
        chromium.click("#join-submit");
        chromium.await("return document.getElementById('join-error').textContent !== ''");
        found.addAll(axe.check(chromium, "join, saying what is missing"));

        own.submitJoin(OwnDevicePage.JOIN);
        own.awaitRow("Desk one");
        chromium.find("#quick-add").sendKeys("Page one\n");
        own.awaitRow("Page one");
        own.awaitSynced();
        found.addAll(axe.check(chromium, "inbox, synced"));

        chromium.js("location.hash = '#v=settings'");
        chromium.await("return document.getElementById('device-card') && document.getElementById('device-files')");
        found.addAll(axe.check(chromium, "settings, This device"));

        chromium.js("location.hash = '#v=inbox'");
        own.awaitRow("Page one");
        own.desktopSync();
        own.tandem("--lang", "en", "device", "forget", "Anna’s phone", "--remote", own.remote);
        chromium.find("#quick-add").sendKeys("Typed after the forget\n");
        chromium.await("return !document.getElementById('device-removed').hidden", OwnDevicePage.SYNC);
        found.addAll(axe.check(chromium, "inbox, this phone removed"));

        assertTrue(found.isEmpty(), size + ":\n" + String.join("\n", found));
    }
}

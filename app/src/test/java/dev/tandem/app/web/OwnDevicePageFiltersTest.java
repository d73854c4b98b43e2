package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smart lists the desktop saved, on the page as its own device (published to an S3Proxy bucket, opened in Debian's
 * Chromium at phone size, {@link OwnDevicePage}), the desktop's command line on the other side: one that finds
 * todos, one that finds none and one a newer device wrote that does not read show in the sidebar with the
 * desktop's counts (the unreadable one marked, without a count); the first, opened, lists exactly the todos
 * {@code tandem list --saved} finds, in its order. A todo the desktop then completes and one it adds that the
 * filter finds, synced, change the page's list to the desktop's again, and another completed its count, nothing
 * clicked.
 */
@Tag("browser")
class OwnDevicePageFiltersTest {
    /** "name:count" of the sidebar's smart lists, "name:!" for one marked unreadable, joined by "|". */
    private static final String SIDEBAR = "return [...document.querySelectorAll('#nav-filters .nav-item')]"
            + ".map((b) => b.querySelector('.nav-label').textContent + ':' + (b.querySelector('.unreadable-mark') ? '!'"
            + " : (b.querySelector('.count') || {}).textContent)).join('|')";
    private static final String URGENT = "Urgent work";

    @TempDir
    Path desktop;
    OwnDevicePage page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    /** The titles the desktop's own {@code tandem list --saved NAME} finds, in its order. */
    private List<String> desktopFinds(String name) {
        Matcher m = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"").matcher(page.tandem("list", "--saved", name, "--json").out());
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }

    /** Waits for the sidebar's smart lists to be {@code expected} ({@link #SIDEBAR}). */
    private void awaitSidebar(String expected) {
        try {
            page.chromium.await(SIDEBAR + " === arguments[0]", OwnDevicePage.SYNC, expected);
        } catch (RuntimeException e) {
            throw new AssertionError("sidebar " + page.chromium.js(SIDEBAR) + ", wanted " + expected, e);
        }
    }

    /** Opens the smart list named {@code name} through the drawer, as a person on a phone does. */
    private void open(String name) {
        page.chromium.find("#menu-button").click();
        // Tapped once it has slid in: mid-slide its buttons are not where a tap lands.
        page.chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'",
                OwnDevicePage.SYNC);
        page.chromium.js("[...document.querySelectorAll('#nav-filters .nav-item')]"
                + ".find((b) => b.querySelector('.nav-label').textContent === arguments[0]).click()", name);
        page.chromium.await("return document.getElementById('items').dataset.view.startsWith('filter:')"
                + " && document.getElementById('view-title').textContent === arguments[0]"
                + " && !document.body.classList.contains('drawer-open')", OwnDevicePage.SYNC, name);
    }

    @Test
    void ownDevice_smartListsSavedOnTheDesktop_countedOpenedAndFollowTheDesktopsChanges() {
        page = new OwnDevicePage(desktop).quick();
        page.tandem("add", "Quarterly report", "--list", "Work", "--priority", "1", "--due", "in 3 days");
        page.tandem("add", "Invoice Acme", "--list", "Work", "--priority", "1", "--due", "tomorrow");
        page.tandem("add", "Call the bank", "--list", "Work", "--priority", "1");
        page.tandem("add", "Slides", "--list", "Work", "--priority", "2", "--due", "tomorrow");
        page.tandem("add", "Tidy desk", "--list", "Work", "--priority", "3", "--due", "today");
        page.tandem("add", "Water plants", "--list", "Home", "--priority", "1", "--due", "today");
        page.tandem("filters", "save", URGENT, "#Work & (p1 | p2)", "--color", "#e05a47");
        page.tandem("filters", "save", "Garden", "#Home & p4");
        // Written by a newer device with a condition this version does not read: synced all the same.
        try (TodoStore store = TodoStore.open(Schema.database(desktop.resolve(Device.DB_FILE)), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            store.writeAll(tx -> tx.save(new SavedFilter("5d3c1a2b-0000-4000-8000-000000000004", "Newer device",
                    "color: red", null, null, 1L)));
        }
        // The desktop's own answer, and that it is the one this test means: due day, undated last, then priority.
        List<String> urgent = List.of("Invoice Acme", "Slides", "Quarterly report", "Call the bank");
        assertEquals(urgent, desktopFinds(URGENT));
        assertEquals(List.of(), desktopFinds("Garden"));
        page.desktopSync();
        page.publish("en");
        page.join(OwnDevicePage.JOIN);
        page.awaitSynced();

        awaitSidebar("Urgent work:4|Garden:0|Newer device:!");
        open(URGENT);
        page.awaitTitles(urgent);

        // On the desktop: one completed, one added that the filter finds, first of all (due today); synced.
        String json = page.tandem("list", "--json").out();
        page.tandem("done", OwnDevicePage.idOf(json, "Slides"));
        page.tandem("add", "Board minutes", "--list", "Work", "--priority", "2", "--due", "today");
        List<String> after = List.of("Board minutes", "Invoice Acme", "Quarterly report", "Call the bank");
        assertEquals(after, desktopFinds(URGENT));
        page.desktopSync();

        page.awaitTitles(after);
        awaitSidebar("Urgent work:4|Garden:0|Newer device:!");
        page.tandem("done", OwnDevicePage.idOf(json, "Invoice Acme"));
        page.desktopSync();
        page.awaitTitles(desktopFinds(URGENT));
        awaitSidebar("Urgent work:3|Garden:0|Newer device:!");
    }
}

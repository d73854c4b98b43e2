package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving and completing on the page as its own device (published by {@code tandem page publish} to an anonymous
 * S3Proxy bucket, opened in Debian's Chromium at phone size, {@link OwnDevicePage}), the desktop's command line on the
 * other side: in a list the desktop made, a todo moved to the top with the Move… sheet's Up, one put under the todo
 * above, one into a section, one into another list with the editor's list; a repeating todo ticked makes its next
 * occurrence. After a sync the desktop's outline of each list shows every todo where the page put it, and its
 * Inbox the next occurrence, due the day after, as the desktop's own completion would make it. The settings show
 * this device's card, refuse an interval of 0 minutes with a sentence and keep one of 5 across a reload.
 */
@Tag("browser")
class OwnDevicePageMovesTest {
    private static final Duration SYNC = OwnDevicePage.SYNC;

    @TempDir
    Path desktop;
    OwnDevicePage own;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (own != null) {
            own.close();
        }
    }

    /** The id of the todo titled {@code title} in {@code json} (tandem list --json), and its list's. */
    private static String[] ids(String json, String title) {
        Matcher m = Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*\"title\"\\s*:\\s*\"" + title
                + "\"[^{}]*\"listId\"\\s*:\\s*(null|\"([0-9a-f-]{36})\")").matcher(json);
        assertTrue(m.find(), title + " in " + json);
        return new String[] {m.group(1), m.group(3)};
    }

    private List<?> rows() {
        return (List<?>) chromium.js("return [...document.querySelectorAll('#items .item')].map((r) =>"
                + " (r.closest('.subitems') ? '-' : '') + r.querySelector('.item-title').textContent)");
    }

    private void awaitTitles(String... titles) {
        try {
            chromium.await("const t = [...document.querySelectorAll('#items .item .item-title')].map((e) => e.textContent);"
                    + " return JSON.stringify(t) === arguments[0]", SYNC, "[\"" + String.join("\",\"", titles) + "\"]");
        } catch (RuntimeException e) {
            throw new AssertionError("shown: " + rows() + ", said: " + chromium.js("return [document.getElementById('move-status')"
                    + ".textContent, [...document.querySelectorAll('.toast, [role=status], [role=alert]')].map((x) => x.textContent)]"), e);
        }
    }

    /** Opens the Move… sheet of the row {@code id}. */
    private void sheet(String id) {
        chromium.js("document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .move-handle').click()", id);
        chromium.await("return document.getElementById('move-dialog').open", SYNC);
    }

    /** Closes the sheet and waits for its close handler, which gives the focus back to the list. */
    private void closeSheet() {
        chromium.click("#move-close");
        chromium.await("return !document.getElementById('move-dialog').open"
                + " && !!document.activeElement && !!document.activeElement.closest('#items')", SYNC);
    }

    @Test
    void ownDevice_movesAndCompletesARepeatingTodo_desktopShowsEachInPlace() {
        own = new OwnDevicePage(desktop);
        for (String t : List.of("Alpha", "Bravo", "Charlie")) {
            own.tandem("add", t, "--list", "Home");
        }
        own.tandem("add", "Delta", "--list", "Home", "--section", "Garden");
        own.tandem("add", "Report", "--list", "Work");
        LocalDate today = LocalDate.now();
        own.tandem("add", "Water plants", "--due", today.toString(), "--repeat", "FREQ=DAILY");
        String json = own.tandem("list", "--json").out();
        String[] alpha = ids(json, "Alpha");
        String bravo = ids(json, "Bravo")[0];
        String charlie = ids(json, "Charlie")[0];
        String delta = ids(json, "Delta")[0];
        String work = ids(json, "Report")[1];
        String water = ids(json, "Water plants")[0];
        // The Inbox's one todo shows once joined; the rest are in the lists the test opens.
        chromium = own.publishAndJoin("Water plants", null);

        chromium.js("location.hash = '#v=list:' + arguments[0]", alpha[1]);
        awaitTitles("Alpha", "Bravo", "Charlie", "Delta");
        sheet(charlie);
        chromium.click("#move-up");
        awaitTitles("Alpha", "Charlie", "Bravo", "Delta");
        chromium.await("return !document.getElementById('move-up').disabled", SYNC);
        chromium.click("#move-up");
        awaitTitles("Charlie", "Alpha", "Bravo", "Delta");
        closeSheet();
        sheet(bravo);
        chromium.click("#move-indent");
        chromium.await("return !!document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"]')"
                + "?.closest('.subitems')", SYNC, bravo);
        // Closed and opened on another row at once: the close, heard a task later, leaves the new sheet alone.
        chromium.js("document.getElementById('move-dialog').close();"
                + " document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .move-handle').click()", charlie);
        chromium.await("return document.getElementById('move-dialog').open", SYNC);
        chromium.js("const s = document.getElementById('move-section');"
                + " s.value = [...s.options].find((o) => o.textContent === 'Garden').value;"
                + " s.dispatchEvent(new Event('change'))");
        awaitTitles("Alpha", "Bravo", "Delta", "Charlie");
        closeSheet();
        List<?> shown = rows();

        // The editor's list: Delta to Work.
        chromium.js("location.hash = '#v=list:' + arguments[0] + '&item=' + arguments[1]", alpha[1], delta);
        chromium.await("return [...document.getElementById('ed-list').options].some((o) => o.value === arguments[0])",
                SYNC, work);
        chromium.js("const s = document.getElementById('ed-list'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change', {bubbles: true}))", work);
        awaitTitles("Alpha", "Bravo", "Charlie");

        // The repeating todo ticked in the Inbox: its next occurrence takes its place.
        chromium.js("location.hash = '#v=inbox'");
        chromium.await("return !!document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .item-done')",
                SYNC, water);
        chromium.js("document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .item-done').click()", water);
        chromium.await("return [...document.querySelectorAll('#items .item')].some((r) => r.dataset.id !== arguments[0]"
                + " && r.querySelector('.item-title').textContent === 'Water plants')", SYNC, water);
        chromium.press("#device-sync-now");
        own.awaitSynced();

        // The settings: this device's card, and how often it syncs by itself, kept across a reload.
        chromium.js("location.hash = '#v=settings'");
        Object card = chromium.await("const c = document.getElementById('device-card'); return c && c.textContent", SYNC);
        assertTrue(card.toString().contains("Name: Anna’s phone") && card.toString().contains("Syncs with s3://" + own.bucket)
                && card.toString().contains("No change waits for the next sync."), card.toString());
        own.fill("sync-every", "0");
        chromium.click("#sync-every-save");
        assertEquals("Sync every 1 to 60 minutes, a whole number.", chromium.await(
                "return document.getElementById('sync-every-error').textContent", SYNC));
        own.fill("sync-every", "5");
        chromium.click("#sync-every-save");
        chromium.await("return document.getElementById('sync-every-error').textContent === ''"
                + " && document.body.textContent.includes('Syncs every 5 minutes.')", SYNC);
        chromium.driver().navigate().refresh();
        assertEquals("5", chromium.await("const e = document.getElementById('sync-every'); return e && e.value",
                OwnDevicePage.JOIN));

        own.desktopSync();
        String home = own.tandem("list", "--list", "Home").out();
        int a = home.indexOf("Alpha");
        int b = home.indexOf("Bravo");
        int g = home.indexOf("Garden");
        int c = home.indexOf("Charlie");
        assertTrue(a >= 0 && a < b && b < g && g < c && !home.contains("Delta"), shown + "\n" + home);
        assertTrue(indent(home, "Bravo") > indent(home, "Alpha"), "Bravo under Alpha:\n" + home);
        assertTrue(own.tandem("list", "--list", "Work").out().contains("Delta"));
        String after = own.tandem("list", "--json").out();
        assertEquals(alpha[0], field(after, "Bravo", "parentId"));
        String next = field(after, "Water plants", "due");
        assertEquals(today.plusDays(1).toString(), next, "the next occurrence, as the desktop makes it");
        assertTrue(own.tandem("list", "--all", "--json").out().contains("\"id\":\"" + water + "\""));
    }

    private static int indent(String text, String title) {
        String line = text.lines().filter(l -> l.contains(title)).findFirst().orElseThrow();
        return line.indexOf(line.strip().charAt(0));
    }

    private static String field(String json, String title, String name) {
        Matcher m = Pattern.compile("\\{[^{}]*\"title\"\\s*:\\s*\"" + title + "\"[^{}]*\"" + name
                + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), title + "." + name + " in " + json);
        return m.group(1);
    }
}

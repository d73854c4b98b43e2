package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's details on the page as its own device (published to an S3Proxy bucket, opened in Debian's Chromium
 * at phone size, {@link OwnDevicePage}), the desktop's command line on the other side: a todo the desktop made gets
 * a due date, a time, a length, tags, a reminder, a repeat, a start date and Someday in the page's editor; after a
 * sync the desktop lists it with the same values, as its own editor would have written them. A repeat the page does
 * not read is refused with a sentence, and nothing of that edit is written.
 */
@Tag("browser")
class OwnDevicePageEditsTest {
    @TempDir
    Path desktop;
    OwnDevicePage page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    private static String field(String json, String title, String name) {
        Matcher m = Pattern.compile("\\{[^{}]*\"title\"\\s*:\\s*\"" + title + "\"[^{}]*\"" + name
                + "\"\\s*:\\s*(\\[[^\\]]*\\]|\"([^\"]*)\"|[^,}\\]]+)").matcher(json);
        assertTrue(m.find(), title + "." + name + " in " + json);
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private String value(String id) {
        return (String) page.chromium.js("return document.getElementById(arguments[0]).value", id);
    }

    /** Sets the editor's field {@code id} as typing would, without saving yet (a change event saves every field). */
    private void type(String id, String value) {
        page.chromium.js("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}))", id, value);
    }

    private void change(String id) {
        page.chromium.js("document.getElementById(arguments[0]).dispatchEvent(new Event('change', {bubbles: true}))", id);
    }

    /** Waits until the editor has nothing left to save and says no error. */
    private void awaitSaved() {
        page.chromium.await("return document.getElementById('save').disabled"
                + " && document.getElementById('detail-error').hidden", OwnDevicePage.SYNC);
    }

    @Test
    void ownDevice_editsEveryDetail_desktopListsTheSameValues() {
        page = new OwnDevicePage(desktop);
        page.tandem("add", "Water plants", "--list", "Home");
        String json = page.tandem("list", "--json").out();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        assertTrue(m.find(), json);
        String id = m.group(1);
        page.desktopSync();
        page.publish("en");
        page.join(OwnDevicePage.JOIN);

        LocalDate due = LocalDate.now().plusDays(3);
        LocalDate start = LocalDate.now().plusDays(1);
        page.chromium.js("location.hash = '#v=inbox&item=' + arguments[0]", id);
        page.chromium.await("return document.getElementById('ed-title').value === 'Water plants'", OwnDevicePage.SYNC);
        type("ed-due", due.toString());
        change("ed-due");
        awaitSaved();
        type("ed-time", "09:30");
        type("ed-length", "45");
        type("ed-tags", "Home, big project");
        type("ed-repeat", "every mon, wed");
        type("ed-start", start.toString());
        page.chromium.js("document.getElementById('ed-someday').checked = true");
        page.chromium.click("#remind-add");
        type("ed-remind-time", "08:15");
        change("ed-remind-time");
        awaitSaved();
        // What the editor shows once saved is what the replica holds, read back as the served editor reads it.
        page.chromium.driver().navigate().refresh();
        page.chromium.await("return document.getElementById('ed-title')?.value === 'Water plants'"
                + " && document.getElementById('ed-repeat').value !== ''", OwnDevicePage.JOIN);
        assertEquals(List.of("09:30", "45", "big, home, project", "every Mon, Wed", start.toString(), due.toString(), "08:15"),
                List.of(value("ed-time"), value("ed-length"), value("ed-tags"), value("ed-repeat"), value("ed-start"),
                        value("ed-remind-date"), value("ed-remind-time")));
        assertEquals(true, page.chromium.js("return document.getElementById('ed-someday').checked"));

        // A repeat in words this device does not read: said, kept in its field, and nothing of the edit written.
        type("ed-length", "50");
        type("ed-repeat", "jeden Montag");
        change("ed-repeat");
        Object said = page.chromium.await("const e = document.getElementById('detail-error');"
                + " return !e.hidden && e.textContent", OwnDevicePage.SYNC);
        assertTrue(said.toString().contains("“jeden Montag” is not a repeat this device reads"), said.toString());
        assertEquals("jeden Montag", value("ed-repeat"));
        page.chromium.js("[...document.querySelectorAll('#detail-error button')].find((b) => b.textContent === 'Discard changes').click()");
        page.chromium.await("return document.getElementById('ed-repeat').value === 'every Mon, Wed'"
                + " && document.getElementById('ed-length').value === '45'", OwnDevicePage.SYNC);
        page.chromium.press("#device-sync-now");
        page.awaitSynced();

        page.desktopSync();
        String after = page.tandem("list", "--all", "--json").out();
        assertEquals(List.of(due.toString(), "09:30", "45", "FREQ=WEEKLY;BYDAY=MO,WE", start.toString(), "true"),
                List.of(field(after, "Water plants", "due"), field(after, "Water plants", "dueTime"),
                        field(after, "Water plants", "durationMinutes"), field(after, "Water plants", "repeat"),
                        field(after, "Water plants", "start"), field(after, "Water plants", "someday")), after);
        assertEquals("[\"big\",\"home\",\"project\"]", field(after, "Water plants", "tags").replaceAll("\\s", ""));
        String remind = LocalDateTime.of(due, java.time.LocalTime.of(8, 15)).atZone(ZoneId.systemDefault()).toInstant().toString();
        assertEquals(java.time.Instant.parse(remind), java.time.Instant.parse(field(after, "Water plants", "remindAt")));
        assertEquals("every Mon, Wed", field(after, "Water plants", "repeatText"), "described as the page showed it");
        assertEquals(id, field(after, "Water plants", "seriesId"), "the todo its own series, as the desktop's editor makes it");
    }
}

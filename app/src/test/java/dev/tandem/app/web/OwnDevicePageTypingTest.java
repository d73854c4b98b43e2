package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * Text stays in its field on the page as its own device while another device's changes come in: joined at phone
 * size (OwnDevicePage: S3Proxy, the page published, the desktop's command line on the other side), the person types
 * into quick add, into an open todo's notes and into a setting, none of it saved, while the desktop changes something
 * and syncs; once the page shows the desktop's change (its check of the remote's change marker synced and drew
 * again), the typed text is still in its field, the caret still in that field, and the editor still open on it.
 */
@Tag("browser")
class OwnDevicePageTypingTest {
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

    private Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    /** Desk one's notes: Markdown the page renders itself, as the served page does. */
    private static final String NOTES = "# First line\n\n| Day | Where |\n|:--|--:|\n| 1 | Lyon |\n\n- [ ] Pack";

    @Test
    void ownDevice_syncBringsChangesWhileTyping_typedTextFocusAndEditorStay() {
        own = new OwnDevicePage(desktop);
        own.tandem("add", "Desk one", "--notes", NOTES);
        String one = OwnDevicePage.idOf(own.tandem("list", "--json").out(), "Desk one");
        chromium = own.publishAndJoin("Desk one", null);

        // Quick add, typed and not sent.
        chromium.find("#quick-add").sendKeys("Buy milk half typ");
        own.tandem("add", "Desk two");
        own.desktopSync();
        own.awaitRow("Desk two");
        assertEquals("Buy milk half typ", js("return document.getElementById('quick-add').value"));
        assertEquals("quick-add", js("return document.activeElement.id"), "the caret stays in quick add");

        // An open todo's notes, being typed while the desktop changes the todo's priority.
        js("document.querySelector('#items .item[data-id=\"' + arguments[0] + '\"] .item-open').click()", one);
        chromium.await("return document.getElementById('ed-title').value === 'Desk one'", OwnDevicePage.SYNC);
        // The notes as Markdown, rendered by the page itself: a heading and a table as elements, the box one to tick.
        assertEquals("First line|Day,Where|left,right|1,Lyon|Pack", js("const v = document.getElementById('notes-view');"
                + "const td = [...v.querySelectorAll('table tbody td')];"
                + "const th = [...v.querySelectorAll('table thead th')];"
                + "const box = v.querySelector('li.task input[type=checkbox]:not(:checked):not(:disabled)');"
                + "return [v.querySelector('h1')?.textContent, th.map((c) => c.textContent),"
                + " td.map((c) => c.getAttribute('align')), td.map((c) => c.textContent), box?.dataset.text].join('|')"));
        chromium.click("#notes-edit");
        js("const n = document.getElementById('ed-notes'); n.focus(); n.setSelectionRange(n.value.length, n.value.length)");
        chromium.find("#ed-notes").sendKeys(Keys.END, "\nSecond line typed here");
        own.tandem("edit", one, "--priority", "1");
        own.desktopSync();
        chromium.await("return document.getElementById('ed-priority').value === '1'", OwnDevicePage.SYNC);
        assertEquals(NOTES + "\nSecond line typed here", js("return document.getElementById('ed-notes').value"));
        assertEquals("ed-notes", js("return document.activeElement.id"), "the caret stays in the notes");
        assertEquals(Boolean.FALSE, js("return document.getElementById('ed-notes').hidden"), "the notes stay in editing");
        assertEquals(one, js("return new URLSearchParams(location.hash.slice(1)).get('item')"), "the editor stays open");
        // And its title, typed into while the desktop adds a todo.
        js("const t = document.getElementById('ed-title'); t.focus(); t.setSelectionRange(t.value.length, t.value.length)");
        chromium.find("#ed-title").sendKeys(" and more");
        own.tandem("add", "Desk three");
        own.desktopSync();
        own.awaitRow("Desk three");
        assertEquals("Desk one and more", js("return document.getElementById('ed-title').value"));
        assertEquals("ed-title", js("return document.activeElement.id"), "the caret stays in the title");
        assertEquals(Boolean.FALSE, js("return document.getElementById('detail-body').hidden"), "the editor stays open");

        // A setting being typed, not saved.
        js("location.hash = '#v=settings'");
        chromium.await("return !!document.getElementById('sync-every')", OwnDevicePage.SYNC);
        js("const e = document.getElementById('sync-every'); e.focus(); e.select()");
        chromium.find("#sync-every").sendKeys("17");
        own.tandem("add", "Desk four");
        own.desktopSync();
        chromium.await("return [...document.querySelectorAll('#nav-views .nav-item[data-view=inbox] .count')]"
                + ".some((c) => c.textContent === '4')", OwnDevicePage.SYNC);
        assertEquals("17", js("return document.getElementById('sync-every').value"));
        assertEquals("sync-every", js("return document.activeElement.id"), "the caret stays in the setting");
    }
}

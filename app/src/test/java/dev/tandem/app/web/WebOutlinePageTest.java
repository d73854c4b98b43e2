package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list on the page in its own order, as the desktop shows it: the todos outside any section first, then each
 * section as a heading over its todos, each todo followed by its subtasks, nested and indented, foldable; the
 * Inbox nested the same way. In headless Chromium at a phone's and a desktop's size, against a real store whose
 * todos were made in another order than the list's.
 */
@Tag("browser")
class WebOutlinePageTest {
    /**
     * The view as lines: "## Section" for a heading, a todo's title indented by two spaces per level of nesting
     * in the page (its list items within list items), "(folded)" after a todo whose subtasks are hidden.
     */
    static final String OUTLINE = "return (() => { const out = [];"
            + " for (const el of document.querySelectorAll('#items .section-heading, #items .item')) {"
            + "   if (el.classList.contains('section-heading')) { out.push('## ' + el.querySelector('.section-name').textContent); continue; }"
            + "   if (!el.checkVisibility()) continue;"
            + "   let depth = 0; for (let p = el.parentElement.closest('.item'); p; p = p.parentElement.closest('.item')) depth++;"
            + "   const fold = el.querySelector(':scope > .item-row > .fold');"
            + "   out.push('  '.repeat(depth) + el.querySelector('.item-title').textContent"
            + "     + (fold && fold.getAttribute('aria-expanded') === 'false' ? ' (folded)' : ''));"
            + " } return out.join('\\n'); })()";

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;
    TodoList groceries;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        groceries = web.store.createList("Groceries");
        // Made in another order than the list shows them: a subtask before its parent, sections' todos first.
        Item milk = add("Buy milk");
        Item one = add("Subtask one");
        Item parent = add("Parent project");
        Item two = add("Subtask two");
        Item later = add("Later thing");
        OutlineStore outline = new OutlineStore(web.store);
        outline.move(one.id(), new OutlineStore.Target(groceries.id(), parent.id(), null, null));
        outline.move(two.id(), new OutlineStore.Target(groceries.id(), parent.id(), null, null));
        Section week = new SectionStore(web.store).create(groceries.id(), "This week");
        Section laterSection = new SectionStore(web.store).create(groceries.id(), "Later");
        new SectionStore(web.store).create(groceries.id(), "Some day");
        outline.move(milk.id(), new OutlineStore.Target(groceries.id(), null, week.id(), null));
        outline.move(later.id(), new OutlineStore.Target(groceries.id(), null, laterSection.id(), null));
    }

    private Item add(String title) {
        return web.store.add(title, null, groceries.id(), null, TodoDetails.NONE).item();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void list_phone_showsItsOwnOrderSectionsAsHeadingsAndSubtasksNestedUnderTheirParent() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.js("location.hash = '#v=list:" + groceries.id() + "'");
        assertOutline("Parent project\n  Subtask one\n  Subtask two\n## This week\nBuy milk\n## Later\nLater thing\n## Some day");
        // Each heading is a heading (h2) a screen reader can jump to, and a subtask's row is indented.
        assertEquals(3L, chromium.js("return document.querySelectorAll('#items h2.section-heading').length"));
        assertEquals(true, chromium.js("const rows = [...document.querySelectorAll('#items .item')];"
                + " const x = (t) => rows.find(r => r.querySelector('.item-title').textContent === t)"
                + ".querySelector('.item-title').getBoundingClientRect().left;"
                + " return x('Subtask one') > x('Parent project') + 12"));

        // Folded and shown again from the parent's row, the subtasks' count on the button.
        chromium.find(".item .fold").click();
        assertOutline("Parent project (folded)\n## This week\nBuy milk\n## Later\nLater thing\n## Some day");
        assertEquals(true, ((String) chromium.js("return document.querySelector('.item .fold').getAttribute('aria-label')"))
                .contains("2"));
        chromium.find(".item .fold").click();
        assertOutline("Parent project\n  Subtask one\n  Subtask two\n## This week\nBuy milk\n## Later\nLater thing\n## Some day");
    }

    @Test
    void listAndInbox_desktop_nestAsTheDesktopDoes() {
        Item errand = web.store.add("Errands", null, null, null, TodoDetails.NONE).item();
        Item stamps = web.store.add("Stamps", null, null, null, TodoDetails.NONE).item();
        new OutlineStore(web.store).move(stamps.id(), new OutlineStore.Target(null, errand.id(), null, null));
        web.store.add("Call the bank", null, null, null, TodoDetails.NONE);
        chromium = Chromium.paired(web, Chromium.Size.DESKTOP);
        assertOutline("Errands\n  Stamps\nCall the bank");
        chromium.find("#nav-lists [data-view='list:" + groceries.id() + "']").click();
        assertOutline("Parent project\n  Subtask one\n  Subtask two\n## This week\nBuy milk\n## Later\nLater thing\n## Some day");
    }

    private void assertOutline(String expected) {
        try {
            chromium.await(OUTLINE + " === arguments[0]", expected);
        } catch (RuntimeException e) {
            throw new AssertionError("the page shows:\n" + chromium.js(OUTLINE) + "\nnot:\n" + expected, e);
        }
    }
}

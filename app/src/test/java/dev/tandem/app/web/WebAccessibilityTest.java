package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.interactions.Actions;

/**
 * The page is the accessible Tandem on Linux (JavaFX has no screen reader support there): axe-core finds no
 * moderate, serious or critical violation on any screen at a phone's and a desktop's size (a list longer than a page
 * of rows, a list's outline with its sections and the Move… sheet, the drawer, search), and Chromium's accessibility
 * tree has a name for everything that takes focus; the keyboard reaches quick
 * add, the rows and the editor's fields in order, and Escape closes the item; saves, conflicts, messages
 * and going offline are said in live regions that a screen reader was already following.
 */
@Tag("browser")
class WebAccessibilityTest {
    /** Tab presses allowed to reach a control: the page has fewer stops than this before the editor's last. */
    private static final int MAX_TABS = 60;

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void everyScreen_atPhoneSize_hasNoModerateSeriousOrCriticalViolation() throws Exception {
        assertNoSeriousViolation(Chromium.Size.PHONE);
    }

    @Test
    void everyScreen_atDesktopSize_hasNoModerateSeriousOrCriticalViolation() throws Exception {
        assertNoSeriousViolation(Chromium.Size.DESKTOP);
    }

    @Test
    void keyboard_desktop_tabReachesSearchQuickAddRowsAndFields_escapeClosesTheItem() {
        List<String> stops = walkWithTheKeyboard(Chromium.Size.DESKTOP);
        assertTrue(stops.contains("#search") && stops.indexOf("#search") < stops.indexOf("#quick-add"),
                "search before quick add: " + stops);
    }

    @Test
    void keyboard_phone_tabReachesQuickAddRowsAndFields_escapeClosesTheItem() {
        List<String> stops = walkWithTheKeyboard(Chromium.Size.PHONE);
        assertTrue(stops.contains("#menu-button") && !stops.contains("#search"),
                "the menu button, not the closed drawer's search: " + stops);
    }

    /**
     * Tabs from the top to quick add, on to the first row, opens it with Enter, tabs through its fields and
     * closes it with Escape, asserting each step; returns the stops before quick add.
     */
    private List<String> walkWithTheKeyboard(Chromium.Size size) {
        web.store.add("Milk", null, null);
        web.store.add("Bread", null, web.store.today());
        chromium = Chromium.paired(web, size);
        chromium.await("return document.querySelectorAll('.item').length === 2");

        List<String> stops = tabUntil("#quick-add");
        List<String> toRow = tabUntil(".item-open");
        assertTrue(toRow.stream().anyMatch(stop -> stop.startsWith(".item-done")),
                "the row's done box before its title: " + toRow);

        String id = (String) chromium.js("return document.activeElement.closest('.item').dataset.id");
        new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
        chromium.await("return document.getElementById('ed-title').value !== ''"
                + " && !document.getElementById('detail-body').hidden");
        List<String> fields = tabUntil("#ed-repeat");
        for (String field : List.of("#ed-title", "#ed-due", "#ed-priority", "#ed-list", "#ed-tags")) {
            assertTrue(fields.contains(field), field + " not reached: " + fields);
        }
        assertTrue(fields.indexOf("#ed-title") < fields.indexOf("#ed-due"), "title before due: " + fields);

        new Actions(chromium.driver()).sendKeys(Keys.ESCAPE).perform();
        chromium.await("return document.getElementById('detail-body').hidden && !location.hash.includes('item=')");
        assertEquals(id, chromium.js("return document.activeElement.closest('.item') && document.activeElement"
                + ".closest('.item').dataset.id"), "focus goes back to the row the item was opened from");
        return stops;
    }

    @Test
    void liveRegions_saveConflictTickAndOffline_areSaidWhereAScreenReaderListens() {
        Item milk = web.store.add("Milk", null, null);
        Item bread = web.store.add("Bread", null, null);
        chromium = Chromium.paired(web, Chromium.Size.DESKTOP);
        watchLiveRegions();
        chromium.find(".item[data-id=\"" + bread.id() + "\"] .item-done").click();
        assertAnnounced("Completed “Bread”");

        // The list is drawn again after the tick (and once more on the change it hears): clicked until it opens.
        chromium.await("const open = document.querySelector(arguments[0]); if (open) open.click();"
                + " return document.getElementById('ed-title').value === 'Milk'",
                ".item[data-id=\"" + milk.id() + "\"] .item-open");

        chromium.find("#ed-title").sendKeys(" and eggs");
        chromium.find("#save").click();
        assertAnnounced("Saved");

        // Typed (an input event keeps it as a draft on what the page showed), then the desktop's edit lands
        // well within the 600 ms before the page would send it by itself, then Save.
        chromium.js("const t = document.getElementById('ed-title'); t.value += ' (phone)';"
                + " t.dispatchEvent(new Event('input', {bubbles: true}))");
        web.store.update(milk.id(), i -> i.withTitle("Milk (laptop)"));
        chromium.find("#save").click();
        assertAnnounced("Changed on another device");

        web.server.close();
        assertAnnounced("Offline");
    }

    private String archive;
    private String family;

    private void assertNoSeriousViolation(Chromium.Size size) throws Exception {
        Axe axe = Axe.load();
        Item trip = seed();
        archive = web.store.createList("Archive").id();
        web.store.writeAll(tx -> {
            for (int i = 0; i < 230; i++) {
                web.store.add("Old thing " + i, null, archive, null, new TodoDetails(null, List.of("bulk"), null, null));
            }
            return null;
        });
        family = web.store.createList("Party").id();
        Item party = web.store.add("Plan the party", null, family, null, TodoDetails.NONE).item();
        Item cake = web.store.add("Order the cake", null, family, null, TodoDetails.NONE).item();
        new OutlineStore(web.store).move(cake.id(), new OutlineStore.Target(family, party.id(), null, null));
        Section week = new SectionStore(web.store).create(family, "This week");
        new SectionStore(web.store).create(family, "Later");
        Item call = web.store.add("Call grandma", null, family, null, TodoDetails.NONE).item();
        new OutlineStore(web.store).move(call.id(), new OutlineStore.Target(family, null, week.id(), null));
        List<String> found = new ArrayList<>();

        chromium = Chromium.start(size);
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        check(axe, found, "pairing");

        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.querySelectorAll('.item').length === 2"
                + " && document.querySelectorAll('#nav-views li').length === 6");
        check(axe, found, "inbox");
        if (size == Chromium.Size.PHONE) {
            chromium.find("#menu-button").click();
            chromium.await("return document.getElementById('sidebar').checkVisibility({visibilityProperty: true})");
            check(axe, found, "lists drawer");
            new Actions(chromium.driver()).sendKeys(Keys.ESCAPE).perform();
            chromium.await("return !document.body.classList.contains('drawer-open')");
        }

        // More rows than a page holds: the line saying how many are shown, in a list's outline and a flat view.
        chromium.js("location.hash = '#v=list:" + archive + "'");
        chromium.await("return document.querySelectorAll('#items .item').length === 200 && !document.getElementById('more').hidden");
        check(axe, found, "a list of 230 todos");
        chromium.js("location.hash = '#v=tag:bulk'");
        chromium.await("return document.getElementById('items').dataset.view === 'tag:bulk'"
                + " && document.querySelectorAll('#items .item').length === 200 && !document.getElementById('more').hidden");
        check(axe, found, "a tag of 230 todos");
        if (size == Chromium.Size.PHONE) {
            // The drawer over a view that is not the first, its count on the highlight.
            chromium.find("#menu-button").click();
            chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'");
            check(axe, found, "lists drawer, a tag open");
            new Actions(chromium.driver()).sendKeys(Keys.ESCAPE).perform();
            chromium.await("return !document.body.classList.contains('drawer-open')");
        }

        // A list's outline: sections, a todo with its subtasks folded away, and the Move… sheet over it.
        chromium.js("location.hash = '#v=list:" + family + "'");
        chromium.await("return document.querySelectorAll('#items .section-heading').length === 2"
                + " && document.querySelectorAll('#items .subitems .item').length === 1");
        chromium.find("#items .fold").click();
        chromium.await("return document.querySelector('#items .fold').getAttribute('aria-expanded') === 'false'");
        check(axe, found, "a list's outline, a todo folded");
        chromium.find("#items .move-handle").click();
        chromium.await("return document.getElementById('move-dialog').open");
        check(axe, found, "the Move… sheet");
        chromium.find("#move-close").click();
        chromium.await("return !document.getElementById('move-dialog').open");

        chromium.js("location.hash = '#v=search&q=' + encodeURIComponent('p1 milk')");
        chromium.await("return document.getElementById('items').dataset.view === 'search'"
                + " && document.querySelectorAll('#items .item').length === 1");
        check(axe, found, "search");
        chromium.js("location.hash = '#v=inbox'");
        chromium.await("return document.getElementById('items').dataset.view === 'inbox'"
                + " && document.querySelectorAll('.item').length === 2");

        chromium.find(".item[data-id=\"" + trip.id() + "\"] .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'Trip'"
                + " && document.querySelector('#notes-view input')");
        check(axe, found, "open item");
        chromium.find("#notes-edit").click();
        chromium.find("#remind-add").click();
        chromium.await("return !document.getElementById('ed-notes').hidden && !document.getElementById('remind-set').hidden");
        check(axe, found, "open item, editing its notes and reminder");

        chromium.js("location.hash = '#v=conflicts'");
        chromium.await("return document.querySelectorAll('.conflict').length === 1");
        check(axe, found, "conflicts");

        chromium.js("location.hash = '#v=settings'");
        chromium.await("return document.querySelectorAll('.browsers li').length === 2");
        check(axe, found, "this browser");

        chromium.js("location.hash = '#v=agenda'");
        chromium.await("return document.getElementById('items').dataset.view === 'agenda'"
                + " && document.querySelectorAll('#items > li.day').length >= 2");
        check(axe, found, "agenda");

        chromium.js("location.hash = '#v=week'");
        chromium.await("return document.getElementById('items').dataset.view === 'week'"
                + " && document.querySelectorAll('#items > li.day').length === 7");
        check(axe, found, "week");

        chromium.js("location.hash = '#v=inbox'");
        chromium.await("return document.querySelectorAll('.item').length === 2");
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        check(axe, found, "offline");
        // A todo added and one ticked offline wait; an entry the server refused is held to copy.
        chromium.find("#quick-add").sendKeys("Buy stamps", Keys.ENTER);
        chromium.await("return document.getElementById('quick-add').value === ''");
        chromium.js("import('/assets/outbox.js').then(m => m.holdWaiting()).then(() => import('/assets/waiting.js'))"
                + ".then(w => w.showWaiting())");
        chromium.await("return !document.getElementById('held').hidden");
        chromium.find("#quick-add").sendKeys("Post the letter", Keys.ENTER);
        chromium.await("return !document.getElementById('waiting').hidden && document.querySelector('.item.waiting')");
        check(axe, found, "offline, a change waiting and one held");

        assertTrue(found.isEmpty(), size + ":\n" + String.join("\n", found));
    }

    /** Checks the screen as shown, in the light and the dark scheme, and that its controls have names. */
    private void check(Axe axe, List<String> found, String screen) {
        found.addAll(axe.check(chromium, screen));
    }

    /**
     * Two todos in the Inbox that show every part of a row (a due date, a priority, a tag, notes with check
     * boxes), one in a list, and a conflict made as another browser's stale edit; returns the todo with notes.
     */
    private Item seed() throws Exception {
        Item milk = web.store.add("Milk", null, web.store.today());
        web.store.update(milk.id(), i -> i.withPriority(1).withTags("errands"));
        String family = web.store.createList("Family").id();
        Item lunch = web.store.add("Lunch with Ann", family, web.store.today().plusDays(1));
        Item trip = web.store.add("Trip", null, null);
        web.store.update(trip.id(), i -> i.withNotes("Pack:\n\n- [ ] passports\n- [x] tickets"));

        WebFixture.Session other = web.pair();
        web.store.update(lunch.id(), i -> i.withTitle("Lunch with Ann and Bo"));
        Object outcome = web.outbox(other, java.util.List.of(JsonText.obj("key", java.util.UUID.randomUUID().toString(),
                "op", "edit", "id", lunch.id(), "set", java.util.Map.of("title", "Lunch with Ann (phone)"),
                "base", java.util.Map.of("title", "Lunch with Ann")))).get(0).get("outcome");
        assertEquals("conflict", outcome, "the stale edit was not a conflict");
        return trip;
    }

    /** Tab presses until the focused element matches {@code css}; returns the stops on the way, as selectors. */
    private List<String> tabUntil(String css) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
            // The stop and whether it is the one sought, in one round trip.
            List<?> stop = (List<?>) chromium.js("const e = document.activeElement;"
                    + " return [e.id ? '#' + e.id : '.' + [...e.classList].join('.'), e.matches(arguments[0])]", css);
            stops.add((String) stop.get(0));
            if (Boolean.TRUE.equals(stop.get(1))) {
                return stops;
            }
        }
        throw new AssertionError(css + " not reached in " + MAX_TABS + " tab presses: " + stops);
    }

    /**
     * Records every text that appears inside a live region (role status or alert, or aria-live) that was
     * already shown before the change: a region shown only together with its text is not reliably announced,
     * except an alert.
     */
    private void watchLiveRegions() {
        chromium.js("window.announced = [];"
                + " const REGION = '[role=status], [role=alert], [aria-live=polite], [aria-live=assertive]';"
                + " const shown = () => new Set([...document.querySelectorAll(REGION)].filter(e => e.checkVisibility()));"
                + " let listening = shown();"
                + " new MutationObserver((records) => {"
                + "   for (const r of records) {"
                + "     const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;"
                + "     const region = t.closest(REGION);"
                + "     if (region && t.checkVisibility() && (listening.has(region) || region.getAttribute('role') === 'alert'))"
                + "       window.announced.push(t.textContent.trim());"
                + "   }"
                + "   listening = shown();"
                + " }).observe(document.body, {subtree: true, childList: true, characterData: true,"
                + "   attributes: true, attributeFilter: ['hidden']});");
    }

    private void assertAnnounced(String start) {
        try {
            chromium.await("return window.announced.some(t => t.startsWith(arguments[0]))", Duration.ofSeconds(5), start);
        } catch (TimeoutException e) {
            throw new AssertionError("“" + start + "…” was not said in a live region; said: "
                    + chromium.js("return JSON.stringify(window.announced)"), e);
        }
    }
}

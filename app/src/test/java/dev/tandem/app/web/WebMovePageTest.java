package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * Putting todos in order on the page, as on the desktop: a row's Move… sheet (up, down, subtask of the one above,
 * out of its parent, into a section, under any todo), tapped on a phone; the keys on a focused row at a desktop's
 * size; dragging a row's handle with a mouse and with a finger; and all of it offline, kept in the outbox, shown at
 * once and moved on the server when it is back. Each move is checked in the store the server serves, in the list's
 * own order as the desktop shows it.
 */
@Tag("browser")
class WebMovePageTest {
    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;
    TodoList home;
    Item a;
    Item b;
    Item c;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        home = web.store.createList("Home");
        a = add("A");
        b = add("B");
        c = add("C");
        new SectionStore(web.store).create(home.id(), "Later");
    }

    private Item add(String title) {
        return web.store.add(title, null, home.id(), null, TodoDetails.NONE).item();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    private void openHome(Chromium.Size size) {
        chromium = Chromium.paired(web, size);
        chromium.js("location.hash = '#v=list:" + home.id() + "'");
        assertShown("A\nB\nC\n## Later");
    }

    @Test
    void moveSheet_phone_tapsMoveUpDownIntoAndOutOfATodoAndIntoASection() {
        openHome(Chromium.Size.PHONE);
        openSheet(b);
        assertEquals("Move “B”", chromium.js("return document.getElementById('move-heading').textContent"));
        tap("#move-up");
        assertStore("B\nA\nC\n## Later");
        tap("#move-down");
        assertStore("A\nB\nC\n## Later");
        // The sheet follows the row: its buttons name the todos around it now.
        chromium.await("return document.getElementById('move-indent').textContent === 'Subtask of “A”'");
        tap("#move-indent");
        assertStore("A\n  B\nC\n## Later");
        chromium.await("return document.getElementById('move-outdent').textContent === 'Out of “A”'");
        tap("#move-outdent");
        assertStore("A\nB\nC\n## Later");
        chromium.js("const s = document.getElementById('move-section'); s.value = [...s.options].find(o => o.text === 'Later').value;"
                + " s.dispatchEvent(new Event('change', {bubbles: true}))");
        assertStore("A\nC\n## Later\nB");
        // The next choice is made once the sheet says the move into the section landed, as a person reads it.
        chromium.await("return document.getElementById('move-status').textContent === 'Moved “B”.'");
        // The sheet follows the row into its section before the next choice: C is offered as its parent then.
        chromium.await("return document.getElementById('move-section').value !== ''"
                + " && [...document.getElementById('move-parent').options].some(o => o.value === arguments[0])", c.id());
        chromium.js("const s = document.getElementById('move-parent'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change', {bubbles: true}))", c.id());
        assertStore("A\nC\n  B\n## Later");
        tap("#move-close");
        chromium.await("return !document.getElementById('move-dialog').open");
        // Focus goes back to the row's handle it was opened from.
        assertEquals(b.id(), chromium.js("return document.activeElement.closest('.item').dataset.id"));
        assertShown("A\nC\n  B\n## Later");
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    @Test
    void keys_desktop_altShiftArrowsAndBracketsMoveTheFocusedRow_focusStaysOnIt() {
        openHome(Chromium.Size.DESKTOP);
        chromium.find(row(c) + " .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'C'");
        chromium.js("document.querySelector(arguments[0]).focus()", row(c) + " .item-open");
        new Actions(chromium.driver()).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_UP)
                .keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
        assertMovedAndFocused("A\nC\nB\n## Later");
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("]").keyUp(Keys.CONTROL).perform();
        assertMovedAndFocused("A\n  C\nB\n## Later");
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("[").keyUp(Keys.CONTROL).perform();
        assertMovedAndFocused("A\nC\nB\n## Later");
        new Actions(chromium.driver()).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN)
                .keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
        assertMovedAndFocused("A\nB\nC\n## Later");
        new Actions(chromium.driver()).keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN)
                .keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
        // Past the last of the list's top, into the next section.
        assertMovedAndFocused("A\nB\n## Later\nC");
    }

    /** The move landed in the store and on the page, and the moved row (C) keeps the focus for the next key. */
    private void assertMovedAndFocused(String expected) {
        assertStore(expected);
        assertShown(expected);
        chromium.await("return document.activeElement.closest('.item') && document.activeElement.closest('.item').dataset.id === arguments[0]",
                c.id());
    }

    @Test
    void drag_desktopMouse_dropsAboveAndIntoARow() {
        openHome(Chromium.Size.DESKTOP);
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        drag(mouse, row(c) + " .move-handle", row(a) + " > .item-row", 0.1);
        assertStore("C\nA\nB\n## Later");
        assertShown("C\nA\nB\n## Later");
        drag(mouse, row(b) + " .move-handle", row(a) + " > .item-row", 0.5);
        assertStore("C\nA\n  B\n## Later");
        assertEquals(false, chromium.js("return document.getElementById('move-dialog').open"), "a drag opens no sheet");
    }

    @Test
    void drag_phoneFinger_dropsOnASectionsHeading() {
        openHome(Chromium.Size.PHONE);
        drag(new PointerInput(PointerInput.Kind.TOUCH, "finger"), row(a) + " .move-handle", ".section-heading", 0.7);
        assertStore("B\nC\n## Later\nA");
    }

    /**
     * Presses on {@code from}'s middle, moves in steps to {@code to} at {@code at} of its height (0 its top, 1 its
     * bottom) and lets go, with a mouse or a finger; the places are read from the page right before.
     */
    private void drag(PointerInput pointer, String from, String to, double at) {
        List<?> xy = (List<?>) chromium.js("const f = document.querySelector(arguments[0]); f.scrollIntoView({block: 'center'});"
                + " const a = f.getBoundingClientRect(); const b = document.querySelector(arguments[1]).getBoundingClientRect();"
                + " return [a.left + a.width / 2, a.top + a.height / 2, b.left + b.width / 2, b.top + b.height * arguments[2]]", from, to, at);
        int x0 = ((Number) xy.get(0)).intValue();
        int y0 = ((Number) xy.get(1)).intValue();
        int x1 = ((Number) xy.get(2)).intValue();
        int y1 = ((Number) xy.get(3)).intValue();
        Sequence drag = new Sequence(pointer, 0);
        drag.addAction(pointer.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x0, y0));
        drag.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        drag.addAction(pointer.createPointerMove(Duration.ofMillis(100), PointerInput.Origin.viewport(), x0, y0 + (y1 > y0 ? 12 : -12)));
        drag.addAction(pointer.createPointerMove(Duration.ofMillis(250), PointerInput.Origin.viewport(), x1, y1));
        drag.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        chromium.driver().perform(List.of(drag));
    }

    @Test
    void offline_movesWaitInTheOutbox_showAtOnce_andLandInOrderWhenTheServerIsBack() {
        openHome(Chromium.Size.PHONE);
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        openSheet(c);
        tap("#move-up");
        assertShown("A\nC\nB\n## Later");
        tap("#move-up");
        assertShown("C\nA\nB\n## Later");
        tap("#move-close");
        openSheet(b);
        tap("#move-indent");
        assertShown("C\nA\n  B\n## Later");
        tap("#move-close");
        chromium.await("return document.getElementById('waiting-text').textContent === '3 changes waiting'");
        assertEquals(true, chromium.js("return !!document.querySelector(arguments[0] + '.waiting')", row(b)));
        assertStore("A\nB\nC\n## Later");

        web.restartServer();
        chromium.js("window.dispatchEvent(new Event('online'))");
        assertStore("C\nA\n  B\n## Later");
        chromium.await("return document.getElementById('waiting').hidden", Duration.ofSeconds(10));
        assertShown("C\nA\n  B\n## Later");
        assertTrue(web.store.conflicts().list().isEmpty());
    }

    private static String row(Item it) {
        return ".item[data-id=\"" + it.id() + "\"]";
    }

    private void openSheet(Item it) {
        tap(row(it) + " .move-handle");
        chromium.await("return document.getElementById('move-dialog').open");
    }

    /** A tap where a person's finger would land: the element's middle, scrolled into view. */
    private void tap(String css) {
        WebElement el = chromium.find(css);
        chromium.await("const e = document.querySelector(arguments[0]); return e && !e.disabled", css);
        el.click();
    }

    private void assertShown(String expected) {
        try {
            chromium.await(WebOutlinePageTest.OUTLINE + " === arguments[0]", expected);
        } catch (RuntimeException e) {
            throw new AssertionError("the page shows:\n" + chromium.js(WebOutlinePageTest.OUTLINE) + "\nnot:\n" + expected, e);
        }
    }

    private void assertStore(String expected) {
        try {
            WebFixture.awaitStore(() -> OutboxMoveTest.outline(web.store, home.id()).equals(expected), Await.DEFAULT_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the store holds:\n" + OutboxMoveTest.outline(web.store, home.id()) + "\nnot:\n" + expected, e);
        }
    }
}

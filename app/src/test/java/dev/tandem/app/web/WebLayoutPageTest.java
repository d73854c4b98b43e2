package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
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

/**
 * What covers what on a phone (390 × 844) in headless Chromium: the banners of changes waiting and of being
 * offline stay on top as the page scrolls, and the bars stop under them, so the menu, the item's Back button and
 * its title are never under a banner; a long message at the bottom uses the screen's width; quick add's message
 * goes with the view it was made in; an item waiting to be saved says so without squeezing its heading.
 */
@Tag("browser")
class WebLayoutPageTest {
    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        for (int i = 0; i < 40; i++) {
            web.store.add("Todo " + i, null, null, null, TodoDetails.NONE);
        }
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    /**
     * The controls among {@code css} shown (at least partly) in the viewport whose middle is under something else:
     * what a tap there would touch instead, as "control → what covers it".
     */
    private List<String> covered(String... css) {
        List<String> out = new ArrayList<>();
        for (String c : css) {
            Object hit = chromium.js("const e = document.querySelector(arguments[0]);"
                    + " if (!e || !e.checkVisibility()) return 'not shown';"
                    + " const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;"
                    + " if (y < 0 || y > innerHeight) return null;"
                    + " const top = document.elementFromPoint(x, y);"
                    + " return top === e || e.contains(top) ? null : (top.id ? '#' + top.id : top.className || top.tagName)", c);
            if (hit != null) {
                out.add(c + " → " + hit);
            }
        }
        return out;
    }

    @Test
    void banners_changesWaitingWhileScrolled_coverNoControl() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.await("return document.querySelectorAll('#items .item').length === 40");
        // Opened once while online, so the page has it to show offline.
        openThirtieth();
        chromium.find("#detail-back").click();
        chromium.await("return !document.body.classList.contains('has-item')");
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        chromium.find("#quick-add").sendKeys("Kept while offline", Keys.ENTER);
        chromium.await("return !document.getElementById('waiting').hidden");

        // Scrolled again until it holds: the page may still be drawing the list again after the offline add.
        chromium.await("window.scrollTo(0, 400); return window.scrollY >= 400");
        assertEquals(List.of(), covered("#menu-button", "#settings-button", "#view-title"), "the list scrolled");
        assertTrue(chromium.js("return document.querySelector('.banners').getBoundingClientRect().top") instanceof Number);

        openThirtieth();
        chromium.js("window.scrollTo(0, 300)");
        assertEquals(List.of(), covered("#detail-back", "#trash", "#ed-title"), "an item open, scrolled");

        chromium.find("#detail-back").click();
        chromium.await("return !document.body.classList.contains('has-item')");
        chromium.find("#menu-button").click();
        chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'");
        assertEquals(List.of(), covered("#search"), "the drawer open");
    }

    private void openThirtieth() {
        chromium.js("document.querySelectorAll('#items .item-open')[30].click()");
        chromium.await("return document.body.classList.contains('has-item') && document.getElementById('ed-title').value === 'Todo 30'");
    }

    @Test
    void toast_longMessage_usesTheScreensWidth() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        String long_ = "“Buy milk (phone offline)”: Changed on another device while you edited: Title. Your version is"
                + " kept in Conflicts.";
        chromium.js("import('/assets/dom.js').then(m => m.toast(arguments[0], 'Open Conflicts', () => {}, true))", long_);
        chromium.await("return !document.getElementById('toast').hidden");
        double width = ((Number) chromium.js("return document.getElementById('toast-text').getBoundingClientRect().width")).doubleValue();
        double lines = ((Number) chromium.js("const t = document.getElementById('toast-text');"
                + " return t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight)")).doubleValue();
        assertTrue(width > 390 * 0.6, "the text is " + width + " px wide");
        assertTrue(lines <= 5, "the text takes " + lines + " lines");
        assertEquals(List.of(), covered("#toast-action"));
    }

    @Test
    void quickAddMessage_goesWithTheViewItWasMadeIn() {
        TodoList family = web.store.createList("Family");
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.find("#quick-add").sendKeys("Call grandma", Keys.ENTER);
        chromium.await("return document.getElementById('quick-add-message').textContent.startsWith('Added')");
        chromium.js("location.hash = '#v=list:" + family.id() + "'");
        chromium.await("return document.getElementById('items').dataset.view === arguments[0]", "list:" + family.id());
        assertEquals("", chromium.js("return document.getElementById('quick-add-message').textContent"));
    }

    @Test
    void itemWaitingToBeSaved_headingOnOneLineBesideWhatIsKept() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        chromium.find("#quick-add").sendKeys("Made offline", Keys.ENTER);
        chromium.await("return [...document.querySelectorAll('.item.waiting .item-title')].some(t => t.textContent === 'Made offline')");
        chromium.js("[...document.querySelectorAll('.item.waiting')].find(r => r.textContent.includes('Made offline'))"
                + ".querySelector('.item-open').click()");
        chromium.await("return document.getElementById('ed-title').value === 'Made offline'");
        chromium.js("const t = document.getElementById('ed-title'); t.value += '!'; t.dispatchEvent(new Event('input', {bubbles: true}))");
        chromium.await("return document.getElementById('detail-status').textContent.startsWith('Kept on this phone')");
        assertEquals("Todo · waiting to be saved", chromium.js("return document.getElementById('detail-heading').textContent"));
        double lines = ((Number) chromium.js("const h = document.getElementById('detail-heading');"
                + " return h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)")).doubleValue();
        assertTrue(lines < 1.5, "the heading takes " + lines + " lines");
        assertEquals(List.of(), covered("#detail-back", "#trash", "#detail-heading"));
    }
}

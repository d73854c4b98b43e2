package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.TodoDetails;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A todo added offline while the list is scrolled down, on a phone (390 × 844) in headless Chromium: the new row
 * shows and the list stays where the person was reading, not back at the top.
 */
@Tag("browser")
class WebOfflineScrollPageTest {
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

    @Test
    void quickAdd_offlineWhileScrolledDown_showsTheRowAndKeepsTheScroll() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        chromium.await("return document.querySelectorAll('#items .item').length === 40");
        chromium.await("caches.open('tandem-api').then(c => c.keys()).then(k => window.kept = k.map(r => r.url));"
                + " return window.kept && window.kept.some(u => u.includes('view=inbox'))", Duration.ofSeconds(10));

        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(10));
        chromium.await("window.scrollTo(0, 400); return window.scrollY >= 400");

        // The least the list was scrolled to from here on: a redraw that emptied it would show as a jump to the top.
        chromium.js("window.minY = scrollY; addEventListener('scroll', () => { window.minY = Math.min(window.minY, scrollY); })");
        // Typed and sent without scrolling to the field (Selenium's typing would scroll it into view).
        chromium.js("const f = document.getElementById('quick-add'); f.value = 'Kept while offline';"
                + " document.getElementById('quick-add-form').requestSubmit()");
        chromium.await("return [...document.querySelectorAll('#items .item-title')].some(t => t.textContent === 'Kept while offline')"
                + " && !document.getElementById('waiting').hidden", Duration.ofSeconds(10));
        double y = ((Number) chromium.js("return window.scrollY")).doubleValue();
        assertTrue(y >= 380, "scrolled to " + y + " after the offline add");
        // Once the add has settled (the field's message says it is kept), still where it was.
        chromium.await("return document.getElementById('quick-add-message').textContent.includes('Kept while offline')");
        y = ((Number) chromium.js("return window.scrollY")).doubleValue();
        assertTrue(y >= 380, "scrolled to " + y + " once the add settled");
        double least = ((Number) chromium.js("return window.minY")).doubleValue();
        assertTrue(least >= 380, "the list went up to " + least + " on the way");
    }
}

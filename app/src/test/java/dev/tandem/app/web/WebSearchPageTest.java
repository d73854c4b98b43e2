package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The page's search field reads what the desktop's search box reads: words beside {@code @tag}, {@code #list}
 * and {@code p1}–{@code p4}, and a query with operators ({@code search: milk}, {@code &}), in headless Chromium
 * at a phone's size (through the drawer) and a desktop's (the sidebar's field), against a real server and store.
 */
@Tag("browser")
class WebSearchPageTest {
    private static final String TITLES = "return [...document.querySelectorAll('#items .item-title')]"
            + ".map(t => t.textContent).sort().join('|')";

    @TempDir
    Path dir;
    WebFixture web;
    Chromium chromium;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        TodoList groceries = web.store.createList("Groceries");
        web.store.add("Buy milk", null, groceries.id(), null, new TodoDetails(2, List.of("errand"), null, null));
        web.store.add("Milk the cow", null, null, null, new TodoDetails(2, List.of(), null, null));
        web.store.add("Fetch shoes", null, null, null, new TodoDetails(1, List.of("errand"), null, null));
        web.store.add("Oat milk", null, groceries.id(), null, TodoDetails.NONE);
        web.store.add("Call the bank", null, null, null, new TodoDetails(1, List.of(), null, null));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        web.close();
    }

    @Test
    void search_phone_readsOperatorsAsTheDesktopSearchBoxDoes() {
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        assertFinds("@errand p2 milk", "Buy milk");
        assertFinds("@errand", "Buy milk|Fetch shoes");
        assertFinds("p1", "Call the bank|Fetch shoes");
        assertFinds("#Groceries milk", "Buy milk|Oat milk");
        assertFinds("search: milk", "Buy milk|Milk the cow|Oat milk");
        assertFinds("@errand & p2 & search: milk", "Buy milk");
        // Plain words are still a plain search.
        assertFinds("milk", "Buy milk|Milk the cow|Oat milk");
    }

    @Test
    void search_desktop_readsOperatorsAndSaysWhyAQueryDoesNotRead() {
        chromium = Chromium.paired(web, Chromium.Size.DESKTOP);
        assertFinds("@errand p2 milk", "Buy milk");
        assertFinds("#Groceries", "Buy milk|Oat milk");
        search("p1 & (");
        String empty = (String) chromium.await("const e = document.getElementById('empty');"
                + " return !e.hidden && e.textContent");
        assertEquals(true, empty.length() > 10 && !empty.equals("Nothing matches."), empty);
        assertEquals("", chromium.js(TITLES));
    }

    private void assertFinds(String query, String titles) {
        search(query);
        chromium.await("return document.getElementById('items').dataset.view === 'search'"
                + " && document.getElementById('view-title').textContent === 'Search: ' + arguments[0]", query);
        try {
            chromium.await(TITLES + " === arguments[0]", titles);
        } catch (RuntimeException e) {
            throw new AssertionError("“" + query + "” found " + chromium.js(TITLES) + ", not " + titles, e);
        }
    }

    /** Typed into the search field and sent with Enter, through the drawer on a phone. */
    private void search(String query) {
        boolean phone = Boolean.TRUE.equals(chromium.js("return window.innerWidth < 900"));
        if (phone) {
            chromium.find("#menu-button").click();
            chromium.await("return getComputedStyle(document.getElementById('sidebar')).transform === 'none'");
        }
        chromium.find("#search").clear();
        chromium.find("#search").sendKeys(query, Keys.ENTER);
        if (phone) {
            chromium.await("return !document.body.classList.contains('drawer-open')");
        }
    }
}

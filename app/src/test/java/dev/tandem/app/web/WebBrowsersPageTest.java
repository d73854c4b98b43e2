package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * Telling browsers and devices apart on the page, in headless Chromium at a phone's size: a browser named as it
 * pairs, renamed later in This browser, listed with the address it was last seen from; and in Conflicts, the serving
 * computer called by its name and this browser "this browser", never "This device".
 */
@Tag("browser")
class WebBrowsersPageTest {
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
    void pairing_withANameTyped_pairsUnderThatName_andThisBrowserShowsItWithItsAddress() {
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        chromium.find("#pair-name").sendKeys("Anna’s phone");
        chromium.find("#pair-code").sendKeys(web.server.pair().code(), Keys.ENTER);
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        assertEquals(List.of("Anna’s phone"), web.server.browsers().stream().map(PairedBrowser::name).toList());

        chromium.js("location.hash = '#v=settings'");
        String line = (String) chromium.await("const li = document.querySelector('.browsers li'); return li && li.textContent");
        assertTrue(line.contains("Anna’s phone") && line.contains("127.0.0.1"), line);
    }

    @Test
    void pairedByLink_saysItsName_andRenamedInThisBrowser() {
        chromium = Chromium.start(Chromium.Size.PHONE);
        chromium.open(web.server.pair().url());
        String said = (String) chromium.await("const t = document.getElementById('toast');"
                + " return !t.hidden && document.getElementById('toast-text').textContent");
        assertTrue(said.startsWith("This browser is paired as “"), said);
        assertEquals("Rename", chromium.js("return document.getElementById('toast-action').textContent"));
        chromium.find("#toast-action").click();
        chromium.await("return document.activeElement && document.activeElement.id === 'browser-name'");
        chromium.js("document.getElementById('browser-name').value = ''");
        chromium.find("#browser-name").sendKeys("Kitchen tablet", Keys.ENTER);
        WebFixture.awaitStore(() -> web.server.browsers().get(0).name().equals("Kitchen tablet"), java.time.Duration.ofSeconds(5));
        chromium.await("return [...document.querySelectorAll('.browsers li')].some(li => li.textContent.includes('Kitchen tablet'))");
        assertTrue(((String) chromium.js("return document.querySelector('#panel').textContent")).contains("“Kitchen tablet”, paired with Home server"));
    }

    @Test
    void conflicts_nameTheServingComputerByItsNameAndThisBrowserAsSuch() throws Exception {
        Item milk = web.store.add("Milk", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE);
        chromium.find(".item[data-id=\"" + milk.id() + "\"] .item-open").click();
        chromium.await("return document.getElementById('ed-title').value === 'Milk'");
        chromium.js("const t = document.getElementById('ed-title'); t.value = 'Milk (phone)';"
                + " t.dispatchEvent(new Event('input', {bubbles: true}))");
        web.store.update(milk.id(), i -> i.withTitle("Milk (computer)"));
        chromium.find("#save").click();
        chromium.await("return !document.getElementById('detail-error').hidden");
        chromium.js("location.hash = '#v=conflicts'");
        String card = (String) chromium.await("const c = document.querySelector('.conflict'); return c && c.textContent");
        assertTrue(card.contains("edited on this browser"), card);
        assertTrue(card.contains("Milk (computer) (on Home server)"), card);
        assertTrue(!card.contains("This device"), card);
    }
}

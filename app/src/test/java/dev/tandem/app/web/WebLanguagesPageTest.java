package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in the browser's language, in Debian's Chromium at phone size: a German browser sees the pairing
 * screen, the page's buttons and its outbox line in German, and opens the page offline in German when the
 * browser starts again (in English now: the words last used are kept); a French browser sees French.
 */
class WebLanguagesPageTest {
    @TempDir
    Path dir;
    @TempDir
    Path browserProfile;
    WebFixture web;
    Chromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private String text(String id) {
        return (String) chromium.js("return document.getElementById(arguments[0]).textContent.trim()", id);
    }

    /** No key of the catalogue shows as itself: every word the page drew was found. */
    private void noKeysShown() {
        String shown = (String) chromium.js("return document.body.innerText + ' '"
                + " + [...document.querySelectorAll('[aria-label], [placeholder], [title]')].map(e =>"
                + " [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join(' ')).join(' ')");
        assertTrue(!shown.matches("(?s).*\\bpage\\.[a-z]+\\.[a-zA-Z]+.*"), shown);
    }

    private void tickOffline(Item it) {
        web.server.close();
        chromium.await("return !document.getElementById('offline').hidden", Duration.ofSeconds(5));
        String box = ".item[data-id='" + it.id() + "'] .item-done";
        chromium.await("return !!document.querySelector(arguments[0])", box);
        chromium.find(box).click();
    }

    @Test
    void page_germanBrowser_pairsAndShowsGermanWordsAlsoOfflineAfterARestart() {
        web = new WebFixture(dir);
        Item milk = web.store.add("Milch", null, null);
        chromium = Chromium.start(Chromium.Size.PHONE, browserProfile, "de");
        chromium.open(web.server.url().toString());
        chromium.await("return !document.getElementById('pair').hidden");
        assertEquals("de", chromium.js("return document.documentElement.lang"));
        assertEquals("Koppeln", text("pair-submit"));
        assertTrue(text("pair-help").contains("Auf dem Handy öffnen"), text("pair-help"));
        noKeysShown();

        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        assertEquals("Hinzufügen", text("quick-add-submit"));
        assertEquals("Aufgabe hinzufügen", chromium.js("return document.querySelector('label[for=quick-add]').textContent"));
        assertEquals("Listen und Ansichten", chromium.js("return document.getElementById('menu-button').getAttribute('aria-label')"));
        assertEquals("Erledigt: Milch", chromium.js("return document.querySelector('.item-done').getAttribute('aria-label')"));
        noKeysShown();

        tickOffline(milk);
        chromium.await("return document.getElementById('waiting-text').textContent === '1 Änderung wartet'");
        assertEquals("Jetzt senden", text("waiting-send"));

        // Started again in English, still offline: the page opens from the service worker in the words last used.
        String url = chromium.driver().getCurrentUrl();
        chromium.close();
        chromium = Chromium.start(Chromium.Size.PHONE, browserProfile, "en");
        chromium.open(url.replaceAll("#.*", "") + "#v=inbox");
        chromium.await("return document.getElementById('waiting-text').textContent === '1 Änderung wartet'",
                Duration.ofSeconds(10));
        assertEquals("de", chromium.js("return document.documentElement.lang"));
        assertEquals("Hinzufügen", text("quick-add-submit"));
    }

    @Test
    void page_frenchBrowser_showsFrenchWords() {
        web = new WebFixture(dir);
        Item milk = web.store.add("Lait", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE, "fr");
        assertEquals("fr", chromium.js("return document.documentElement.lang"));
        assertEquals("Ajouter", text("quick-add-submit"));
        assertEquals("Terminé\u00a0: Lait", chromium.js("return document.querySelector('.item-done').getAttribute('aria-label')"));
        noKeysShown();

        tickOffline(milk);
        chromium.await("return document.getElementById('waiting-text').textContent === '1 modification en attente'");
        assertEquals("Envoyer maintenant", text("waiting-send"));
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in the browser's language, in Debian's Chromium at phone size: a German browser sees the pairing
 * screen, the page's buttons and its outbox line in German, and opens the page offline in German when the
 * browser starts again (in English now: the words last used are kept); a French browser sees French.
 */
@Tag("browser")
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
        chromium.await("return !document.getElementById('pair').hidden", Duration.ofSeconds(15));
        assertEquals("de", chromium.js("return document.documentElement.lang"));
        assertEquals("Koppeln", text("pair-submit"));
        assertTrue(text("pair-help").contains("Auf dem Handy öffnen"), text("pair-help"));
        noKeysShown();

        chromium.open(web.server.pair().url());
        chromium.await("return !document.getElementById('app').hidden && document.getElementById('items').dataset.view");
        chromium.await("return !!navigator.serviceWorker.controller", Duration.ofSeconds(10));
        assertEquals("Hinzufügen", text("quick-add-submit"));
        assertEquals("Eingang", text("view-title"));
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

    /**
     * i18n.js formats every pattern of the page's area as the catalogue's Java formatter does, in each shipped
     * language: arguments, plural forms (0, 1, 2, 5: French says "0 modification"), select forms, apostrophes.
     */
    @Test
    void t_everyPagePatternInEveryLanguage_formatsAsTheCatalogueDoes() {
        web = new WebFixture(dir);
        chromium = Chromium.start(Chromium.Size.PHONE, null, "en");
        chromium.open(web.server.url().toString());
        // A browser of its own, just started: its first page waited over 5 s once while another fork's load test ran.
        chromium.await("return !document.getElementById('pair').hidden", Duration.ofSeconds(15));
        List<String> mismatches = new ArrayList<>();
        for (Language language : Language.shipped()) {
            Map<String, String> patterns = Messages.patterns(language, "page");
            List<List<Object>> cases = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (Map.Entry<String, String> p : patterns.entrySet()) {
                for (List<Object> args : argumentsFor(p.getValue())) {
                    keys.add(p.getKey());
                    cases.add(args);
                    expected.add(Messages.text(language, p.getKey(), args.toArray()));
                }
            }
            chromium.js("window.formatted = null; import('/assets/i18n.js').then(m => {"
                    + " m.use({lang: arguments[0], dir: 'ltr', messages: arguments[1]});"
                    + " window.formatted = arguments[2].map((k, i) => m.t(k, ...arguments[3][i])); })",
                    language.tag(), patterns, keys, cases);
            @SuppressWarnings("unchecked")
            List<String> got = (List<String>) chromium.await("return window.formatted");
            for (int i = 0; i < keys.size(); i++) {
                if (!expected.get(i).equals(got.get(i))) {
                    mismatches.add(language.tag() + " " + keys.get(i) + " " + cases.get(i) + ": Java «" + expected.get(i)
                            + "», page «" + got.get(i) + "»");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(?:\\s*,\\s*(plural|select)\\s*,)?");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z]+)\\s*\\{");

    /** Argument lists that take every form of a pattern: numbers for a plural, each choice of a select. */
    private static List<List<Object>> argumentsFor(String pattern) {
        Map<Integer, List<Object>> values = new TreeMap<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if ("plural".equals(m.group(2))) {
                values.put(index, List.of(0L, 1L, 2L, 5L));
            } else if ("select".equals(m.group(2))) {
                List<Object> choices = new ArrayList<>();
                Matcher c = SELECTOR.matcher(pattern.substring(m.end()));
                while (c.find() && !c.group(1).equals("other")) {
                    choices.add(c.group(1));
                }
                choices.add("another");
                values.put(index, choices);
            } else {
                values.putIfAbsent(index, List.of("A" + index + "’s"));
            }
        }
        int count = values.isEmpty() ? 0 : ((TreeMap<Integer, List<Object>>) values).lastKey() + 1;
        List<List<Object>> out = new ArrayList<>();
        int rounds = values.values().stream().mapToInt(List::size).max().orElse(1);
        for (int r = 0; r < rounds; r++) {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<Object> v = values.getOrDefault(i, List.of("A" + i));
                args.add(v.get(Math.min(r, v.size() - 1)));
            }
            out.add(args);
        }
        return out;
    }

    @Test
    void page_frenchBrowser_showsFrenchWords() {
        web = new WebFixture(dir);
        Item milk = web.store.add("Lait", null, null);
        chromium = Chromium.paired(web, Chromium.Size.PHONE, "fr");
        assertEquals("fr", chromium.js("return document.documentElement.lang"));
        assertEquals("Ajouter", text("quick-add-submit"));
        assertEquals("Boîte de réception", text("view-title"));
        assertEquals("Terminé\u00a0: Lait", chromium.js("return document.querySelector('.item-done').getAttribute('aria-label')"));
        noKeysShown();

        tickOffline(milk);
        chromium.await("return document.getElementById('waiting-text').textContent === '1 modification en attente'");
        assertEquals("Envoyer maintenant", text("waiting-send"));
    }
}

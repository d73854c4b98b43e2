package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.LanguageSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /messages.json: the page's words in the request's language (the profile's choice, else the browser's
 * Accept-Language), public and bounded; and the server's own sentences in the same language.
 */
@Tag("unit")
class WebMessagesTest {
    @TempDir
    Path dir;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> messages(String acceptLanguage) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri("/messages.json")).GET();
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return web.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        return JsonText.object(r.body());
    }

    @SuppressWarnings("unchecked")
    private static String pattern(HttpResponse<String> r, String key) {
        return (String) ((Map<String, Object>) json(r).get("messages")).get(key);
    }

    @Test
    void messages_acceptLanguageGerman_answersGermanPatternsWithoutASession() throws Exception {
        HttpResponse<String> r = messages("de-CH, de;q=0.9, en;q=0.8");

        assertEquals(200, r.statusCode());
        assertEquals("de", json(r).get("lang"));
        assertEquals("ltr", json(r).get("dir"));
        assertEquals(Messages.text(Language.GERMAN, "page.pair.submit"), pattern(r, "page.pair.submit"));
        assertEquals(Messages.patterns(Language.GERMAN, "page"), json(r).get("messages"));
        assertTrue(!pattern(r, "page.pair.submit").equals(Messages.text(Language.ENGLISH, "page.pair.submit")));
        assertEquals("Accept-Language", r.headers().firstValue("Vary").orElse(""));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
        // The language's quick add table, the desktop's own, for the page as its own device to read quick add with:
        // every key but those the page does not read (the past, the lower-case words, "every").
        Map<?, ?> table = (Map<?, ?>) json(r).get("quickadd");
        Catalogue.file("quickadd", "de").forEach((k, v) -> assertEquals(k.startsWith("quickadd.past.")
                || k.startsWith("quickadd.lowerCase") || k.equals("quickadd.every")
                ? null : v, table.get(k), k));
        assertEquals(Catalogue.file("quickadd", "de").size() - 8, table.size());
        assertEquals("morgen", ((Map<?, ?>) json(r).get("quickadd")).get("quickadd.date.tomorrow"));
        // The words of dates and rules, for the page as its own device to say them as the desktop in German does.
        Map<?, ?> repeat = (Map<?, ?>) json(r).get("dates");
        assertEquals("alle {0} Tage", ((Map<?, ?>) repeat.get("patterns")).get("repeat.everyN.daily"));
        assertEquals("EEE, d. MMM", ((Map<?, ?>) repeat.get("formats")).get("day"));
        assertEquals("d. MMM yyyy", ((Map<?, ?>) repeat.get("formats")).get("dateYear"));
        assertEquals(List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
                repeat.get("weekdays"));
        assertEquals(12, ((List<?>) repeat.get("monthsShort")).size());
    }

    @Test
    void messages_savedProfileChoice_winsOverTheHeader() throws Exception {
        LanguageSetting.save(new SettingsStore(dir), Optional.of(Language.FRENCH));

        HttpResponse<String> r = messages("de");

        assertEquals("fr", json(r).get("lang"));
        assertEquals(Messages.patterns(Language.FRENCH, "page"), json(r).get("messages"));
    }

    @Test
    void messages_serveToldALanguage_speaksItUnlessTheProfileChoseOne() throws Exception {
        web.close();
        web = new WebFixture(dir, b -> b.language(Language.GERMAN));

        assertEquals("de", json(messages("fr")).get("lang"));

        LanguageSetting.save(new SettingsStore(dir), Optional.of(Language.FRENCH));
        assertEquals("fr", json(messages("en")).get("lang"));
    }

    @Test
    void messages_unknownOrNoLanguage_answersEnglish() throws Exception {
        for (String header : new String[] {"ja, zh;q=0.9", "", null, "*"}) {
            HttpResponse<String> r = messages(header);

            assertEquals("en", json(r).get("lang"), "for " + header);
            assertEquals(Messages.patterns(Language.ENGLISH, "page"), json(r).get("messages"));
            assertNull(json(r).get("quickadd"), "English is read by the parser's code, with no table");
        }
    }

    /**
     * An attacker's Accept-Language: thousands of entries under Jetty's header limit (only the first 32 are read,
     * so a German entry after them is never seen), and one far over it (refused by Jetty). The route answers each
     * at once, and an honest browser's request meanwhile gets its language.
     */
    @Test
    void messages_hugeAcceptLanguage_answeredFastAndOnlyTheFirstEntriesRead() throws Exception {
        String junk = "xx-YY;q=0.5,".repeat(640);
        // Each attacker's request beside an honest one, in turn: on a loaded machine both slow down alike.
        long attacker = 0;
        long plain = 0;
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            HttpResponse<String> late = messages(junk + "de;q=1");
            assertEquals(200, late.statusCode());
            assertEquals("en", json(late).get("lang"));
            HttpResponse<String> early = messages("fr;q=0.9," + junk);
            assertEquals("fr", json(early).get("lang"));
            long between = System.nanoTime();
            assertEquals("de", json(messages("de-DE,de;q=0.9")).get("lang"));
            assertEquals("fr", json(messages("fr")).get("lang"));
            plain += System.nanoTime() - between;
            attacker += between - start;
        }
        assertTrue(attacker < 4 * plain + 500_000_000L, String.format(Locale.ROOT,
                "100 answers to the attacker's headers took %d ms, 100 honest ones %d ms", attacker / 1_000_000,
                plain / 1_000_000));

        HttpResponse<String> huge = messages("de," + "xx;q=0.1,".repeat(20_000));
        assertEquals(431, huge.statusCode());

        HttpResponse<String> honest = messages("de-DE,de;q=0.9");
        assertEquals("de", json(honest).get("lang"));
    }

    @Test
    void error_acceptLanguageGerman_sentenceInGerman() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(web.uri("/api/sidebar")).header("Accept-Language", "de").GET().build();

        HttpResponse<String> r = web.http.send(req, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, r.statusCode());
        assertEquals(Messages.text(Language.GERMAN, "server.session.none"), json(r).get("error"));
        assertTrue(!json(r).get("error").equals(Messages.text(Language.ENGLISH, "server.session.none")));
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;

/**
 * {@code screenshots/languages/phone-*.png}: the phone page in German, French and both pseudo-languages,
 * on a 390 px phone, at 760 px and at 1366×768, with a check that no word of the page's own is cut short
 * (the user's titles may be shortened; the page's words may not).
 */
@Tag("screenshots")
class WebLanguageScreenshotsTest {
    /** Elements whose own text the page shortens to fit, the ones a person's data fills. */
    private static final String CUT = """
            const data = '.item-title, .item-meta, .item-context, .chip, #ed-title, textarea, input';
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
              if (el.closest('[hidden]') || el.closest(data) || el.children.length > 0) continue;
              const text = el.textContent.trim();
              // Visually hidden words (for screen readers) are 1 px wide on purpose.
              if (!text || el.offsetParent === null || el.clientWidth <= 1) continue;
              const style = getComputedStyle(el);
              if (style.overflow === 'visible' && style.textOverflow !== 'ellipsis') continue;
              if (el.scrollWidth > el.clientWidth + 1) out.push(text);
            }
            return out;""";

    @TempDir
    Path dir;

    @Test
    void phonePage_everyLanguage_nothingCutOff() throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"), "languages"));
        List<String> cut = new ArrayList<>();
        for (Language language : List.of(Language.GERMAN, Language.FRENCH, Language.PSEUDO_LONG, Language.PSEUDO_RTL)) {
            WebFixture web = new WebFixture(Files.createDirectories(dir.resolve(language.tag())),
                    b -> b.clock(Clock.systemUTC()).deviceName("Laptop").language(language));
            try {
                seed(web.store, language);
                for (int[] size : new int[][] {{390, 844}, {760, 900}, {1366, 768}}) {
                    Chromium.Size base = size[0] == 390 ? Chromium.Size.PHONE : Chromium.Size.DESKTOP;
                    try (Chromium c = Chromium.start(base, null, language.tag())) {
                        if (base == Chromium.Size.DESKTOP) {
                            c.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0],
                                    "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                        }
                        c.open(web.server.pair().url());
                        c.await("return !document.getElementById('app').hidden"
                                + " && document.querySelectorAll('#items .item').length > 0", Duration.ofSeconds(15));
                        c.await("return document.documentElement.lang === arguments[0]", Duration.ofSeconds(5),
                                language.tag());
                        // Not the message saying the name it paired under, which goes by itself.
                        c.js("document.activeElement && document.activeElement.blur(); document.getElementById('toast').hidden = true");
                        Thread.sleep(500);
                        String suffix = language.tag() + "-" + (size[0] == 390 ? "phone" : size[0] == 760 ? "760" : "1366x768");
                        Files.write(out.resolve("phone-" + suffix + ".png"), c.driver().getScreenshotAs(OutputType.BYTES));
                        if (!language.pseudo()) {
                            @SuppressWarnings("unchecked")
                            List<Object> shortened = (List<Object>) c.js(CUT);
                            shortened.forEach(t -> cut.add(suffix + ": " + t));
                        }
                    }
                }
            } finally {
                web.close();
            }
        }
        assertEquals(List.of(), cut, "the page's own words cut short");
    }

    private static void seed(TodoStore s, Language language) {
        boolean de = language == Language.GERMAN;
        boolean fr = language == Language.FRENCH;
        TodoList family = s.createList(de ? "Familie" : fr ? "Famille" : "Family");
        s.add(de ? "Mia vom Fußball abholen" : fr ? "Récupérer Mia au foot" : "Pick up Mia from football", null,
                family.id(), s.today(), new TodoDetails(null, List.of(), null, null, false, LocalTime.of(16, 30), 45));
        s.add(de ? "Kfz-Versicherung verlängern" : fr ? "Renouveler l’assurance auto" : "Renew the car insurance", null,
                null, s.today(), new TodoDetails(1, List.of(de ? "auto" : fr ? "voiture" : "car"), null, null));
        s.add(de ? "Formular für den Schulausflug" : fr ? "Signer la sortie scolaire" : "Sign the school trip form", null,
                family.id(), s.today().plusDays(1), new TodoDetails(3, List.of(), null, null));
        s.add(de ? "Zahnarzttermin vereinbaren" : fr ? "Prendre rendez-vous chez le dentiste" : "Call the dentist", null,
                null, s.today().plusDays(2), TodoDetails.NONE);
    }
}

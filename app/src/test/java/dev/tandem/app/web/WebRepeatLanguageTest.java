package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The phone page's repeat field reads the rule in the page's language as quick add reads it, English too, and
 * the item comes back with the rule said in that language; a rule it cannot read is refused in it, nothing written.
 * Each edit runs in the language as the router runs a request ({@link Messages#in}).
 */
@Tag("unit")
class WebRepeatLanguageTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final Db db = Db.builder().memory().clock(clock).build();
    private final TodoStore store = new TodoStore(db, clock, ZoneOffset.UTC);
    private final WebEdits edits = new WebEdits(store);

    @AfterEach
    void close() {
        db.close();
    }

    private Object setRepeat(Language language, Item it, String rule) {
        return Messages.in(language, () -> {
            Map<String, Object> set = new HashMap<>();
            set.put("repeat", rule);
            Map<String, Object> base = new HashMap<>();
            base.put("repeat", ItemJson.field(store.get(it.id()).orElseThrow(), "repeat"));
            edits.apply(it.id(), set, base, "browser", "Phone");
            return ItemJson.field(store.get(it.id()).orElseThrow(), "repeat");
        });
    }

    @Test
    void apply_germanPageEveryTwoDays_savedAndSaidInGerman() {
        Item it = store.add("Blumen gießen", null, null);
        assertEquals("alle 2 Tage", setRepeat(Language.GERMAN, it, "jeden 2. Tag"));
        assertEquals("FREQ=DAILY;INTERVAL=2", store.get(it.id()).orElseThrow().repeat());
        assertEquals("jeden Montag", setRepeat(Language.GERMAN, it, "every monday"), "English is read too");
    }

    @Test
    void apply_frenchPageEveryTwoDays_savedAndSaidInFrench() {
        Item it = store.add("Arroser", null, null);
        assertEquals("tous les 2 jours", setRepeat(Language.FRENCH, it, "tous les 2 jours"));
        assertEquals("FREQ=DAILY;INTERVAL=2", store.get(it.id()).orElseThrow().repeat());
        assertEquals("chaque lundi", setRepeat(Language.FRENCH, it, "chaque lundi"));
    }

    @Test
    void apply_englishPage_germanWordsRefused() {
        Item it = store.add("Water", null, null);
        assertThrows(BadRequest.class, () -> setRepeat(Language.ENGLISH, it, "jeden 2. Tag"));
        assertEquals("every 2 days", setRepeat(Language.ENGLISH, it, "every 2 days"));
    }

    @Test
    void apply_unreadableOnAGermanPage_refusedInGermanAndNothingWritten() {
        Item it = store.add("Blumen gießen", null, null);
        BadRequest e = assertThrows(BadRequest.class, () -> setRepeat(Language.GERMAN, it, "ab und zu"));
        assertEquals(400, e.status());
        assertEquals("„ab und zu“ ist keine Wiederholung, die Tandem kennt, z. B. „jeden Montag“ oder „alle 2 Wochen“. "
                + "Nichts wurde gespeichert.", e.text(Language.GERMAN));
        assertNull(store.get(it.id()).orElseThrow().repeat());
    }
}

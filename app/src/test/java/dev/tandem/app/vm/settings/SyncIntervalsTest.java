package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SyncIntervalsTest {
    @Test
    void words_commonIntervals_saidAsPeopleSayThem() {
        assertEquals("Every minute", SyncIntervals.words(60));
        assertEquals("Every 30 minutes", SyncIntervals.words(1800));
        assertEquals("Every hour", SyncIntervals.words(3600));
        assertEquals("Every 6 hours", SyncIntervals.words(21600));
        assertEquals("Every 30 seconds", SyncIntervals.words(30));
        assertEquals("Every 90 minutes", SyncIntervals.words(5400));
    }

    @Test
    void words_germanAndFrench_eachLanguagesPluralForms() {
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Jede Minute", SyncIntervals.words(60));
            assertEquals("Alle 30 Minuten", SyncIntervals.words(1800));
            assertEquals("Alle 6 Stunden", SyncIntervals.words(21600));
            Messages.use(Language.FRENCH);
            assertEquals("Toutes les heures", SyncIntervals.words(3600));
            assertEquals("Toutes les 30 secondes", SyncIntervals.words(30));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void choices_savedValueNotAPreset_offeredInOrderSoSavingKeepsIt() {
        List<Integer> c = SyncIntervals.choices(30);
        assertEquals(30, c.get(0));
        assertTrue(c.containsAll(SyncIntervals.PRESETS));
        assertEquals(SyncIntervals.PRESETS, SyncIntervals.choices(1800));
    }
}

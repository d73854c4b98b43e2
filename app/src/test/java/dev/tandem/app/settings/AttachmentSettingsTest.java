package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This device's attachment choices in settings.properties: defaults, a round trip, and what is not a number. */
@Tag("unit")
class AttachmentSettingsTest {
    @TempDir
    Path dir;

    @Test
    void load_nothingSaved_isTheDefaults() {
        assertEquals(new AttachmentSettings(100_000_000L, false, 1_000_000_000L), AttachmentSettings.load(new SettingsStore(dir)));
    }

    @Test
    void save_thenLoad_givesTheSameChoices() {
        SettingsStore store = new SettingsStore(dir);
        AttachmentSettings s = AttachmentSettings.defaults().withLimit(250_000_000L).withKeepAll(true).withCacheLimit(0);
        s.save(store);
        assertEquals(s, AttachmentSettings.load(new SettingsStore(dir)));
    }

    @Test
    void load_valuesNotNumbersOrBelowTheLeast_areTheDefaults() {
        SettingsStore store = new SettingsStore(dir);
        store.put("attachments.limit", "12");
        store.put("attachments.cacheLimit", "lots");
        assertEquals(AttachmentSettings.defaults(), AttachmentSettings.load(store));
    }

    @Test
    void new_limitBelowOneMegabyte_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AttachmentSettings(999_999, false, 0));
    }
}

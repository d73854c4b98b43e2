package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.ui.messages.Language;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class LanguageSettingTest {
    @TempDir
    Path tmp;

    @Test
    void choose_flagThenEnvThenProfileThenSystem_firstWins() {
        SettingsStore store = new SettingsStore(tmp);
        LanguageSetting.save(store, Optional.of(Language.FRENCH));
        assertEquals(Language.GERMAN, LanguageSetting.choose("de", Map.of("TANDEM_LANG", "fr"), store, Locale.ENGLISH));
        assertEquals(Language.FRENCH, LanguageSetting.choose(null, Map.of("TANDEM_LANG", "fr_FR.UTF-8"), store, Locale.GERMAN));
        assertEquals(Language.FRENCH, LanguageSetting.choose(null, Map.of(), store, Locale.GERMAN));
        LanguageSetting.save(store, Optional.empty());
        assertEquals(Language.GERMAN, LanguageSetting.choose(null, Map.of(), store, Locale.GERMANY));
        assertEquals(Language.ENGLISH, LanguageSetting.choose(null, Map.of(), store, Locale.JAPAN));
        assertEquals(Language.ENGLISH, LanguageSetting.choose(null, Map.of(), null, Locale.ROOT));
    }

    @Test
    void choose_flagNamesAnUnknownLanguage_errorNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LanguageSetting.choose("klingon", Map.of(), null, Locale.ENGLISH));
        assertTrue(e.getMessage().contains("\"klingon\"") && e.getMessage().contains("de"), e.getMessage());
    }

    @Test
    void forcedBy_flagThenVariable_namesWhatChoseOverTheProfile() {
        assertEquals(Optional.of("--lang"), LanguageSetting.forcedBy("de", Map.of("TANDEM_LANG", "fr")));
        assertEquals(Optional.of("TANDEM_LANG"), LanguageSetting.forcedBy(null, Map.of("TANDEM_LANG", "fr")));
        assertEquals(Optional.empty(), LanguageSetting.forcedBy(null, Map.of("TANDEM_LANG", " ")));
        assertEquals(Optional.empty(), LanguageSetting.forcedBy(null, Map.of("LANG", "de_DE.UTF-8")));
    }

    @Test
    void saved_unknownCodeInTheFile_ignored() {
        SettingsStore store = new SettingsStore(tmp);
        store.put(LanguageSetting.KEY, "xx");
        assertEquals(Optional.empty(), LanguageSetting.saved(store));
        assertEquals(Language.FRENCH, LanguageSetting.choose(null, Map.of(), store, Locale.FRANCE));
    }
}

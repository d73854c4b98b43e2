package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.WeekStart;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's "Week starts on" and the system's region, read from the environment as the language is. */
@Tag("unit")
class WeekStartSettingTest {
    @TempDir
    Path dir;
    private final Locale before = WeekStart.system();

    @AfterEach
    void restore() {
        WeekStart.system(before);
        WeekStart.choose(Optional.empty());
    }

    @Test
    void systemLocale_posixVariables_inTheirOrderWithTheRegion() {
        assertEquals(new Locale("de", "AT"), WeekStartSetting.systemLocale(Map.of("LANG", "de_AT.UTF-8")));
        assertEquals(new Locale("en", "GB"), WeekStartSetting.systemLocale(Map.of("LANG", "de_DE.UTF-8", "LC_TIME", "en_GB.UTF-8")));
        assertEquals(new Locale("fr", "CA"), WeekStartSetting.systemLocale(Map.of("LC_TIME", "en_GB", "LC_ALL", "fr_CA@euro")));
        assertEquals(new Locale("de"), WeekStartSetting.systemLocale(Map.of("LANG", "de")));
        assertEquals(Locale.getDefault(Locale.Category.FORMAT), WeekStartSetting.systemLocale(Map.of("LANG", "C.UTF-8")));
    }

    @Test
    void saveAndApply_choiceAndRegion_usedByThisProcess() {
        SettingsStore store = new SettingsStore(dir);
        assertEquals(Optional.empty(), WeekStartSetting.saved(store));
        WeekStartSetting.apply(store, Map.of("LANG", "en_GB.UTF-8"));
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.ENGLISH));
        WeekStartSetting.save(store, Optional.of(DayOfWeek.SUNDAY));
        assertEquals(Optional.of(DayOfWeek.SUNDAY), WeekStartSetting.saved(new SettingsStore(dir)), "kept in the profile");
        WeekStartSetting.apply(new SettingsStore(dir), Map.of("LANG", "de_DE.UTF-8"));
        assertEquals(DayOfWeek.SUNDAY, WeekStart.first(Language.GERMAN));
        WeekStartSetting.save(store, Optional.empty());
        WeekStartSetting.apply(new SettingsStore(dir), Map.of());
        assertEquals(Optional.empty(), WeekStart.chosen());
    }

    @Test
    void saved_anythingElseInTheFile_isTheDefault() {
        SettingsStore store = new SettingsStore(dir);
        store.put(WeekStartSetting.KEY, "wednesday; rm -rf /");
        assertEquals(Optional.empty(), WeekStartSetting.saved(store));
        store.put(WeekStartSetting.KEY, " Saturday ");
        assertEquals(Optional.of(DayOfWeek.SATURDAY), WeekStartSetting.saved(store));
    }
}

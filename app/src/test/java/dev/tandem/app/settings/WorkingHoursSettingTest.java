package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.events.DayPlanner;
import dev.tandem.app.model.events.DayPlanner.Hours;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's working hours: saved and read back; whatever else the file holds reads as the default. */
@Tag("unit")
class WorkingHoursSettingTest {
    @TempDir
    Path dir;

    @Test
    void load_savedHours_readBackAndAnythingElseIsTheDefault() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertEquals(DayPlanner.DEFAULT_HOURS, WorkingHoursSetting.load(store), "nothing saved");
        Hours early = new Hours(LocalTime.of(7, 30), LocalTime.of(15, 0));
        WorkingHoursSetting.save(store, early);
        assertEquals(early, WorkingHoursSetting.load(new SettingsStore(dir)));
        for (String bad : new String[] {"25:00-26:00", "17:00-09:00", "09:00-09:00", "nine to five", "09:00-17:00-18:00",
                "\u0000\u001b[2J", "9".repeat(100_000)}) {
            store.put(WorkingHoursSetting.KEY, bad);
            assertEquals(DayPlanner.DEFAULT_HOURS, WorkingHoursSetting.load(store), bad.length() > 40 ? "long" : bad);
        }
        Files.writeString(dir.resolve(SettingsStore.SETTINGS_FILE), "plan.hours = 08:00 - 12:00\n");
        assertEquals(new Hours(LocalTime.of(8, 0), LocalTime.of(12, 0)), WorkingHoursSetting.load(store),
                "a hand-edited file with spaces");
    }
}

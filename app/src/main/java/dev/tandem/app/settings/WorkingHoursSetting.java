package dev.tandem.app.settings;

import dev.tandem.app.model.events.DayPlanner;
import dev.tandem.app.model.events.DayPlanner.Hours;

/**
 * The working hours "Plan my day" places todos in, kept per device ({@code plan.hours} in settings.properties,
 * as "09:00-17:00"): a work laptop and a home computer plan different days. Anything the file holds that does
 * not read as hours is the default, {@link DayPlanner#DEFAULT_HOURS}.
 */
public final class WorkingHoursSetting {
    public static final String KEY = "plan.hours";

    private WorkingHoursSetting() {
    }

    /** The device's working hours, or the default. */
    public static Hours load(SettingsStore store) {
        return Hours.parse(store.get(KEY, "")).orElse(DayPlanner.DEFAULT_HOURS);
    }

    public static void save(SettingsStore store, Hours hours) {
        store.put(KEY, hours.toString());
    }
}

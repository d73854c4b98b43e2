package dev.tandem.app.settings;

import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which day weeks start on: the profile's choice (Settings → "Week starts on", {@code ui.weekStart} in
 * settings.properties: {@code monday}, {@code sunday} or {@code saturday}), else the language's in the
 * system's region ({@link WeekStart}). The region comes from the environment, as the language does
 * ({@link LanguageSetting#system}): {@code LC_ALL}, then {@code LC_TIME}, then {@code LANG}.
 */
public final class WeekStartSetting {
    public static final String KEY = "ui.weekStart";
    /** The days a week may start on, as Settings offers them. */
    public static final List<DayOfWeek> DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, DayOfWeek.SATURDAY);

    private WeekStartSetting() {
    }

    /** The profile's choice; empty for the language's and region's (and for anything else the file holds). */
    public static Optional<DayOfWeek> saved(SettingsStore store) {
        String v = store.get(KEY, "").strip().toUpperCase(Locale.ROOT);
        return DAYS.stream().filter(d -> d.name().equals(v)).findFirst();
    }

    /** Saves the profile's choice; empty means the language's and region's. */
    public static void save(SettingsStore store, Optional<DayOfWeek> day) {
        store.put(KEY, day.map(d -> d.name().toLowerCase(Locale.ROOT)).orElse(""));
    }

    /** This process's weeks: the system's region and the profile's choice ({@code store} may be null). */
    public static void apply(SettingsStore store, Map<String, String> env) {
        WeekStart.system(systemLocale(env));
        WeekStart.choose(store == null ? Optional.empty() : saved(store));
    }

    /**
     * The system's locale with its region: {@code de_AT.UTF-8} is German in Austria; {@code C.UTF-8} or none
     * set is the JVM's default.
     */
    static Locale systemLocale(Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_TIME", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                String v = value.strip().replaceFirst("[.@].*$", "");
                String[] parts = v.split("[_-]");
                if (parts.length >= 1 && parts[0].matches("[a-zA-Z]{2,3}")) {
                    return new Locale(parts[0].toLowerCase(Locale.ROOT),
                            parts.length >= 2 && parts[1].matches("[a-zA-Z]{2}|\\d{3}") ? parts[1].toUpperCase(Locale.ROOT) : "");
                }
                return Locale.getDefault(Locale.Category.FORMAT);
            }
        }
        return Locale.getDefault(Locale.Category.FORMAT);
    }
}

package dev.tandem.app.settings;

import dev.tandem.app.model.events.EventStore;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Me" for this device's calendars: the e-mail address whose declined invitations are left out of every calendar
 * (docs/CALENDARS.md). Each subscription keeps its own ({@code tandem calendars add --me}, or a CalDAV account's
 * user when that is an address), which is what a refresh reads; saving here gives every subscription this one, and
 * keeps it as {@code calendars.me} in settings.properties for calendars added later in the window.
 */
public final class CalendarMeSetting {
    public static final String KEY = "calendars.me";
    /** The longest address there is (RFC 5321's path, less its brackets). */
    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]+");

    private CalendarMeSetting() {
    }

    /**
     * The address typed, without spaces around or a leading "mailto:"; "" when nothing is typed; empty when it is
     * not an e-mail address.
     */
    public static Optional<String> parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            t = t.substring("mailto:".length()).strip();
        }
        if (t.isEmpty()) {
            return Optional.of("");
        }
        return t.length() <= MAX_LENGTH && ADDRESS.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    /** The address saved here, else the one every calendar shares, else "". */
    public static String load(SettingsStore settings, EventStore store) {
        String saved = parse(settings.get(KEY, "")).orElse("");
        return saved.isEmpty() && settings.get(KEY, null) == null ? store.me() : saved;
    }

    /**
     * Keeps {@code me} ("" for none, as {@link #parse} gives it) and gives it to every calendar, whose next refresh
     * then reads it whole again ({@link EventStore#me(String)}). Disk work: never on the UI thread.
     */
    public static void save(SettingsStore settings, EventStore store, String me) {
        settings.put(KEY, me);
        store.me(me);
    }
}

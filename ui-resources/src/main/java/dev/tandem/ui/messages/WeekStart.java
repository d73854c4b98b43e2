package dev.tandem.ui.messages;

import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.Optional;

/**
 * The day a week starts on, for the calendar's week and month, the phone page's week, and what quick add
 * calls "next week": the day chosen in Settings, else the one of the language Tandem speaks in the
 * system's region where the system speaks that language ("de_AT": Austria's Monday; "en_GB": Monday;
 * "en_US": Sunday), else in the region where the language is most spoken (German and French: Monday;
 * English: the United States' Sunday), from CLDR through java.time and ICU's likely regions.
 *
 * <p>A language alone has no week: java.time gives {@code de} without a region Sunday, which is no
 * German's week, so the region is always filled in first.
 *
 * <p>Design: one process, one profile, one choice, kept here as the language is kept in {@link Messages};
 * set at start from the profile's settings, and by Settings when the person changes it.
 */
public final class WeekStart {
    private static volatile DayOfWeek chosen;
    private static volatile Locale system = Locale.getDefault(Locale.Category.FORMAT);

    private WeekStart() {
    }

    /** Uses {@code day} as every week's first day; empty for the language's and region's own. */
    public static void choose(Optional<DayOfWeek> day) {
        chosen = day.orElse(null);
    }

    /** The day chosen in Settings; empty when weeks follow the language and region. */
    public static Optional<DayOfWeek> chosen() {
        return Optional.ofNullable(chosen);
    }

    /**
     * The system's locale with its region ({@code de-AT} from {@code LANG=de_AT.UTF-8}), read before the
     * process's own language replaces the JVM's default.
     */
    public static void system(Locale locale) {
        system = locale == null ? Locale.ROOT : locale;
    }

    /** The system's locale as last given ({@link #system(Locale)}). */
    public static Locale system() {
        return system;
    }

    /** The first day of the week now: the chosen one, else that of the language spoken ({@link Messages#language}). */
    public static DayOfWeek first() {
        DayOfWeek c = chosen;
        return c != null ? c : of(Messages.language());
    }

    /** The first day of the week for a page or a command in {@code language}: the chosen one, else the language's. */
    public static DayOfWeek first(Language language) {
        DayOfWeek c = chosen;
        return c != null ? c : of(language);
    }

    /**
     * The day "next week" means in quick add and filters ("next week", "next fri"): the chosen first day, else
     * Monday, as Todoist's own default is, whatever the calendar's locale says.
     */
    public static DayOfWeek ofPhrases() {
        DayOfWeek c = chosen;
        return c != null ? c : DayOfWeek.MONDAY;
    }

    /** The first day of the week of {@code language}, in the system's region where it speaks the language. */
    public static DayOfWeek of(Language language) {
        String lang = language.locale().getLanguage();
        Locale s = system;
        String region = s.getLanguage().equals(lang) && !s.getCountry().isEmpty() ? s.getCountry()
                : ULocale.addLikelySubtags(new ULocale(lang)).getCountry();
        return WeekFields.of(new Locale(lang, region)).getFirstDayOfWeek();
    }
}

package dev.tandem.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The first day of the week: the language's in the system's region where it speaks it, else where it is most spoken. */
@Tag("unit")
class WeekStartTest {
    private final Locale before = WeekStart.system();

    @AfterEach
    void restore() {
        WeekStart.system(before);
        WeekStart.choose(Optional.empty());
        Messages.use(Language.ENGLISH);
    }

    @Test
    void of_languageOnASystemSpeakingAnother_theLanguagesMostSpokenRegion() {
        WeekStart.system(Locale.US);
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.GERMAN), "Germany, not java.time's region-less Sunday");
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.FRENCH));
        assertEquals(DayOfWeek.SUNDAY, WeekStart.of(Language.ENGLISH), "the United States");
        WeekStart.system(Locale.ROOT);
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.GERMAN), "C.UTF-8: no region at all");
        assertEquals(DayOfWeek.SUNDAY, WeekStart.of(Language.ENGLISH));
    }

    @Test
    void of_systemSpeakingTheLanguage_itsRegion() {
        WeekStart.system(Locale.UK);
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.ENGLISH));
        WeekStart.system(new Locale("fr", "CA"));
        assertEquals(DayOfWeek.SUNDAY, WeekStart.of(Language.FRENCH), "Canada's weeks start on Sunday");
        assertEquals(DayOfWeek.MONDAY, WeekStart.of(Language.GERMAN));
    }

    @Test
    void first_chosenDay_overEveryLanguageAndForPhrases() {
        WeekStart.system(Locale.US);
        Messages.use(Language.GERMAN);
        assertEquals(DayOfWeek.MONDAY, WeekStart.first());
        assertEquals(DayOfWeek.MONDAY, WeekStart.ofPhrases());
        Messages.use(Language.ENGLISH);
        assertEquals(DayOfWeek.SUNDAY, WeekStart.first());
        assertEquals(DayOfWeek.MONDAY, WeekStart.ofPhrases(), "\"next week\" is next Monday unless chosen, as in Todoist");
        WeekStart.choose(Optional.of(DayOfWeek.SATURDAY));
        assertEquals(DayOfWeek.SATURDAY, WeekStart.first());
        assertEquals(DayOfWeek.SATURDAY, WeekStart.first(Language.FRENCH));
        assertEquals(DayOfWeek.SATURDAY, WeekStart.ofPhrases());
    }
}

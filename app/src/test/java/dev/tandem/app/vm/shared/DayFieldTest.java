package dev.tandem.app.vm.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DayFieldTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void parse_whatFormatWrote_isTheSameDayInEachLanguage() {
        LocalDate day = LocalDate.of(2027, 2, 5);
        for (Language l : new Language[] {Language.ENGLISH, Language.GERMAN, Language.FRENCH}) {
            Messages.use(l);
            assertEquals(day, DayField.parse(DayField.format(day), null, TODAY), l.toString());
        }
    }

    @Test
    void parse_phrase_isReadFromToday() {
        assertEquals(TODAY.plusDays(1), DayField.parse("tomorrow", null, TODAY));
    }

    @Test
    void parse_blank_isNoDay() {
        assertNull(DayField.parse("  ", TODAY, TODAY));
        assertEquals("", DayField.format(null));
    }

    @Test
    void parse_notADay_keepsTheDayItHad() {
        LocalDate was = LocalDate.of(2026, 12, 24);
        assertEquals(was, DayField.parse("the day after never", was, TODAY));
    }
}

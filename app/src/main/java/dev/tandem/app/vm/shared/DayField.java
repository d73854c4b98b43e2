package dev.tandem.app.vm.shared;

import dev.tandem.app.text.DatePhrases;
import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A day as a date field shows it ("Fri 27 Nov 2026", in the language in use) and what typing into such a field
 * means. One place for it because the editor's due and start dates and "Show as of…" read days alike: what one
 * writes, the others read back.
 */
public final class DayField {
    private DayField() {
    }

    /** How a date field shows {@code d}, e.g. "Fri 27 Nov 2026"; "" for none. */
    public static String format(LocalDate d) {
        return d == null ? "" : Formats.dayYear(d);
    }

    /**
     * A day as {@link Formats#dayYear} writes it in the language in use, read back ("Fri 27 Nov 2026").
     *
     * @throws DateTimeParseException when {@code s} is not one
     */
    public static LocalDate read(String s) {
        Language l = Messages.language();
        return LocalDate.parse(s.strip(), DateTimeFormatter.ofPattern(
                Catalogue.pattern(l, "formats.dayYear").orElseThrow(), l.locale()));
    }

    /**
     * What the user typed into a date field: a phrase ("tomorrow", "fri", "in 3 days", read from {@code today}), a
     * date as {@link #format} writes it, or blank for none; anything else keeps {@code was}.
     */
    public static LocalDate parse(String s, LocalDate was, LocalDate today) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return DatePhrases.parse(s, today).orElseGet(() -> {
            try {
                return read(s);
            } catch (DateTimeParseException e) {
                return was;
            }
        });
    }
}

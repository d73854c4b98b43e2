package dev.tandem.app.transfer;

import dev.tandem.app.text.QuickAddToken;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Todoist export's DATE, which holds the words the date was typed in ("Dec 3", "tomorrow 10am", "every
 * friday", "morgen um 14 Uhr", "samedi 9h") or a date Todoist wrote ("2026-12-03", "Dec 3 2026 14:30"):
 * read as quick add reads them ({@link TodoDraft}), in the row's DATE_LANG when Tandem speaks it and in
 * English otherwise (English phrases are read in every language). Only words read whole count: "when pigs
 * fly" or "Dec 3 please" are no date, and the importer keeps them in the notes.
 *
 * <p>Words such as "tomorrow" count from the day they were typed, which the export does not keep: they are
 * read from the day of the import, and {@code relative} says so, for the summary. A repeat's first date is
 * its first from that day too, as quick add gives it.
 */
final class TodoistDates {
    /**
     * The longest DATE read, in characters: longer than any date is said, and reading one costs as much as
     * quick add reading a title of its length, for every row of a file from outside.
     */
    static final int MAX_CHARS = 200;
    /** The word quick add reads as the title, so the DATE's words are all details. */
    private static final String TITLE = "x";
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ](\\d{2}):(\\d{2}).*");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

    private TodoistDates() {
    }

    /**
     * What a DATE said: the due date (ISO), its time or null, the repeat rule (an RRULE) or null, and whether
     * the words count from the day they were typed.
     */
    record Read(String due, LocalTime time, String repeats, boolean relative) {
    }

    /** The DATE's meaning, read on {@code today}; empty for words that are no date. */
    static Optional<Read> read(String date, String dateLang, LocalDate today) {
        String d = date == null ? "" : date.strip();
        if (d.isEmpty() || d.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String absolute = absolute(d);
        if (absolute != null) {
            return Optional.of(new Read(absolute, isoTime(d), null, false));
        }
        Language language = Language.forTag(dateLang).filter(l -> !l.pseudo()).orElse(Language.ENGLISH);
        return Messages.in(language, () -> words(d, today));
    }

    private static Optional<Read> words(String d, LocalDate today) {
        TodoDraft q = TodoDraft.parse(TITLE + " " + d, today);
        if (q.note()) {
            return Optional.empty();
        }
        if (!q.title().equals(TITLE)) {
            // "Dec 3 2026 14:30": a date Todoist wrote, with the time quick add read after it.
            String time = q.tokens().stream().filter(t -> t.kind() == QuickAddToken.Kind.TIME)
                    .map(t -> t.in(TITLE + " " + d)).findFirst().orElse(null);
            String day = time == null ? null : absolute(d.replace(time, "").strip());
            return day == null || q.time() == null ? Optional.empty() : Optional.of(new Read(day, q.time(), null, false));
        }
        if (q.repeat() != null) {
            return Optional.of(new Read(Objects.toString(q.due(), null), q.time(), q.repeat().toRule(), false));
        }
        if (q.due() == null && q.time() == null) {
            return Optional.empty();
        }
        LocalDate due = q.due() != null ? q.due() : today;
        // Read a week later, a date that moves counts from the day it was typed.
        TodoDraft later = TodoDraft.parse(TITLE + " " + d, today.plusDays(7));
        boolean relative = q.due() == null || !q.due().equals(later.due());
        return Optional.of(new Read(due.toString(), q.time(), null, relative));
    }

    /** A date Todoist wrote ("2026-12-01", "2026-12-01T10:00", "Dec 1 2026", "1 December 2026"), as ISO; else null. */
    static String absolute(String date) {
        if (date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            try {
                return LocalDate.parse(date.substring(0, 10)).toString();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String d = date.replace(",", "").replaceAll("\\s+", " ").strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(d, f).toString();
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }

    private static LocalTime isoTime(String date) {
        Matcher m = ISO_TIME.matcher(date);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h <= 23 && min <= 59 ? LocalTime.of(h, min) : null;
    }
}

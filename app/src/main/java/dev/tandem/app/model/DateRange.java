package dev.tandem.app.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one range of dates Tandem keeps: from {@value #FIRST_TEXT} to {@value #LAST_TEXT}, for every date a todo
 * holds (due, start) and every moment it rings ({@code remindAt}).
 *
 * <p>Wide enough for any plan and any imported history; narrow enough that every date is written with four
 * digits, so that text order is date order (the lists, the filters and the sidebar compare dates as text), and
 * that a repeat computed from any of them is still a date (a year past 9999 is written "+10000-01-31", which sorts
 * before every date of this century, and {@code +999999999-12-31} plus a month is no date at all).
 *
 * <p>Every date that enters from outside is checked here: the phone page's edits and its outbox, quick add and
 * every phrase it reads ({@code text.DatePhrases}), the command line's options, CalDAV, every importer. A date
 * outside is refused where someone typed it, and left out (with a word) where a file or a server sent it. A row
 * another device synced may still hold one (the engine syncs values, it does not know what a date is): the model
 * reads such a date as none ({@link Item#dueDate()}), the views' SQL compares only dates within the range
 * ({@link #sql}), and a series stops rather than step past the end ({@code SeriesStore}).
 */
public final class DateRange {
    public static final String FIRST_TEXT = "1900-01-01";
    public static final String LAST_TEXT = "2999-12-31";
    public static final LocalDate FIRST = LocalDate.parse(FIRST_TEXT);
    public static final LocalDate LAST = LocalDate.parse(LAST_TEXT);

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final long FIRST_MILLIS = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final long END_MILLIS = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    private DateRange() {
    }

    /** Whether {@code d} is a date Tandem keeps. */
    public static boolean contains(LocalDate d) {
        return d != null && !d.isBefore(FIRST) && !d.isAfter(LAST);
    }

    /** Whether the moment {@code epochMillis} falls on a date Tandem keeps (read in UTC, a day's slack either side). */
    public static boolean containsMillis(long epochMillis) {
        return epochMillis >= FIRST_MILLIS - 86_400_000L && epochMillis < END_MILLIS + 86_400_000L;
    }

    /**
     * A date written as Tandem writes one ({@code YYYY-MM-DD}, exactly) that exists and is within the range; empty
     * for anything else ({@code +999999999-12-31}, {@code 2026-02-30}, {@code 0001-01-01}, text).
     */
    public static Optional<LocalDate> read(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        String s = iso.strip();
        if (!ISO.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(s);
            return contains(d) ? Optional.of(d) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code iso} is a real date written {@code YYYY-MM-DD} that is outside the range ("9999-12-31"). */
    public static boolean outside(String iso) {
        if (iso == null || !ISO.matcher(iso.strip()).matches()) {
            return false;
        }
        try {
            return !contains(LocalDate.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * {@code it} with each date outside the range left out: a due date (with its time and length, which need
     * one), a start date, a reminder. The same item when every date is within; for what a file or a server sent.
     */
    public static Item within(Item it) {
        Item out = it;
        if (present(it.due()) && read(it.due()).isEmpty()) {
            out = out.withDue(null).withDueTime(null).withDuration(null);
        }
        if (present(it.start()) && read(it.start()).isEmpty()) {
            out = out.withStart(null);
        }
        if (it.remindAt() != null && !containsMillis(it.remindAt())) {
            out = out.withRemindAt(null);
        }
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * The SQL test that {@code column} holds a date within the range (as text, which sorts as dates do within it):
     * false for NULL, empty text and every date outside, so none of them is overdue, today or upcoming.
     */
    public static String sql(String column) {
        // "IS NOT NULL" first, so the test is false for NULL, never NULL: "NOT" of it means "no date here".
        return "(" + column + " IS NOT NULL AND " + column + " >= '" + FIRST_TEXT + "' AND " + column + " <= '"
                + LAST_TEXT + "')";
    }
}

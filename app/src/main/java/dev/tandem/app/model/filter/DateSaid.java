package dev.tandem.app.model.filter;

import dev.tandem.ui.messages.Messages;
import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day as a saved filter keeps it, read against the day the filter runs: {@code today},
 * {@code tomorrow}, {@code yesterday}, {@code +3d}, {@code -1w}, {@code +2m}, {@code +1y}, an ISO date,
 * a weekday ({@code fri}: the coming Friday, 1 to 7 days ahead, as quick add reads it) or {@code next fri}
 * (the Friday of next week). These forms are the same in every language, so a filter saved on a device
 * that speaks German reads the same on one that speaks French; the parser turns what a person types
 * ("freitag", "dec 24") into them.
 */
public record DateSaid(String text) {
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,4})([dwmy])");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    /** The day this means when today is {@code today}; empty when it is none of the forms above. */
    public Optional<LocalDate> on(LocalDate today) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "today" -> {
                return Optional.of(today);
            }
            case "tomorrow" -> {
                return Optional.of(today.plusDays(1));
            }
            case "yesterday" -> {
                return Optional.of(today.minusDays(1));
            }
            default -> {
            }
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            return Optional.of(switch (m.group(3)) {
                case "d" -> today.plusDays(n);
                case "w" -> today.plusWeeks(n);
                case "m" -> today.plusMonths(n);
                default -> today.plusYears(n);
            });
        }
        if (ISO.matcher(t).matches()) {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        boolean next = t.startsWith("next ");
        DayOfWeek day = weekday(next ? t.substring(5) : t);
        if (day == null) {
            return Optional.empty();
        }
        return Optional.of(next ? today.with(TemporalAdjusters.next(WeekStart.ofPhrases())).with(TemporalAdjusters.nextOrSame(day))
                : today.with(TemporalAdjusters.next(day)));
    }

    /** The form of a weekday: {@code fri}, or {@code next fri}. */
    public static DateSaid weekday(DayOfWeek day, boolean next) {
        return new DateSaid((next ? "next " : "") + DAYS[day.ordinal()]);
    }

    /** The day, for a date a filter was saved with; one that no longer reads says so. */
    public LocalDate day(LocalDate today) {
        return on(today).orElseThrow(() -> new FilterException(0,
                Messages.text("filter.error.badDate", 1, text)));
    }

    private static DayOfWeek weekday(String s) {
        for (int i = 0; i < DAYS.length; i++) {
            if (DAYS[i].equals(s)) {
                return DayOfWeek.of(i + 1);
            }
        }
        return null;
    }
}

package dev.tandem.app.model;

import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A repeat rule, stored as a small subset of iCalendar's RRULE ({@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO}):
 * FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY (weekly), BYMONTHDAY (monthly) and BYMONTH
 * with BYMONTHDAY (yearly on a day). The same text exports as an iCalendar RRULE as it is; a day a
 * month lacks falls on its last day here, where RFC 5545 would skip that month.
 *
 * <p>{@link #next} depends only on the rule and the occurrence's due date, never on today or on who
 * completes it, so every device computes the same next date for the same occurrence (and with it the
 * same next id, {@link DerivedIds#occurrence}). Rules synced from elsewhere are untrusted text:
 * {@link #parse} returns empty for anything it does not fully understand.
 */
public record Recurrence(Freq freq, int interval, Set<DayOfWeek> byDay, int byMonthDay, int byMonth) {

    public enum Freq { DAILY, WEEKLY, MONTHLY, YEARLY }

    public static final int MAX_INTERVAL = 999;
    private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    public Recurrence {
        if (freq == null) {
            throw new IllegalArgumentException("freq: must be set");
        }
        if (interval < 1 || interval > MAX_INTERVAL) {
            throw new IllegalArgumentException("interval: must be 1.." + MAX_INTERVAL + ", was " + interval);
        }
        if (byMonthDay < 0 || byMonthDay > 31) {
            throw new IllegalArgumentException("byMonthDay: must be 0 (none) or 1..31, was " + byMonthDay);
        }
        if (byMonth < 0 || byMonth > 12 || (byMonth != 0) != (freq == Freq.YEARLY && byMonthDay != 0)) {
            throw new IllegalArgumentException("byMonth: must be 1..12 for a yearly rule on a day, else 0; was " + byMonth);
        }
        byDay = byDay == null || byDay.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(byDay));
    }

    /** A rule without a month: every kind but a yearly one on a set day. */
    public Recurrence(Freq freq, int interval, Set<DayOfWeek> byDay, int byMonthDay) {
        this(freq, interval, byDay, byMonthDay, 0);
    }

    public static Recurrence every(Freq freq, int interval) {
        return new Recurrence(freq, interval, Set.of(), 0);
    }

    /**
     * The rule pinned to the day of {@code due} where the plain rule would drift: "every month" from
     * the 29th to the 31st becomes "every month on the 31st" (the last day in shorter months, then
     * the 31st again), "every year" from February 29 becomes "every year on February 29" (the 28th
     * in other years). Without the pin, each occurrence would be counted from the one before it,
     * and January 31 would move to the 28th for good after February, as RFC 5545 and Todoist do not.
     */
    public Recurrence anchoredAt(LocalDate due) {
        if (freq == Freq.MONTHLY && byMonthDay == 0 && due.getDayOfMonth() > 28) {
            return new Recurrence(freq, interval, byDay, due.getDayOfMonth(), 0);
        }
        if (freq == Freq.YEARLY && byMonthDay == 0 && due.getMonthValue() == 2 && due.getDayOfMonth() == 29) {
            return new Recurrence(freq, interval, byDay, 29, 2);
        }
        return this;
    }

    public static Recurrence weekly(Set<DayOfWeek> days) {
        return new Recurrence(Freq.WEEKLY, 1, days, 0);
    }

    public static Recurrence monthlyOn(int day) {
        return new Recurrence(Freq.MONTHLY, 1, Set.of(), day);
    }

    /** The rule as stored, e.g. "FREQ=WEEKLY;BYDAY=MO,WE" (INTERVAL only when not 1). */
    public String toRule() {
        StringBuilder b = new StringBuilder("FREQ=").append(freq);
        if (interval != 1) {
            b.append(";INTERVAL=").append(interval);
        }
        if (!byDay.isEmpty()) {
            List<String> codes = new ArrayList<>();
            EnumSet.copyOf(byDay).forEach(d -> codes.add(DAY_CODES.get(d.ordinal())));
            b.append(";BYDAY=").append(String.join(",", codes));
        }
        if (byMonth != 0) {
            b.append(";BYMONTH=").append(byMonth);
        }
        if (byMonthDay != 0) {
            b.append(";BYMONTHDAY=").append(byMonthDay);
        }
        return b.toString();
    }

    /** Reads a rule; empty when it is missing or uses anything this class does not implement. */
    public static Optional<Recurrence> parse(String rule) {
        if (rule == null || rule.isBlank() || rule.length() > 200) {
            return Optional.empty();
        }
        String r = rule.strip().toUpperCase(Locale.ROOT);
        if (r.startsWith("RRULE:")) {
            r = r.substring(6);
        }
        Freq freq = null;
        int interval = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int monthDay = 0;
        int month = 0;
        try {
            for (String part : r.split(";")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                String k = part.substring(0, eq).strip();
                String v = part.substring(eq + 1).strip();
                switch (k) {
                    case "FREQ" -> freq = Freq.valueOf(v);
                    case "INTERVAL" -> interval = Integer.parseInt(v);
                    case "BYDAY" -> {
                        for (String d : v.split(",")) {
                            int i = DAY_CODES.indexOf(d.strip());
                            if (i < 0) {
                                return Optional.empty();
                            }
                            days.add(DayOfWeek.of(i + 1));
                        }
                    }
                    case "BYMONTHDAY" -> monthDay = Integer.parseInt(v);
                    case "BYMONTH" -> month = Integer.parseInt(v);
                    case "WKST" -> {
                        if (!v.equals("MO")) {
                            return Optional.empty();
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            // Yearly on a day names its month (RFC 5545 reads a yearly BYMONTHDAY alone as every month).
            boolean yearlyOnDay = freq == Freq.YEARLY && monthDay != 0 && month != 0;
            if (freq == null || (!days.isEmpty() && freq != Freq.WEEKLY)
                    || (monthDay != 0 && freq != Freq.MONTHLY && !yearlyOnDay) || (month != 0 && !yearlyOnDay)) {
                return Optional.empty();
            }
            return Optional.of(new Recurrence(freq, interval, days, monthDay, month));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first date after occurrence {@code d} that the rule gives. */
    public LocalDate next(LocalDate d) {
        return switch (freq) {
            case DAILY -> d.plusDays(interval);
            case WEEKLY -> byDay.isEmpty() ? d.plusWeeks(interval) : nextWeekday(d);
            case MONTHLY -> byMonthDay == 0 ? d.plusMonths(interval) : nextMonthDay(d);
            case YEARLY -> byMonth == 0 ? d.plusYears(interval) : nextYearDay(d);
        };
    }

    /** The first date on or after {@code today} the rule gives: the first due date of a new series. */
    public LocalDate first(LocalDate today) {
        if (!byDay.isEmpty() && !byDay.contains(today.getDayOfWeek())) {
            // The series starts on the first of its weekdays to come, whatever its interval: "every other
            // Monday" typed on a Thursday starts on Monday, and its weeks count from there.
            LocalDate d = today.plusDays(1);
            while (!byDay.contains(d.getDayOfWeek())) {
                d = d.plusDays(1);
            }
            return d;
        }
        if (byMonth != 0) {
            return today.equals(onYearDay(today)) ? today : nextYearDay(today);
        }
        if (byMonthDay != 0 && today.getDayOfMonth() != clamp(today, byMonthDay)) {
            return nextMonthDay(today);
        }
        return today;
    }

    private LocalDate nextWeekday(LocalDate d) {
        LocalDate weekOfD = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate c = d.plusDays(1); ; c = c.plusDays(1)) {
            long weeks = ChronoUnit.WEEKS.between(weekOfD, c.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (byDay.contains(c.getDayOfWeek()) && weeks % interval == 0) {
                return c;
            }
        }
    }

    private LocalDate nextMonthDay(LocalDate d) {
        LocalDate sameMonth = d.withDayOfMonth(clamp(d, byMonthDay));
        if (sameMonth.isAfter(d)) {
            return sameMonth;
        }
        LocalDate m = d.withDayOfMonth(1).plusMonths(interval);
        return m.withDayOfMonth(clamp(m, byMonthDay));
    }

    private LocalDate nextYearDay(LocalDate d) {
        LocalDate sameYear = onYearDay(d);
        return sameYear.isAfter(d) ? sameYear : onYearDay(d.plusYears(interval));
    }

    /** The rule's month and day in {@code d}'s year, the day clamped to the month's length. */
    private LocalDate onYearDay(LocalDate d) {
        LocalDate m = d.withDayOfMonth(1).withMonth(byMonth);
        return m.withDayOfMonth(clamp(m, byMonthDay));
    }

    private static int clamp(LocalDate month, int day) {
        return Math.min(day, month.lengthOfMonth());
    }

    /**
     * In words, in the language Tandem speaks: "every day", "every weekday", "every Monday", "every 2 weeks",
     * "every month on the 1st"; "jeden Montag", "alle 2 Wochen", "jeden Monat am 1."; "chaque lundi",
     * "toutes les 2 semaines", "tous les mois le 1er". Quick add and the repeat fields read these back.
     */
    public String describe() {
        String unit = freq.name().toLowerCase(Locale.ROOT);
        String base = interval == 1 ? Messages.text("text.repeat.every." + unit)
                : Messages.text("text.repeat.everyN." + unit, String.valueOf(interval));
        if (!byDay.isEmpty()) {
            if (byDay.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) && interval == 1) {
                return Messages.text("text.repeat.weekdays");
            }
            List<String> names = new ArrayList<>();
            EnumSet.copyOf(byDay).forEach(d -> names.add(byDay.size() == 1 ? Formats.weekday(d) : Formats.weekdayShort(d)));
            String days = String.join(", ", names);
            return interval == 1 ? Messages.text("text.repeat.onDays", days) : Messages.text("text.repeat.everyNOnDays", base, days);
        }
        if (byMonth != 0) {
            return Messages.text("text.repeat.onYearDay", base, Formats.monthShort(Month.of(byMonth)),
                    String.valueOf(byMonthDay));
        }
        if (byMonthDay != 0) {
            return Messages.text("text.repeat.onMonthDay", base, byMonthDay);
        }
        return base;
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}

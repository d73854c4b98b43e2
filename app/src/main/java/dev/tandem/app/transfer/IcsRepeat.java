package dev.tandem.app.transfer;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;

/**
 * A VTODO's repeat (RRULE, EXDATE, RDATE) read by ical4j's {@link Recur} and turned into the rule
 * Tandem computes ({@link Recurrence}): what Tandem can repeat exactly is kept as it is; where the
 * file's repeat says more than Tandem can hold (an end after COUNT times or on an UNTIL date, dates
 * left out with EXDATE, dates added with RDATE, the last day of the month), the rule without it is
 * kept only when it gives the same dates while the file's repeat lasts, and what was not kept is said
 * in words for the import's warnings. A rule Tandem cannot follow at all (the second Tuesday of the
 * month, every hour) stays as text in the notes ("Repeats:"), as before, and is said too: never
 * dropped silently.
 */
final class IcsRepeat {
    private IcsRepeat() {
    }

    /**
     * @param repeats the value for the notes' "Repeats:" line: a rule Tandem computes, the file's own
     *                text when Tandem cannot follow it, or null for no repeat
     * @param lost    what was not kept, in words, for a warning naming the todo; empty when nothing
     */
    record Read(String repeats, List<String> lost) {
        Read {
            lost = List.copyOf(lost);
        }
    }

    /**
     * @param rrule      the RRULE's value, or null
     * @param exdates    the EXDATE values (dates as the file gave them)
     * @param rdates     how many RDATE values there are
     * @param due        the todo's due date, or null
     * @param tandemFile the file is one of Tandem's exports, whose monthly days past the 28th mean Tandem's
     *                   "the last day of shorter months"
     */
    static Read read(String rrule, List<String> exdates, int rdates, LocalDate due, boolean tandemFile) {
        List<String> lost = new ArrayList<>();
        if (rrule == null) {
            if (rdates > 0) {
                lost.add(Messages.text("transfer.ics.repeat.rdatesOnly", rdates));
            }
            // EXDATE without a rule leaves out nothing.
            return new Read(null, lost);
        }
        String text = rrule.strip();
        Recur<LocalDate> recur;
        try {
            recur = new Recur<>(text.regionMatches(true, 0, "RRULE:", 0, 6) ? text.substring(6) : text);
        } catch (RuntimeException e) {
            lost.add(Messages.text("transfer.ics.repeat.invalid", Limits.shorten(text)));
            return new Read(text, lost);
        }
        Base base = base(recur, due);
        if (base == null) {
            lost.add(Messages.text("transfer.ics.repeat.unsupported", Limits.shorten(text)));
            return new Read(text, lost);
        }
        Recurrence rule = base.rule();
        if (recur.getCount() > 0) {
            lost.add(Messages.text("transfer.ics.repeat.count", recur.getCount(), String.valueOf(recur.getCount())));
        }
        Temporal until = recur.getUntil();
        if (until != null) {
            lost.add(Messages.text("transfer.ics.repeat.until", untilDate(until)));
        }
        if (!exdates.isEmpty()) {
            lost.add(Messages.text("transfer.ics.repeat.exdates", exdates.size(),
                    String.join(", ", exdates.subList(0, Math.min(3, exdates.size())).stream().map(Limits::shorten).toList())
                    + (exdates.size() > 3 ? ", …" : "")));
        }
        if (rdates > 0) {
            lost.add(Messages.text("transfer.ics.repeat.rdates", rdates));
        }
        String shift = base.lastDay() ? "lastDay"
                : base.clamped() && !tandemFile ? (rule.freq() == Freq.YEARLY ? "february" : "shortMonths") : "none";
        if (lost.isEmpty() && shift.equals("none")) {
            return new Read(rule.toRule(), List.of());
        }
        // Each loss is a whole clause of its own pattern; the language's "and" joins them.
        String losses = lost.isEmpty() ? "" : lost.get(0);
        for (String l : lost.subList(Math.min(1, lost.size()), lost.size())) {
            losses = Messages.text("transfer.ics.repeat.and", losses, l);
        }
        return new Read(rule.toRule(), List.of(Messages.text("transfer.ics.repeat", rule.describe(), shift,
                lost.isEmpty() ? "none" : "lost", losses)));
    }

    /**
     * The rule Tandem computes that gives the same dates as {@code r} (its end, COUNT or UNTIL, aside),
     * or null when there is none. {@code lastDay}: BYMONTHDAY=-1 became the 31st (the last day in
     * shorter months, the same dates); {@code clamped}: a day past the 28th that RFC 5545 skips in
     * shorter months, and Tandem moves to their last day.
     */
    private record Base(Recurrence rule, boolean lastDay, boolean clamped) {
    }

    private static Base base(Recur<LocalDate> r, LocalDate due) {
        Freq freq = switch (r.getFrequency()) {
            case DAILY -> Freq.DAILY;
            case WEEKLY -> Freq.WEEKLY;
            case MONTHLY -> Freq.MONTHLY;
            case YEARLY -> Freq.YEARLY;
            default -> null; // every second, minute or hour: Tandem's dates have no time
        };
        int interval = r.getInterval() < 1 ? 1 : r.getInterval();
        if (freq == null || interval > Recurrence.MAX_INTERVAL || !r.getSetPosList().isEmpty()
                || !r.getYearDayList().isEmpty() || !r.getWeekNoList().isEmpty() || !r.getExperimentalValues().isEmpty()
                || r.getSkip() != null) {
            return null;
        }
        // BYHOUR, BYMINUTE and BYSECOND pick times within each day the rule gives: the days stay the same.
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (WeekDay d : r.getDayList()) {
            if (d.getOffset() != 0) {
                return null; // the 2nd Tuesday, the last Friday
            }
            days.add(WeekDay.getDayOfWeek(d));
        }
        List<Integer> monthDays = r.getMonthDayList();
        List<Month> months = r.getMonthList();
        if (monthDays.size() > 1 || months.size() > 1 || months.stream().anyMatch(Month::isLeapMonth)) {
            return null;
        }
        int monthDay = monthDays.isEmpty() ? 0 : monthDays.get(0);
        boolean lastDay = monthDay == -1;
        if (lastDay) {
            monthDay = 31; // Tandem's 31st is the last day of every month: the same dates
        }
        if (monthDay < 0 || monthDay > 31) {
            return null;
        }
        int month = months.isEmpty() ? 0 : months.get(0).getMonthOfYear();
        try {
            switch (freq) {
                case DAILY -> {
                    // Every day on some weekdays is every week on them; with an interval it is not.
                    if (monthDay != 0 || month != 0 || (!days.isEmpty() && interval != 1)) {
                        return null;
                    }
                    return new Base(days.isEmpty() ? Recurrence.every(Freq.DAILY, interval)
                            : Recurrence.weekly(days), false, false);
                }
                case WEEKLY -> {
                    // The week's first day (WKST) tells weeks apart only for several days every few weeks.
                    boolean mondayWeeks = r.getWeekStartDay() == null || r.getWeekStartDay().equals(WeekDay.MO);
                    if (monthDay != 0 || month != 0 || (!mondayWeeks && interval > 1 && days.size() > 1)) {
                        return null;
                    }
                    return new Base(new Recurrence(Freq.WEEKLY, interval, days, 0), false, false);
                }
                case MONTHLY -> {
                    if (!days.isEmpty() || month != 0) {
                        return null;
                    }
                    int day = monthDay != 0 ? monthDay : due != null ? due.getDayOfMonth() : 0;
                    Recurrence rule = new Recurrence(Freq.MONTHLY, interval, Set.of(), monthDay);
                    return new Base(rule, lastDay, !lastDay && day > 28);
                }
                default -> {
                    if (!days.isEmpty()) {
                        return null;
                    }
                    if (monthDay == 0 && month == 0) {
                        boolean leapDay = due != null && due.getMonthValue() == 2 && due.getDayOfMonth() == 29;
                        return new Base(Recurrence.every(Freq.YEARLY, interval), false, leapDay);
                    }
                    if (monthDay == 0 && due != null && due.getMonthValue() == month) {
                        // That month, on the due date's day: every year from the due date.
                        return new Base(Recurrence.every(Freq.YEARLY, interval), false,
                                month == 2 && due.getDayOfMonth() == 29);
                    }
                    if (monthDay == 0 || month == 0 || (!lastDay && monthDay > java.time.Month.of(month).maxLength())) {
                        return null; // a yearly BYMONTHDAY alone is every month; February 30 never comes
                    }
                    return new Base(new Recurrence(Freq.YEARLY, interval, Set.of(), monthDay, month), lastDay,
                            !lastDay && monthDay > java.time.Month.of(month).minLength());
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String untilDate(Temporal until) {
        String s = until.toString();
        return s.length() >= 10 ? s.substring(0, 10) : s;
    }
}

package dev.tandem.app.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the date phrases people type: "today", "tonight", "tomorrow" ("tmr"), weekday names
 * and abbreviations ("fri": the coming Friday, 1 to 7 days ahead), "next fri" (7 days after that),
 * "next week" (next Monday), "next month" (same day next month), "in 3 days", "in 2 weeks", and ISO
 * dates ("2026-12-01"). Pure: today's date is passed in.
 */
public final class DatePhrases {
    private DatePhrases() {
    }

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private static final Pattern IN_N = Pattern.compile("in (\\d{1,3}) (day|days|week|weeks|month|months)");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The date the whole phrase means, or empty when it is not a date phrase. */
    public static Optional<LocalDate> parse(String phrase, LocalDate today) {
        if (phrase == null) {
            return Optional.empty();
        }
        String p = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (p.startsWith("due ")) {
            p = p.substring(4);
        } else if (p.startsWith("on ")) {
            p = p.substring(3);
        }
        switch (p) {
            case "today", "tonight", "tod" -> {
                return Optional.of(today);
            }
            case "tomorrow", "tmr", "tmrw", "tom" -> {
                return Optional.of(today.plusDays(1));
            }
            case "next week" -> {
                return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
            }
            case "next month" -> {
                return Optional.of(today.plusMonths(1));
            }
            case "weekend", "this weekend" -> {
                return Optional.of(today.getDayOfWeek() == DayOfWeek.SATURDAY ? today
                        : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
            }
            default -> {
            }
        }
        DayOfWeek day = DAYS.get(p);
        if (day != null) {
            return Optional.of(today.with(TemporalAdjusters.next(day)));
        }
        if (p.startsWith("next ") && DAYS.containsKey(p.substring(5))) {
            return Optional.of(today.with(TemporalAdjusters.next(DAYS.get(p.substring(5)))).plusWeeks(1));
        }
        Matcher m = IN_N.matcher(p);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "day", "days" -> today.plusDays(n);
                case "week", "weeks" -> today.plusWeeks(n);
                default -> today.plusMonths(n);
            });
        }
        if (ISO.matcher(p).matches()) {
            try {
                return Optional.of(LocalDate.parse(p));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package dev.tandem.app.text;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.WeekStart;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the date phrases people type: "today", "tonight", "tomorrow" ("tmr"), "tomorrow morning"
 * (the day; its part, a time, is {@link DayParts}'), "in january" (the 1st, or today within January), weekday names
 * and abbreviations ("fri": the coming Friday, 1 to 7 days ahead), "next fri" (the Friday of next week:
 * {@link #ofNextWeek}), "next week" (next Monday), "next month" (same day next month), "in 3 days", "in 2
 * weeks", ISO dates ("2026-12-01"), a month name and a day ("feb 29", "march 3rd": the next such day, today
 * included, so "feb 29" is the next leap day), day/month ("31/12": the next 31 December) and a day of
 * the month ("on the 1st", "the 15th": the next such day, today included; see {@link #dayOfMonth}). Pure:
 * today's date is passed in.
 *
 * <p>{@link #notADate} finds what looks like a date but is none ("feb 30", "31/2", "2026-02-30"), so
 * quick add can say why it stayed in the title.
 */
public final class DatePhrases {
    private DatePhrases() {
    }

    private static final Pattern IN_N = Pattern.compile("in (\\d{1,3}) (day|days|week|weeks|month|months)");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+)\\.? (\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern DAY_SLASH_MONTH = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
    // The suffix is required: "the 2" reads as a count ("Buy the 2"), "the 2nd" only as a day.
    private static final Pattern DAY_OF_MONTH = Pattern.compile("the (\\d{1,2})(?:st|nd|rd|th)");
    // Quick add's date token keeps the "by"/"due"/"on" typed before the date ("by the 1st").
    private static final Pattern CONNECTOR = Pattern.compile("^((due|on|by) )+");
    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern IN_MONTH = Pattern.compile("in ([a-z]+)");
    /** English words written in lower case inside a sentence: typed with a capital there, they are a name's. */
    private static final Set<String> LOWER_CASE = Set.of("today", "tonight", "tomorrow", "morning", "afternoon",
            "evening", "night", "weekend", "noon", "this", "next");
    /** Day/month look-alikes that are words, never dates. */
    private static final Set<String> IDIOMS = Set.of("24/7");

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            m.put(name, month.getValue());
            m.put(name.substring(0, 3), month.getValue());
        }
        m.put("sept", 9);
        return Map.copyOf(m);
    }

    /**
     * The date the whole phrase means, in English or in the language's own words ({@link Grammar}), or
     * empty when it is not a date phrase.
     */
    public static Optional<LocalDate> parse(String phrase, LocalDate today) {
        if (phrase == null) {
            return Optional.empty();
        }
        Optional<LocalDate> d = day(phrase, today);
        if (d.isPresent()) {
            return d;
        }
        // "tomorrow morning", "heute Abend", "demain soir": the day, its part read by DayParts. A part typed
        // with a capital where the language writes it small is a name's ("Friday Night Lights").
        return DayParts.split(phrase).filter(s -> !namedPart(lastWords(phrase, s)))
                .flatMap(s -> day(s.date(), today));
    }

    private static Optional<LocalDate> day(String phrase, LocalDate today) {
        Optional<LocalDate> english = english(phrase, today);
        // Only dates Tandem keeps ("9999-12-31", "in 999 months" from far ahead are none): DateRange.
        return (english.isPresent() ? english : Grammar.current().flatMap(g -> g.date(phrase, today)))
                .filter(DateRange::contains);
    }

    /** The words of {@code phrase} after the split's date, as typed. */
    private static String lastWords(String phrase, DayParts.Split s) {
        String[] w = phrase.strip().split("\\s+");
        int dateWords = s.date().split(" ").length;
        return String.join(" ", Arrays.asList(w).subList(Math.min(dateWords, w.length), w.length));
    }

    /**
     * Whether a word typed here with a capital is one its language writes in lower case inside a sentence
     * ("Today", "Night" in English; "Morgen" in German; "Lundi", "Demain" in French): then it is a name's.
     */
    static boolean named(String typed) {
        return capitalised(typed, "lowerCase", LOWER_CASE);
    }

    /** As {@link #named}, for the part of the day after a date ("Friday Night"): German writes "heute Abend". */
    static boolean namedPart(String typed) {
        return capitalised(typed, "lowerCaseParts", LOWER_CASE);
    }

    private static boolean capitalised(String typed, String kind, Set<String> english) {
        String first = typed.strip().split("\\s+")[0];
        if (first.isEmpty() || !Character.isUpperCase(first.codePointAt(0))) {
            return false;
        }
        String w = GrammarTable.norm(first);
        return english.contains(w) || Grammar.current().map(g -> g.words(kind).contains(w)).orElse(false);
    }

    /** "in january": the 1st of the next January, or today within January. */
    static LocalDate inMonth(int month, LocalDate today) {
        if (today.getMonthValue() == month) {
            return today;
        }
        LocalDate first = today.withDayOfMonth(1).withMonth(month);
        return first.isAfter(today) ? first : first.plusYears(1);
    }

    private static Optional<LocalDate> english(String phrase, LocalDate today) {
        String p = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (p.startsWith("due ")) {
            p = p.substring(4);
        } else if (p.startsWith("on ")) {
            p = p.substring(3);
        }
        switch (p) {
            case "today", "tonight", "tod", "this morning", "this afternoon", "this evening" -> {
                return Optional.of(today);
            }
            case "tomorrow", "tmr", "tmrw", "tom" -> {
                return Optional.of(today.plusDays(1));
            }
            case "next week" -> {
                return Optional.of(nextWeek(today));
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
        DayOfWeek day = Weekdays.NAMES.get(p);
        if (day != null) {
            return Optional.of(today.with(TemporalAdjusters.next(day)));
        }
        if (p.startsWith("next ") && Weekdays.NAMES.containsKey(p.substring(5))) {
            return Optional.of(ofNextWeek(Weekdays.NAMES.get(p.substring(5)), today));
        }
        Matcher month = IN_MONTH.matcher(p);
        if (month.matches() && MONTHS.containsKey(month.group(1))) {
            return Optional.of(inMonth(MONTHS.get(month.group(1)), today));
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
        Matcher md = MONTH_DAY.matcher(p);
        if (md.matches() && MONTHS.containsKey(md.group(1))) {
            return next(MONTHS.get(md.group(1)), Integer.parseInt(md.group(2)), today);
        }
        int dom = dayOfMonth(p);
        if (dom > 0) {
            // The monthly rule's own first date, so "on the 31st every month" starts where its rule does.
            return Optional.of(Recurrence.monthlyOn(dom).first(today));
        }
        Matcher dm = DAY_SLASH_MONTH.matcher(p);
        // "24/7" is around the clock, not the 24th of July.
        if (dm.matches() && !IDIOMS.contains(p)) {
            return next(Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(1)), today);
        }
        return Optional.empty();
    }

    /** A weekday said by its name: the coming one, or ({@code next}) the one of next week. */
    public record WeekdaySaid(DayOfWeek day, boolean next) {
    }

    /**
     * The weekday a phrase names ("fri", "next fri", "freitag", "vendredi prochain"), as {@link #parse}
     * reads it; empty for any other phrase.
     */
    public static Optional<WeekdaySaid> weekday(String phrase) {
        String p = phrase == null ? "" : phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (Weekdays.NAMES.containsKey(p)) {
            return Optional.of(new WeekdaySaid(Weekdays.NAMES.get(p), false));
        }
        if (p.startsWith("next ") && Weekdays.NAMES.containsKey(p.substring(5))) {
            return Optional.of(new WeekdaySaid(Weekdays.NAMES.get(p.substring(5)), true));
        }
        return Grammar.current().flatMap(g -> g.weekdaySaid(p));
    }

    /**
     * "next tue": the Tuesday of next week, as Todoist reads it, the first one on or after next Monday (the
     * day "next week" means; with weeks chosen to start on Sunday, next Sunday). So from a Wednesday "next tue" is six days ahead, the coming Tuesday, and
     * "next fri" nine; from a Monday "next tue" is eight days ahead, never tomorrow. Adding a week to the
     * coming day instead made "next tue" typed on a Wednesday the Tuesday after next.
     */
    static LocalDate ofNextWeek(DayOfWeek day, LocalDate today) {
        return nextWeek(today).with(TemporalAdjusters.nextOrSame(day));
    }

    /**
     * "next week": the first day of next week, Monday unless Settings chose another ({@link WeekStart#ofPhrases}:
     * Todoist's default too, whatever the calendar's region says).
     */
    static LocalDate nextWeek(LocalDate today) {
        return today.with(TemporalAdjusters.next(WeekStart.ofPhrases()));
    }

    /**
     * The day of the month a phrase such as "the 1st", "on the 15th" or "due on the 31st" names (1..31), or 0
     * when it is no such phrase. A month without that day has it on its last day, as a monthly rule on that
     * day has ({@link Recurrence#monthlyOn}): "on the 31st" typed in November is November 30.
     */
    static int dayOfMonth(String phrase) {
        int own = Grammar.current().map(g -> g.dayOfMonth(phrase)).orElse(0);
        if (own > 0) {
            return own;
        }
        String p = CONNECTOR.matcher(phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).replaceFirst("");
        Matcher m = DAY_OF_MONTH.matcher(p);
        if (!m.matches()) {
            return 0;
        }
        int d = Integer.parseInt(m.group(1));
        return d >= 1 && d <= 31 ? d : 0;
    }

    /** The month (1 to 12) an English month name or its abbreviation says ("dec", "sept", "december"); -1 for none. */
    static int month(String name) {
        return MONTHS.getOrDefault(name, -1);
    }

    /** The next day (today included) that is this day of this month; empty when there is none ("feb 30"). */
    static Optional<LocalDate> next(int month, int day, LocalDate today) {
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
            return Optional.empty();
        }
        // Eight years always hold a leap year.
        for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
            if (day <= YearMonth.of(y, month).lengthOfMonth() && !LocalDate.of(y, month, day).isBefore(today)) {
                return Optional.of(LocalDate.of(y, month, day));
            }
        }
        return Optional.empty();
    }

    /**
     * The first words in the text that look like a date but are none: a month name and a day it never
     * has ("feb 30", "apr 31st", "jan 0"), day/month with both numbers from 1 to 31 that is no date
     * ("31/2", "12/31": day first), or an ISO date that does not exist ("2026-02-30") or that Tandem does not
     * keep ("9999-12-31", {@link DateRange}). Empty when there
     * are none. Words such as "50/50" or "feb 2027" do not look like a date and are not reported.
     */
    public static Optional<String> notADate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> words = Arrays.asList(text.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String w = trimPunctuation(words.get(i));
            String l = w.toLowerCase(Locale.ROOT);
            LocalDate anyDay = LocalDate.of(2000, 1, 1);
            if (i + 1 < words.size()) {
                String phrase = w + " " + trimPunctuation(words.get(i + 1));
                Matcher md = MONTH_DAY.matcher(phrase.toLowerCase(Locale.ROOT));
                if (md.matches() && MONTHS.containsKey(md.group(1)) && parse(phrase, anyDay).isEmpty()) {
                    return Optional.of(phrase);
                }
            }
            Matcher dm = DAY_SLASH_MONTH.matcher(l);
            if (dm.matches() && inRange(dm.group(1)) && inRange(dm.group(2)) && parse(l, anyDay).isEmpty()) {
                return Optional.of(w);
            }
            if (ISO.matcher(l).matches() && parse(l, anyDay).isEmpty()) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static boolean inRange(String number) {
        int n = Integer.parseInt(number);
        return n >= 1 && n <= 31;
    }

    private static String trimPunctuation(String word) {
        return word.replaceAll("[.,;:!?)\"”]+$", "").replaceAll("^[(\"“]+", "");
    }
}

package dev.tandem.app.text;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.Recurrence.Freq;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands repeat phrases: "every day", "every other day" ("every 2nd day"), "every weekday", "every
 * monday" ("every mon", "every mon, wed"), "every other monday" ("every 2 weeks on monday"), "every week",
 * "every other week", "every 2 weeks", "fortnightly", "every month", "every month on the 1st", "every year",
 * "daily", "weekly", "monthly", "yearly". Pure. Quick add ({@link TodoDraft}) reads an
 * "every …" phrase anywhere, a bare word ("weekly") only at the end, so "Write weekly report" keeps it.
 */
public final class RepeatPhrases {
    private RepeatPhrases() {
    }

    private static final Pattern EVERY_N = Pattern.compile(
            "every (\\d{1,3}|other|\\d{1,3}(?:st|nd|rd|th)) (day|days|week|weeks|month|months|year|years)");
    /** "every other monday"; an ordinal before a weekday is Todoist's nth weekday of the month, not read here. */
    private static final Pattern OTHER_WEEKDAY = Pattern.compile("every other ([a-z]+)");
    /** "every 2 weeks on monday", "every 2 weeks on mon, wed": as {@link Recurrence#describe} writes it. */
    private static final Pattern WEEKS_ON = Pattern.compile("every (\\d{1,3}|other) weeks? on (.+)");
    /** A day after a rule in English: "on the 2nd", "on dec 24". */
    private static final Pattern ON_DAY = Pattern.compile("on (?:the (\\d{1,2})(?:st|nd|rd|th)|([a-z]+) (\\d{1,2}))");
    private static final Pattern MONTH_ON = Pattern.compile("every month on the (\\d{1,2})(st|nd|rd|th)?");

    /** The rule the whole phrase means, in English or the language's own words ({@link Grammar}), or empty. */
    public static Optional<Recurrence> parse(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        Optional<Recurrence> english = english(phrase);
        return english.isPresent() ? english : Grammar.current().flatMap(g -> g.repeat(phrase));
    }

    /**
     * What a repeat field holds (the command line's {@code --repeat}, the editor's and the phone page's
     * field): a whole phrase, in English or in the language in effect as quick add reads it ("every 2 days",
     * "jeden 2. Tag", "tous les 2 jours"), or an English phrase without its "every" ("monday", "2 weeks"); every
     * rule as {@link Recurrence#describe} says it reads back so, a day of the month or year after it too.
     */
    public static Optional<Recurrence> field(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Optional<Recurrence> whole = parse(t).or(() -> onDay(t));
        return whole.isPresent() || t.toLowerCase(Locale.ROOT).startsWith("every ") ? whole
                : parse("every " + t).or(() -> onDay("every " + t));
    }

    /**
     * A monthly or yearly rule with the day it falls on, as {@link Recurrence#describe} says it: "every 2 months on
     * the 2nd", "every year on Dec 24", "alle 2 Jahre am 24. Dez.", "tous les ans le 24 déc.". A field has no date
     * beside the rule, so the day is the rule's; quick add reads such a day as the todo's date ({@link TodoDraft}).
     * The first words that are a plain rule, then the day in English ("on the 2nd", "on dec 24") or the language's
     * words for a date ({@link Grammar#ruleDay}).
     */
    private static Optional<Recurrence> onDay(String text) {
        String[] w = GrammarTable.norm(text).split(" ");
        for (int i = 1; i < w.length; i++) {
            Recurrence r = parse(String.join(" ", Arrays.copyOfRange(w, 0, i))).orElse(null);
            String said = String.join(" ", Arrays.copyOfRange(w, i, w.length));
            Matcher m = ON_DAY.matcher(said);
            int[] day = m.matches() ? new int[] {m.group(2) == null ? 0 : DatePhrases.month(m.group(2)),
                Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3))}
                    : Grammar.current().map(g -> g.ruleDay(said)).orElse(null);
            if (r == null || day == null || !r.equals(Recurrence.every(r.freq(), r.interval())) || day[1] < 1) {
                continue;
            }
            if (r.freq() == Freq.MONTHLY && day[0] == 0 && day[1] <= 31) {
                return Optional.of(new Recurrence(Freq.MONTHLY, r.interval(), Set.of(), day[1]));
            }
            if (r.freq() == Freq.YEARLY && day[0] > 0 && day[1] <= Month.of(day[0]).maxLength()) {
                return Optional.of(new Recurrence(Freq.YEARLY, r.interval(), Set.of(), day[1], day[0]));
            }
        }
        return Optional.empty();
    }

    private static Optional<Recurrence> english(String phrase) {
        String p = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (p) {
            case "every day", "daily" -> {
                return Optional.of(Recurrence.every(Freq.DAILY, 1));
            }
            case "every weekday", "every workday" -> {
                return Optional.of(Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
            }
            case "every week", "weekly" -> {
                return Optional.of(Recurrence.every(Freq.WEEKLY, 1));
            }
            case "every month", "monthly" -> {
                return Optional.of(Recurrence.every(Freq.MONTHLY, 1));
            }
            case "every year", "yearly", "annually" -> {
                return Optional.of(Recurrence.every(Freq.YEARLY, 1));
            }
            case "every fortnight", "fortnightly", "biweekly" -> {
                return Optional.of(Recurrence.every(Freq.WEEKLY, 2));
            }
            default -> {
            }
        }
        Matcher m = EVERY_N.matcher(p);
        if (m.matches()) {
            int n = m.group(1).equals("other") ? 2 : Integer.parseInt(m.group(1).replaceAll("\\D", ""));
            if (n < 1) {
                return Optional.empty();
            }
            Freq f = switch (m.group(2).replaceAll("s$", "")) {
                case "day" -> Freq.DAILY;
                case "week" -> Freq.WEEKLY;
                case "month" -> Freq.MONTHLY;
                default -> Freq.YEARLY;
            };
            return Optional.of(Recurrence.every(f, n));
        }
        Matcher mo = MONTH_ON.matcher(p);
        if (mo.matches()) {
            int d = Integer.parseInt(mo.group(1));
            return d >= 1 && d <= 31 ? Optional.of(Recurrence.monthlyOn(d)) : Optional.empty();
        }
        Matcher other = OTHER_WEEKDAY.matcher(p);
        if (other.matches() && Weekdays.NAMES.containsKey(other.group(1))) {
            return Optional.of(new Recurrence(Freq.WEEKLY, 2, Set.of(Weekdays.NAMES.get(other.group(1))), 0));
        }
        Matcher on = WEEKS_ON.matcher(p);
        if (on.matches()) {
            int n = on.group(1).equals("other") ? 2 : Integer.parseInt(on.group(1));
            return n < 1 ? Optional.empty()
                    : days(on.group(2)).map(d -> new Recurrence(Freq.WEEKLY, n, d, 0));
        }
        if (p.startsWith("every ")) {
            return days(p.substring(6)).map(Recurrence::weekly);
        }
        return Optional.empty();
    }

    /** "mon, wed and fri": the days; empty when a word is no weekday or there is none. */
    private static Optional<Set<DayOfWeek>> days(String said) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String w : said.split("\\s*(,|\\band\\b)\\s*|\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            DayOfWeek d = Weekdays.NAMES.get(w);
            if (d == null) {
                return Optional.empty();
            }
            days.add(d);
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(days);
    }
}

package dev.tandem.app.text;

import static dev.tandem.app.text.GrammarTable.norm;

import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Quick add's words in a language other than English, read from that language's rule table
 * ({@code quickadd_TAG.properties} in the catalogue): what a date, a time, a length, a repeat, a
 * reminder, a start, a deadline and Someday are said as. English is read by the parser's own code;
 * a table is read beside it, so "morgen" and "tomorrow" both work in German.
 *
 * <p>Design: each rule is a whole phrase with placeholders ({@code in {n} tagen}), compiled once
 * ({@link GrammarTable}) into a regular expression over lower-case words separated by single spaces.
 * The parser asks "is this run of words a date?"; it never splits a language's sentence itself. A
 * table is data a translator writes; nothing in it is executed but the matching.
 */
final class Grammar {
    private static final Map<Language, Optional<Grammar>> CACHE = new ConcurrentHashMap<>();

    private final GrammarTable table;

    private Grammar(Language language) {
        this.table = new GrammarTable(Catalogue.file("quickadd", language.tag()));
    }

    /** The table of the language in effect ({@link Messages#language}); empty for English and the pseudo-languages. */
    static Optional<Grammar> current() {
        return of(Messages.language());
    }

    static Optional<Grammar> of(Language language) {
        if (language == Language.ENGLISH || language.pseudo()) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(language, l -> Optional.of(new Grammar(l)));
    }

    // ---- words and phrases of one kind ----

    /** A kind's words and phrases, normalised ({@code at}, {@code rangeTo}); none when the table has none. */
    List<String> words(String kind) {
        return table.words(kind);
    }

    /** Whether the word is one of a kind's single words ({@code at}, {@code for}, {@code dateConnectors}). */
    boolean is(String kind, QuickAddWord w) {
        return !w.plain() && table.words(kind).contains(norm(w.text()));
    }

    /**
     * How many words from {@code from} make one of a kind's phrases ({@code start}: "à partir de"),
     * the longest; 0 for none.
     */
    int phraseAt(String kind, List<QuickAddWord> ws, int from) {
        int best = 0;
        for (String p : table.words(kind)) {
            int n = p.split(" ").length;
            if (n > best && from + n <= ws.size() && !QuickAddWord.anyPlain(ws.subList(from, from + n))
                    && norm(QuickAddWord.join(ws.subList(from, from + n))).equals(p)) {
                best = n;
            }
        }
        return best;
    }

    /** How many words ending at {@code end} make one of a kind's phrases; 0 for none. */
    int phraseBefore(String kind, List<QuickAddWord> ws, int end) {
        for (int n = Math.min(4, end); n >= 1; n--) {
            if (phraseAt(kind, ws, end - n) == n) {
                return n;
            }
        }
        return 0;
    }

    /** Whether the text starts with this language's note prefix; its length, else -1. */
    int notePrefix(String text) {
        String t = text.stripLeading().toLowerCase(Locale.ROOT);
        for (String p : table.words("note")) {
            if (t.startsWith(p)) {
                return p.length();
            }
        }
        return -1;
    }

    // ---- meanings ----

    Optional<LocalDate> date(String phrase, LocalDate today) {
        String p = norm(phrase);
        if (table.matches("date.today", p) != null) {
            return Optional.of(today);
        }
        if (table.matches("date.tomorrow", p) != null) {
            return Optional.of(today.plusDays(1));
        }
        if (table.matches("date.afterTomorrow", p) != null) {
            return Optional.of(today.plusDays(2));
        }
        Matcher m;
        if ((m = table.matches("date.weekday", p)) != null) {
            return Optional.of(today.with(TemporalAdjusters.next(table.weekday(m.group("wd")))));
        }
        if ((m = table.matches("date.nextWeekday", p)) != null) {
            return Optional.of(DatePhrases.ofNextWeek(table.weekday(m.group("wd")), today));
        }
        if (table.matches("date.nextWeek", p) != null) {
            return Optional.of(DatePhrases.nextWeek(today));
        }
        if (table.matches("date.nextMonth", p) != null) {
            return Optional.of(today.plusMonths(1));
        }
        if (table.matches("date.weekend", p) != null) {
            return Optional.of(today.getDayOfWeek() == DayOfWeek.SATURDAY ? today
                    : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
        }
        if ((m = table.matches("date.inDays", p)) != null) {
            return table.count(m).map(today::plusDays);
        }
        if ((m = table.matches("date.inWeeks", p)) != null) {
            return table.count(m).map(today::plusWeeks);
        }
        if ((m = table.matches("date.inMonths", p)) != null) {
            return table.count(m).map(today::plusMonths);
        }
        if ((m = table.matches("date.dayMonth", p)) != null) {
            return DatePhrases.next(table.month(m.group("mon")), Integer.parseInt(m.group("day")), today);
        }
        if ((m = table.matches("date.numeric", p)) != null) {
            int day = Integer.parseInt(m.group("day"));
            int month = Integer.parseInt(m.group("mo"));
            if (GrammarTable.group(m, "y") != null) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), month, day));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
            return DatePhrases.next(month, day, today);
        }
        if ((m = table.matches("date.dayOfMonth", p)) != null) {
            int d = Integer.parseInt(m.group("day"));
            return d >= 1 && d <= 31 ? Optional.of(Recurrence.monthlyOn(d).first(today)) : Optional.empty();
        }
        if ((m = table.matches("date.inMonth", p)) != null) {
            return Optional.of(DatePhrases.inMonth(table.month(m.group("mon")), today));
        }
        return Optional.empty();
    }

    /** The weekday a date phrase names by its name ("freitag", "vendredi prochain"); empty for other dates. */
    Optional<DayOfWeek> weekday(String phrase) {
        return weekdaySaid(phrase).map(DatePhrases.WeekdaySaid::day);
    }

    /** The weekday a date phrase names, and whether it is next week's ("nächsten freitag"). */
    Optional<DatePhrases.WeekdaySaid> weekdaySaid(String phrase) {
        String p = norm(phrase);
        Matcher m = table.matches("date.weekday", p);
        if (m != null) {
            return Optional.of(new DatePhrases.WeekdaySaid(table.weekday(m.group("wd")), false));
        }
        m = table.matches("date.nextWeekday", p);
        return m == null ? Optional.empty() : Optional.of(new DatePhrases.WeekdaySaid(table.weekday(m.group("wd")), true));
    }

    /** The day of the month a phrase names ("am 1.", "le 1er"), as {@link DatePhrases#dayOfMonth}; 0 for none. */
    int dayOfMonth(String phrase) {
        String p = norm(phrase);
        for (String c : table.words("dateConnectors")) {
            if (p.startsWith(c + " ")) {
                p = p.substring(c.length() + 1);
            }
        }
        Matcher m = table.matches("date.dayOfMonth", p);
        int d = m == null ? 0 : Integer.parseInt(m.group("day"));
        return d >= 1 && d <= 31 ? d : 0;
    }

    /**
     * The day a repeat's description names after its rule ({@link RepeatPhrases#field}): {month, day} for a day of
     * the year ("am 24. dez.", "le 24 déc."), {0, day} for a day of the month ("am 2.", "le 1er"); null for none.
     */
    int[] ruleDay(String phrase) {
        String p = norm(phrase);
        Matcher m = table.matches("date.dayMonth", p);
        if (m != null) {
            return new int[] {table.month(m.group("mon")), Integer.parseInt(m.group("day"))};
        }
        m = table.matches("date.dayOfMonth", p);
        return m == null ? null : new int[] {0, Integer.parseInt(m.group("day"))};
    }

    // ---- the past, for "as of" ----

    /** Whether the phrase says yesterday ("gestern", "hier"). */
    boolean yesterday(String phrase) {
        return table.matches("past.yesterday", norm(phrase)) != null;
    }

    /** How long ago the phrase says ("vor 3 tagen", "il y a 2 heures"); empty for none. */
    Optional<Duration> ago(String phrase) {
        String p = norm(phrase);
        Matcher m;
        if ((m = table.matches("past.minutesAgo", p)) != null) {
            return table.count(m).map(Duration::ofMinutes);
        }
        if ((m = table.matches("past.hoursAgo", p)) != null) {
            return table.count(m).map(Duration::ofHours);
        }
        if ((m = table.matches("past.daysAgo", p)) != null) {
            return table.count(m).map(Duration::ofDays);
        }
        if ((m = table.matches("past.weeksAgo", p)) != null) {
            return table.count(m).map(n -> Duration.ofDays(7 * n));
        }
        return Optional.empty();
    }

    /** A time of day ("14 uhr", "14h30", "midi"), with or without this language's "at" word before it. */
    Optional<LocalTime> time(String phrase) {
        String p = norm(phrase);
        for (String at : table.words("at")) {
            if (p.startsWith(at + " ")) {
                p = p.substring(at.length() + 1);
                break;
            }
        }
        if (table.matches("time.noon", p) != null) {
            return Optional.of(LocalTime.NOON);
        }
        Matcher m;
        // Said in words on a 12-hour clock: "halb drei" is 14:30, "viertel vor acht" 7:45.
        if ((m = table.matches("time.halfPast", p)) != null) {
            return spoken(m, 0, 30);
        }
        if ((m = table.matches("time.halfTo", p)) != null) {
            return spoken(m, -1, 30);
        }
        if ((m = table.matches("time.quarterPast", p)) != null) {
            return spoken(m, 0, 15);
        }
        if ((m = table.matches("time.quarterTo", p)) != null) {
            return spoken(m, -1, 45);
        }
        m = table.matches("time", p);
        if (m == null) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group("h"));
        int min = GrammarTable.group(m, "mm") == null ? 0 : Integer.parseInt(m.group("mm"));
        return h > 23 || min > 59 ? Optional.empty() : Optional.of(LocalTime.of(h, min));
    }

    private Optional<LocalTime> spoken(Matcher m, int hours, int minutes) {
        Integer h = table.hour(m);
        return h == null ? Optional.empty() : Optional.of(TimePhrases.inWords(h + hours, minutes));
    }

    /** The time of a part of the day said in this language ("abends", "le soir", "ce soir"); empty for none. */
    Optional<LocalTime> partOfDay(String phrase) {
        String p = norm(phrase);
        for (var e : DayParts.KEYS.entrySet()) {
            if (table.words(e.getKey()).contains(p)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** A length's amount and unit ("30 minuten", "1,5 std", "1 h"): its minutes. */
    Optional<Integer> minutes(String amount) {
        String[] parts = norm(amount).replaceAll("^(\\d+(?:[.,]\\d+)?)([a-z]+)$", "$1 $2").split(" ");
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}(?:[.,]\\d{1,2})?|\\d{1,5}")) {
            return Optional.empty();
        }
        double n = Double.parseDouble(parts[0].replace(',', '.'));
        long minutes;
        if (table.words("unit.minutes").contains(parts[1])) {
            minutes = Math.round(n);
        } else if (table.words("unit.hours").contains(parts[1])) {
            minutes = Math.round(n * 60);
        } else {
            return Optional.empty();
        }
        return minutes < 1 || minutes > Durations.MAX_MINUTES ? Optional.empty() : Optional.of((int) minutes);
    }

    /** A repeat phrase ("jeden montag", "toutes les 2 semaines", "chaque mois le 1er"). */
    Optional<Recurrence> repeat(String phrase) {
        String p = norm(phrase);
        if (table.matches("repeat.daily", p) != null) {
            return Optional.of(Recurrence.every(Freq.DAILY, 1));
        }
        if (table.matches("repeat.weekdays", p) != null) {
            return Optional.of(Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        }
        if (table.matches("repeat.weekly", p) != null) {
            return Optional.of(Recurrence.every(Freq.WEEKLY, 1));
        }
        if (table.matches("repeat.monthly", p) != null) {
            return Optional.of(Recurrence.every(Freq.MONTHLY, 1));
        }
        if (table.matches("repeat.yearly", p) != null) {
            return Optional.of(Recurrence.every(Freq.YEARLY, 1));
        }
        Matcher m;
        if ((m = table.matches("repeat.monthlyOn", p)) != null) {
            int d = Integer.parseInt(m.group("day"));
            return d >= 1 && d <= 31 ? Optional.of(Recurrence.monthlyOn(d)) : Optional.empty();
        }
        String[][] everyN = {{"repeat.everyNDays", "DAILY"}, {"repeat.everyNWeeks", "WEEKLY"},
            {"repeat.everyNMonths", "MONTHLY"}, {"repeat.everyNYears", "YEARLY"}};
        for (String[] r : everyN) {
            if ((m = table.matches(r[0], p)) != null) {
                Freq f = Freq.valueOf(r[1]);
                return table.count(m).filter(n -> n >= 1 && n <= 999).map(n -> Recurrence.every(f, n.intValue()));
            }
        }
        if (table.matches("repeat.fortnightly", p) != null) {
            return Optional.of(Recurrence.every(Freq.WEEKLY, 2));
        }
        if ((m = table.matches("repeat.everyNWeeksOn", p)) != null) {
            Optional<Long> n = table.count(m).filter(k -> k >= 1 && k <= 999);
            Optional<EnumSet<DayOfWeek>> days = days(m);
            return n.isEmpty() || days.isEmpty() ? Optional.empty()
                    : Optional.of(new Recurrence(Freq.WEEKLY, n.get().intValue(), days.get(), 0));
        }
        if ((m = table.matches("repeat.onWeekdays", p)) != null) {
            return days(m).map(Recurrence::weekly);
        }
        return Optional.empty();
    }

    /** The weekdays a rule's {@code {weekdays}} or {@code {weekday}} placeholder matched; empty for a name it lacks. */
    private Optional<EnumSet<DayOfWeek>> days(Matcher m) {
        String said = GrammarTable.group(m, "wds") != null ? m.group("wds") : m.group("wd");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String w : said.split("\\s*,\\s*|\\s+(?:und|et|and)\\s+|\\s+")) {
            DayOfWeek d = table.weekday(w);
            if (d == null) {
                return Optional.empty();
            }
            days.add(d);
        }
        return Optional.of(days);
    }

    /** Whether a date phrase of this language can start with the word. */
    boolean startsDate(QuickAddWord w) {
        return !w.plain() && table.startsDate(norm(w.text()));
    }

    /** Whether a repeat phrase of this language can start with the word. */
    boolean startsRepeat(QuickAddWord w) {
        return !w.plain() && table.startsRepeat(norm(w.text()));
    }

    /** A repeat word that counts on its own at the end ("täglich"). */
    Optional<Recurrence> bareRepeat(QuickAddWord w) {
        return is("repeat.bare", w) ? repeat(w.text()) : Optional.empty();
    }
}

package dev.tandem.app.text;

import dev.tandem.app.model.Recurrence.Freq;
import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick add's words in a language other than English, read from that language's rule table
 * ({@code quickadd_TAG.properties} in the catalogue): what a date, a time, a length, a repeat, a
 * reminder, a start, a deadline and Someday are said as. English is read by the parser's own code;
 * a table is read beside it, so "morgen" and "tomorrow" both work in German.
 *
 * <p>Design: each rule is a whole phrase with placeholders ({@code in {n} tagen}), compiled once
 * into a regular expression over lower-case words separated by single spaces. The parser asks
 * "is this run of words a date?"; it never splits a language's sentence itself. A table is data
 * a translator writes; nothing in it is executed but the matching.
 */
final class Grammar {
    private static final Map<Language, Optional<Grammar>> CACHE = new ConcurrentHashMap<>();

    private final Map<String, List<Pattern>> rules = new LinkedHashMap<>();
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, DayOfWeek> weekdays = new LinkedHashMap<>();
    private final Map<String, Integer> months = new LinkedHashMap<>();
    private final Map<String, List<String>> words = new LinkedHashMap<>();
    /** The words a repeat phrase can start with: the parser tries a phrase only from one of these. */
    private final Set<String> repeatStarts = new HashSet<>();

    private Grammar(Language language) {
        Map<String, String> table = Catalogue.file("quickadd", language.tag());
        String[] nums = table.getOrDefault("quickadd.numbers", "").split("\\|");
        for (int i = 0; i < nums.length; i++) {
            for (String w : nums[i].split("/")) {
                if (!w.isBlank()) {
                    numbers.put(norm(w), i + 1);
                }
            }
        }
        for (String w : alternatives(table.get("quickadd.other"))) {
            numbers.put(w, 2);
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            alternatives(table.get("quickadd.weekday." + d.getValue())).forEach(w -> weekdays.put(w, d));
        }
        for (int m = 1; m <= 12; m++) {
            int month = m;
            alternatives(table.get("quickadd.month." + m)).forEach(w -> months.put(w, month));
        }
        table.forEach((key, value) -> {
            String k = key.substring("quickadd.".length());
            if (k.startsWith("date.") || k.startsWith("repeat.") && !k.equals("repeat.bare") || k.startsWith("time")) {
                rules.put(k, alternatives(value).stream().map(this::compile).toList());
                if (k.startsWith("repeat.")) {
                    for (String phrase : alternatives(value)) {
                        String first = phrase.split(" ")[0];
                        if (first.startsWith("{weekday")) {
                            repeatStarts.addAll(weekdays.keySet());
                        } else if (first.startsWith("{")) {
                            repeatStarts.add("*");
                        } else {
                            repeatStarts.add(first);
                        }
                    }
                }
            } else if (!k.startsWith("weekday.") && !k.startsWith("month.")) {
                words.put(k, alternatives(value));
            }
        });
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

    /** Lower case, one space between words, typographic apostrophes made plain. */
    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }

    // ---- words and phrases of one kind ----

    /** Whether the word is one of a kind's single words ({@code at}, {@code for}, {@code dateConnectors}). */
    boolean is(String kind, QuickAddWord w) {
        return !w.plain() && words.getOrDefault(kind, List.of()).contains(norm(w.text()));
    }

    /**
     * How many words from {@code from} make one of a kind's phrases ({@code start}: "à partir de"),
     * the longest; 0 for none.
     */
    int phraseAt(String kind, List<QuickAddWord> ws, int from) {
        int best = 0;
        for (String p : words.getOrDefault(kind, List.of())) {
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
        for (String p : words.getOrDefault("note", List.of())) {
            if (t.startsWith(p)) {
                return p.length();
            }
        }
        return -1;
    }

    // ---- meanings ----

    Optional<LocalDate> date(String phrase, LocalDate today) {
        String p = norm(phrase);
        if (matches("date.today", p) != null) {
            return Optional.of(today);
        }
        if (matches("date.tomorrow", p) != null) {
            return Optional.of(today.plusDays(1));
        }
        if (matches("date.afterTomorrow", p) != null) {
            return Optional.of(today.plusDays(2));
        }
        Matcher m;
        if ((m = matches("date.weekday", p)) != null) {
            return Optional.of(today.with(TemporalAdjusters.next(weekdays.get(m.group("wd")))));
        }
        if ((m = matches("date.nextWeekday", p)) != null) {
            return Optional.of(DatePhrases.ofNextWeek(weekdays.get(m.group("wd")), today));
        }
        if (matches("date.nextWeek", p) != null) {
            return Optional.of(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        }
        if (matches("date.nextMonth", p) != null) {
            return Optional.of(today.plusMonths(1));
        }
        if (matches("date.weekend", p) != null) {
            return Optional.of(today.getDayOfWeek() == DayOfWeek.SATURDAY ? today
                    : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)));
        }
        if ((m = matches("date.inDays", p)) != null) {
            return count(m).map(today::plusDays);
        }
        if ((m = matches("date.inWeeks", p)) != null) {
            return count(m).map(today::plusWeeks);
        }
        if ((m = matches("date.inMonths", p)) != null) {
            return count(m).map(today::plusMonths);
        }
        if ((m = matches("date.dayMonth", p)) != null) {
            return DatePhrases.next(months.get(m.group("mon")), Integer.parseInt(m.group("day")), today);
        }
        if ((m = matches("date.numeric", p)) != null) {
            int day = Integer.parseInt(m.group("day"));
            int month = Integer.parseInt(m.group("mo"));
            if (group(m, "y") != null) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), month, day));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
            return DatePhrases.next(month, day, today);
        }
        if ((m = matches("date.dayOfMonth", p)) != null) {
            int d = Integer.parseInt(m.group("day"));
            return d >= 1 && d <= 31 ? Optional.of(Recurrence.monthlyOn(d).first(today)) : Optional.empty();
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
        Matcher m = matches("date.weekday", p);
        if (m != null) {
            return Optional.of(new DatePhrases.WeekdaySaid(weekdays.get(m.group("wd")), false));
        }
        m = matches("date.nextWeekday", p);
        return m == null ? Optional.empty() : Optional.of(new DatePhrases.WeekdaySaid(weekdays.get(m.group("wd")), true));
    }

    /** The day of the month a phrase names ("am 1.", "le 1er"), as {@link DatePhrases#dayOfMonth}; 0 for none. */
    int dayOfMonth(String phrase) {
        String p = norm(phrase);
        for (String c : words.getOrDefault("dateConnectors", List.of())) {
            if (p.startsWith(c + " ")) {
                p = p.substring(c.length() + 1);
            }
        }
        Matcher m = matches("date.dayOfMonth", p);
        int d = m == null ? 0 : Integer.parseInt(m.group("day"));
        return d >= 1 && d <= 31 ? d : 0;
    }

    /** A time of day ("14 uhr", "14h30", "midi"), with or without this language's "at" word before it. */
    Optional<LocalTime> time(String phrase) {
        String p = norm(phrase);
        for (String at : words.getOrDefault("at", List.of())) {
            if (p.startsWith(at + " ")) {
                p = p.substring(at.length() + 1);
                break;
            }
        }
        if (matches("time.noon", p) != null) {
            return Optional.of(LocalTime.NOON);
        }
        Matcher m = matches("time", p);
        if (m == null) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group("h"));
        int min = group(m, "mm") == null ? 0 : Integer.parseInt(m.group("mm"));
        return h > 23 || min > 59 ? Optional.empty() : Optional.of(LocalTime.of(h, min));
    }

    /** A length's amount and unit ("30 minuten", "1,5 std", "1 h"): its minutes. */
    Optional<Integer> minutes(String amount) {
        String[] parts = norm(amount).replaceAll("^(\\d+(?:[.,]\\d+)?)([a-z]+)$", "$1 $2").split(" ");
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}(?:[.,]\\d{1,2})?|\\d{1,5}")) {
            return Optional.empty();
        }
        double n = Double.parseDouble(parts[0].replace(',', '.'));
        long minutes;
        if (words.getOrDefault("unit.minutes", List.of()).contains(parts[1])) {
            minutes = Math.round(n);
        } else if (words.getOrDefault("unit.hours", List.of()).contains(parts[1])) {
            minutes = Math.round(n * 60);
        } else {
            return Optional.empty();
        }
        return minutes < 1 || minutes > Durations.MAX_MINUTES ? Optional.empty() : Optional.of((int) minutes);
    }

    /** A repeat phrase ("jeden montag", "toutes les 2 semaines", "chaque mois le 1er"). */
    Optional<Recurrence> repeat(String phrase) {
        String p = norm(phrase);
        if (matches("repeat.daily", p) != null) {
            return Optional.of(Recurrence.every(Freq.DAILY, 1));
        }
        if (matches("repeat.weekdays", p) != null) {
            return Optional.of(Recurrence.weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        }
        if (matches("repeat.weekly", p) != null) {
            return Optional.of(Recurrence.every(Freq.WEEKLY, 1));
        }
        if (matches("repeat.monthly", p) != null) {
            return Optional.of(Recurrence.every(Freq.MONTHLY, 1));
        }
        if (matches("repeat.yearly", p) != null) {
            return Optional.of(Recurrence.every(Freq.YEARLY, 1));
        }
        Matcher m;
        if ((m = matches("repeat.monthlyOn", p)) != null) {
            int d = Integer.parseInt(m.group("day"));
            return d >= 1 && d <= 31 ? Optional.of(Recurrence.monthlyOn(d)) : Optional.empty();
        }
        String[][] everyN = {{"repeat.everyNDays", "DAILY"}, {"repeat.everyNWeeks", "WEEKLY"},
            {"repeat.everyNMonths", "MONTHLY"}, {"repeat.everyNYears", "YEARLY"}};
        for (String[] r : everyN) {
            if ((m = matches(r[0], p)) != null) {
                Freq f = Freq.valueOf(r[1]);
                return count(m).filter(n -> n >= 1 && n <= 999).map(n -> Recurrence.every(f, n.intValue()));
            }
        }
        if ((m = matches("repeat.onWeekdays", p)) != null) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String w : m.group("wds").split("\\s*,\\s*|\\s+(?:und|et|and)\\s+|\\s+")) {
                DayOfWeek d = weekdays.get(w);
                if (d == null) {
                    return Optional.empty();
                }
                days.add(d);
            }
            return Optional.of(Recurrence.weekly(days));
        }
        return Optional.empty();
    }

    /** Whether a repeat phrase of this language can start with the word. */
    boolean startsRepeat(QuickAddWord w) {
        return !w.plain() && (repeatStarts.contains("*") || repeatStarts.contains(norm(w.text())));
    }

    /** A repeat word that counts on its own at the end ("täglich"). */
    Optional<Recurrence> bareRepeat(QuickAddWord w) {
        return is("repeat.bare", w) ? repeat(w.text()) : Optional.empty();
    }

    // ---- matching ----

    private Matcher matches(String rule, String phrase) {
        for (Pattern p : rules.getOrDefault(rule, List.of())) {
            Matcher m = p.matcher(phrase);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    private Optional<Long> count(Matcher m) {
        String n = m.group("n");
        Integer word = numbers.get(n);
        return Optional.of(word != null ? (long) word : Long.parseLong(n));
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            // The rule has no such placeholder.
            return null;
        }
    }

    /** One phrase of a table, placeholders made named groups, everything else matched literally. */
    private Pattern compile(String template) {
        StringBuilder re = new StringBuilder();
        Matcher ph = Pattern.compile("\\{(\\w+)}").matcher(template);
        int at = 0;
        while (ph.find()) {
            re.append(literal(template.substring(at, ph.start())));
            re.append(switch (ph.group(1)) {
                case "n" -> "(?<n>\\d{1,3}|" + alt(numbers.keySet()) + ")";
                case "day" -> "(?<day>\\d{1,2})";
                case "monthno" -> "(?<mo>\\d{1,2})";
                case "year" -> "(?<y>\\d{4})";
                case "h" -> "(?<h>\\d{1,2})";
                case "mm" -> "(?<mm>\\d{2})";
                case "weekday" -> "(?<wd>" + alt(weekdays.keySet()) + ")";
                case "weekdays" -> "(?<wds>(?:" + alt(weekdays.keySet()) + ")(?:(?:\\s*,\\s*|\\s+(?:und|et|and)\\s+|\\s+)(?:"
                        + alt(weekdays.keySet()) + "))*)";
                case "month" -> "(?<mon>" + alt(months.keySet()) + ")";
                default -> throw new IllegalStateException("unknown placeholder {" + ph.group(1) + "} in quick add rule " + template);
            });
            at = ph.end();
        }
        re.append(literal(template.substring(at)));
        return Pattern.compile(re.toString());
    }

    private static String literal(String s) {
        return s.isEmpty() ? "" : Pattern.quote(s);
    }

    /** Alternatives longest first, so "mo." is tried before "mo". */
    private static String alt(Collection<String> ws) {
        List<String> sorted = new ArrayList<>(ws);
        sorted.sort((a, b) -> b.length() - a.length());
        return String.join("|", sorted.stream().map(Pattern::quote).toList());
    }

    private static List<String> alternatives(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(Grammar::norm).filter(s -> !s.isEmpty()).toList();
    }
}

package dev.tandem.app.text;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's quick add rule table ({@code quickadd_TAG.properties}) compiled: its numbers, weekday and
 * month names, single words and phrases by kind, and each rule's phrases as regular expressions. What a
 * match means is {@link Grammar}'s; this class only reads the table and matches against it.
 *
 * <p>Design: the names are read before any rule is compiled, since a rule's placeholders ({@code {n}},
 * {@code {weekday}}, {@code {month}}) become alternatives of them. A phrase is matched whole, placeholders
 * as named groups and every other character literally ({@link Pattern#quote}), so a translator's table can
 * hold any character and nothing in it runs but the matching. Built once per language, then only read.
 */
final class GrammarTable {
    private final Map<String, List<Pattern>> rules = new LinkedHashMap<>();
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, DayOfWeek> weekdays = new LinkedHashMap<>();
    private final Map<String, Integer> months = new LinkedHashMap<>();
    private final Map<String, List<String>> words = new LinkedHashMap<>();
    /** The words a repeat phrase can start with: the parser tries a phrase only from one of these. */
    private final Set<String> repeatStarts = new HashSet<>();
    /** Likewise for a date phrase; "#" for a word with a digit ("24.12.", "3."). */
    private final Set<String> dateStarts = new HashSet<>();

    GrammarTable(Map<String, String> table) {
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
            if (k.startsWith("date.") || k.startsWith("repeat.") && !k.equals("repeat.bare") || k.startsWith("time")
                    || k.startsWith("past.")) {
                rules.put(k, alternatives(value).stream().map(this::compile).toList());
                if (k.startsWith("date.")) {
                    for (String phrase : alternatives(value)) {
                        String first = phrase.split(" ")[0];
                        if (first.startsWith("{weekday")) {
                            dateStarts.addAll(weekdays.keySet());
                        } else if (first.startsWith("{month")) {
                            dateStarts.addAll(months.keySet());
                        } else if (first.startsWith("{")) {
                            dateStarts.add("#");
                        } else {
                            dateStarts.add(first);
                        }
                    }
                }
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

    /** Lower case, one space between words, typographic apostrophes made plain. */
    static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }

    /** A kind's single words and phrases ({@code at}, {@code start}, {@code unit.hours}), normalised; or none. */
    List<String> words(String kind) {
        return words.getOrDefault(kind, List.of());
    }

    /** The weekday a normalised name stands for; null for none. */
    DayOfWeek weekday(String name) {
        return weekdays.get(name);
    }

    /** The month (1 to 12) a normalised name stands for; null for none. */
    Integer month(String name) {
        return months.get(name);
    }

    /** Whether a date phrase of this table can start with the normalised word. */
    boolean startsDate(String word) {
        return dateStarts.contains(word) || dateStarts.contains("#") && word.chars().anyMatch(Character::isDigit);
    }

    /** Whether a repeat phrase of this table can start with the normalised word. */
    boolean startsRepeat(String word) {
        return repeatStarts.contains("*") || repeatStarts.contains(word);
    }

    /** The match of the first of the rule's phrases that matches the whole phrase; null for none. */
    Matcher matches(String rule, String phrase) {
        for (Pattern p : rules.getOrDefault(rule, List.of())) {
            Matcher m = p.matcher(phrase);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    /** A {@code {hw}} placeholder's hour, 1 to 12 in digits or words; null for another number. */
    Integer hour(Matcher m) {
        String h = m.group("hw");
        Integer n = numbers.containsKey(h) ? numbers.get(h) : Integer.valueOf(h);
        return n >= 1 && n <= 12 ? n : null;
    }

    /** A {@code {n}} placeholder's number, in digits or one of the table's number words. */
    Optional<Long> count(Matcher m) {
        String n = m.group("n");
        Integer word = numbers.get(n);
        return Optional.of(word != null ? (long) word : Long.parseLong(n));
    }

    /** A named group's text; null when it did not match or the rule has no such placeholder. */
    static String group(Matcher m, String name) {
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
                // An hour said on a 12-hour clock, in digits or words ("halb drei").
                case "hw" -> "(?<hw>\\d{1,2}|" + alt(numbers.keySet()) + ")";
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
        return Arrays.stream(value.split("\\|")).map(GrammarTable::norm).filter(s -> !s.isEmpty()).toList();
    }
}

package dev.tandem.app.text;

import static dev.tandem.app.text.GrammarTable.norm;

import dev.tandem.ui.messages.Formats;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A date and a time in the middle of the text, as Todoist finds them: "Call mom tomorrow at 2pm about the
 * party", "Zahnarzt morgen um 14 Uhr xyz", "Termin am Freitag absagen", "Réunion lundi 9h-10h salle B",
 * "Meet Ann at 3pm for coffee". Read only when nothing at the end of the text ({@link TrailingDetails})
 * said a date, so what was read before is read alike; the first date that counts wins, with a time right
 * after it or right before it ("at 2pm tomorrow"), or the first time said with "at" when there is no date.
 *
 * <p>Design: a title's own words must stay, so in the middle a phrase counts only where it cannot be one
 * of them. Todoist highlights a date word anywhere ("Create monthly report") and lets the user click it
 * away; quick add's chips allow that too, but here the common titles keep their words from the start:
 * <ul>
 * <li>a weekday needs "on", "by", "am", "ce" or the like ("on Monday", "am Freitag"), a time or a part of
 *     the day after it ("Monday 9am", "samedi matin"), or "next": "Prepare Monday meeting notes", "Watch
 *     Friday Night Lights" and "Call mom Friday about the party" keep their words;</li>
 * <li>a word its language writes in lower case in a sentence is a name's when typed with a capital
 *     ("Watch the Today show", "Guten Morgen sagen", "Lire Demain les chiens");</li>
 * <li>one word of fewer than four letters ("tom", "sun", "wed", "sam") needs "on" or the like: "Call Tom";</li>
 * <li>a day of the month needs "on" or its language's "am"/"le" and an ordinal ("on the 1st", "am 1.",
 *     "le 1er"): "Celebrate the 1st anniversary", "Prendre le 15 à la gare";</li>
 * <li>a day and month in digits needs "on"/"am"/"le" or a time, unless written "24.12." or ISO: "Add 1/2 cup
 *     of sugar", "Version 2.12 veröffentlichen";</li>
 * <li>"weekend" alone needs "this"/"am"/"ce": "Plan weekend trip";</li>
 * <li>at the very start a date needs a time after it or "on"/"am"/"le" ("Tomorrow at 9am standup", "Am
 *     Freitag Zahnarzt anrufen"), so "Demain nous appartient regarder" and "Today show tickets" stay;</li>
 * <li>a time alone needs its "at" or "from" word ("at 3pm", "um halb drei", "de 9h à 11h"): "Buy 2 pm
 *     batteries", "Catch the 5:15 train".</li>
 * </ul>
 * Plain words (marked by the user) and the list word are never read and end a phrase. Only words that can
 * start a date are tried, within the first {@value #MAX_WORDS_READ} words, and the times around a date only
 * when they matter, so a long text costs little.
 */
final class InlineWhen {
    /** The most words of a date phrase, with a part of the day ("tomorrow in the morning"). */
    private static final int MAX_DATE_WORDS = 5;
    /**
     * How far into the text a date or time is looked for, in words: further than any title goes, and it
     * bounds the work of reading text from outside (the phone page, an import) of up to 10,000 characters.
     */
    static final int MAX_WORDS_READ = 60;
    /** English words that may stand before a date and go with it. */
    private static final Set<String> CONNECTORS = Set.of("by", "on", "due", "until", "before");
    /** English words that open a date at the start of the text ("On Friday call the plumber"). */
    private static final Set<String> OPENERS = Set.of("on", "by", "this", "in", "due");
    private static final Set<String> STARTS = Set.of("today", "tonight", "tod", "tomorrow", "tmr", "tmrw", "tom", "next",
            "this", "weekend", "in", "on", "the", "by", "due", "until", "before", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final Pattern ORDINAL = Pattern.compile(".*\\d(st|nd|rd|th|er|\\.)");
    private static final Pattern DIGITS_DAY_MONTH = Pattern.compile(".*\\d{1,2}[./]\\d{1,2}([./]\\d{2,4})?\\.?");
    private static final Pattern ISO = Pattern.compile(".*\\d{4}-\\d{2}-\\d{2}");
    /** A Monday, to tell a word for a day near today from "weekend" (a Saturday, five days on). */
    private static final LocalDate A_MONDAY = LocalDate.of(2024, 1, 1);

    private InlineWhen() {
    }

    /** What was read: the words left, the date (or null), the time (or null) and a span's length (or null). */
    record Found(List<QuickAddWord> rest, LocalDate due, LocalTime time, Integer minutes) {
    }

    /**
     * The first date (with its time) or, without one, the first time with its "at" in {@code words}, each
     * leaving a title word; null for none. {@code wantTime}: no time was read at the end, so one here counts.
     * Adds the tokens of what it read.
     */
    static Found find(List<QuickAddWord> words, LocalDate today, boolean wantTime, List<QuickAddToken> tokens) {
        int list = QuickAddParser.lastListWord(words);
        int read = Math.min(words.size(), MAX_WORDS_READ);
        for (int i = 0; i < read; i++) {
            Found f = dateAt(words, i, list, today, wantTime, tokens);
            if (f != null) {
                return f;
            }
        }
        if (wantTime) {
            for (int i = 0; i < read; i++) {
                if (barrier(words, i, list) || !leadsTime(words.get(i))) {
                    continue;
                }
                TimePhrases.Said s = TimePhrases.at(words.subList(0, end(words, i, list)), i, TimePhrases.Bare.NEVER);
                if (s != null && s.words() >= 2 && titleLeft(words, i, i + s.words(), list)) {
                    addTime(tokens, words, i, s);
                    return new Found(without(words, i, i + s.words()), null, s.time(), s.minutes());
                }
            }
        }
        return null;
    }

    private static Found dateAt(List<QuickAddWord> words, int i, int list, LocalDate today, boolean wantTime,
            List<QuickAddToken> tokens) {
        if (barrier(words, i, list)) {
            return null;
        }
        // The phrase from this word ("am 1.", "on friday"), else after it when it is a connector ("by friday").
        Found f = dateFrom(words, i, i, list, today, wantTime, tokens);
        boolean connector = isConnector(words.get(i)) && i + 1 < words.size() && !barrier(words, i + 1, list);
        return f != null || !connector ? f : dateFrom(words, i, i + 1, list, today, wantTime, tokens);
    }

    private static Found dateFrom(List<QuickAddWord> words, int i, int k, int list, LocalDate today, boolean wantTime,
            List<QuickAddToken> tokens) {
        QuickAddWord w = words.get(i);
        boolean connector = k > i;
        if (!startsDate(words.get(k))) {
            return null;
        }
        int stop = end(words, k, list);
        for (int len = Math.min(MAX_DATE_WORDS, stop - k); len >= 1; len--) {
            List<QuickAddWord> phrase = words.subList(k, k + len);
            String said = QuickAddWord.join(phrase);
            Optional<LocalDate> d = DatePhrases.parse(said, today);
            if (d.isEmpty()) {
                continue;
            }
            Optional<LocalTime> part = DayParts.of(said);
            TimePhrases.Said after = null;
            TimePhrases.Said before = null;
            // The times around it are read only when they matter: to count, or to be the todo's time.
            if (!counts(words, i, phrase, said, connector, part.isPresent())) {
                if (!counts(words, i, phrase, said, connector, true)) {
                    continue;
                }
                after = TimePhrases.at(words.subList(0, stop), k + len, TimePhrases.Bare.WITH_AT);
                before = connector || i == 0 ? null
                        : TimePhrases.before(words, i, firstAfterBarrier(words, i, list), TimePhrases.Bare.NEVER);
                if (after == null && before == null) {
                    continue;
                }
            } else if (wantTime) {
                after = TimePhrases.at(words.subList(0, stop), k + len, TimePhrases.Bare.WITH_AT);
                before = after != null || connector || i == 0 ? null
                        : TimePhrases.before(words, i, firstAfterBarrier(words, i, list), TimePhrases.Bare.NEVER);
            }
            // A time read at the end already is the todo's: one here only helps the date count, and stays.
            TimePhrases.Said time = !wantTime ? null : after != null ? after : before;
            int from = time == before && before != null ? i - before.words() : i;
            int to = k + len + (time == after && after != null ? after.words() : 0);
            if (!titleLeft(words, from, to, list)) {
                continue;
            }
            tokens.add(new QuickAddToken(QuickAddToken.Kind.DATE, w.start(), phrase.get(len - 1).end(),
                    DueDates.format(d.get(), today)));
            if (time != null) {
                addTime(tokens, words, time == after ? k + len : from, time);
                return new Found(without(words, from, to), d.get(), time.time(), time.minutes());
            }
            return new Found(without(words, from, to), d.get(), wantTime ? part.orElse(null) : null, null);
        }
        return null;
    }

    /** Whether a date phrase found in the middle counts there (see the class's list). */
    private static boolean counts(List<QuickAddWord> words, int i, List<QuickAddWord> phrase, String said, boolean connector,
            boolean timed) {
        boolean start = i == 0 && !connector;
        for (int n = 0; n < phrase.size(); n++) {
            // At the very start a capital is no sign of a name.
            if ((!start || n > 0) && DatePhrases.named(phrase.get(n).text())) {
                return false;
            }
        }
        String core = DayParts.split(said).map(DayParts.Split::date).orElse(norm(said));
        int coreWords = core.split(" ").length;
        boolean opened = connector || coreWords > 1 && opener(phrase.get(0));
        if (start && !timed && !opened) {
            return false;
        }
        Optional<DatePhrases.WeekdaySaid> weekday = DatePhrases.weekday(core);
        if (weekday.isPresent()) {
            return weekday.get().next() || connector || coreWords > 1 || timed;
        }
        if (DatePhrases.dayOfMonth(core) > 0) {
            return timed || (connector || coreWords > 1 && !core.startsWith("the ")) && ORDINAL.matcher(core).matches();
        }
        if (ISO.matcher(core).matches() || core.endsWith(".") && DIGITS_DAY_MONTH.matcher(core).matches()) {
            return true;
        }
        if (DIGITS_DAY_MONTH.matcher(core).matches() && !core.chars().anyMatch(Character::isLetter)) {
            return connector || timed;
        }
        if (coreWords == 1) {
            // One word: a day near today ("tomorrow", "morgen", "demain"), of four letters or more; "weekend" and
            // "tom" need their "this" or "on".
            long ahead = ChronoUnit.DAYS.between(A_MONDAY, DatePhrases.parse(core, A_MONDAY).orElse(A_MONDAY.minusDays(1)));
            boolean near = ahead >= 0 && ahead <= 2;
            return connector || timed || near && core.codePointCount(0, core.length()) >= 4;
        }
        return true;
    }

    private static boolean startsDate(QuickAddWord w) {
        if (w.plain()) {
            return false;
        }
        String n = norm(w.text());
        return STARTS.contains(n) || Weekdays.NAMES.containsKey(n) || n.chars().anyMatch(Character::isDigit)
                || Grammar.current().map(g -> g.startsDate(w)).orElse(false);
    }

    private static boolean isConnector(QuickAddWord w) {
        return !w.plain() && (CONNECTORS.contains(norm(w.text()))
                || Grammar.current().map(g -> g.is("dateConnectors", w)).orElse(false));
    }

    private static boolean opener(QuickAddWord w) {
        return !w.plain() && (OPENERS.contains(norm(w.text()))
                || Grammar.current().map(g -> g.is("dateOpeners", w) || g.is("dateConnectors", w)).orElse(false));
    }

    /** The word says a time follows: "at", "from", "um", "à", "von", "de". */
    private static boolean leadsTime(QuickAddWord w) {
        String n = norm(w.text());
        return !w.plain() && (n.equals("at") || n.equals("@") || n.equals("from")
                || Grammar.current().map(g -> g.words("at").contains(n) || g.words("rangeFrom").contains(n)).orElse(false));
    }

    /** A word nothing reads: marked plain, or the list word. */
    private static boolean barrier(List<QuickAddWord> words, int i, int list) {
        return i == list || words.get(i).plain();
    }

    /** Where the run of readable words from {@code i} ends: the next barrier, or the end. */
    private static int end(List<QuickAddWord> words, int i, int list) {
        int e = i;
        while (e < words.size() && !barrier(words, e, list)) {
            e++;
        }
        return e;
    }

    /** Where the run of readable words ending before {@code i} starts. */
    private static int firstAfterBarrier(List<QuickAddWord> words, int i, int list) {
        int s = i;
        while (s > 0 && !barrier(words, s - 1, list)) {
            s--;
        }
        return s;
    }

    /** Whether a word of the title stays when {@code [from, to)} is taken out. */
    private static boolean titleLeft(List<QuickAddWord> words, int from, int to, int list) {
        for (int i = 0; i < words.size(); i++) {
            if ((i < from || i >= to) && i != list && !words.get(i).plain()) {
                return true;
            }
        }
        return false;
    }

    private static List<QuickAddWord> without(List<QuickAddWord> words, int from, int to) {
        List<QuickAddWord> out = new ArrayList<>(words.subList(0, from));
        out.addAll(words.subList(to, words.size()));
        return out;
    }

    private static void addTime(List<QuickAddToken> tokens, List<QuickAddWord> words, int from, TimePhrases.Said s) {
        int start = words.get(from).start();
        int end = words.get(from + s.words() - 1).end();
        tokens.add(new QuickAddToken(QuickAddToken.Kind.TIME, start, end, Formats.time(s.time())));
        if (s.minutes() != null) {
            tokens.add(new QuickAddToken(QuickAddToken.Kind.LENGTH, start, end, Durations.format(s.minutes())));
        }
    }
}

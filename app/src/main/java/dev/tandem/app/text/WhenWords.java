package dev.tandem.app.text;

import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The start date and deadline said in words, wherever they stand after the title: "start mon", "starts
 * next week", "starting 3 dec" set the start date ("When"); "due fri", "deadline dec 24" the deadline; and
 * "someday" as the last word puts the todo away for some day. Each keyword needs a title before it and a
 * date after it, so "Start the car" and "Due diligence" keep their words, as does "Someday I'll learn
 * Italian". The words are taken out of the text and become tokens; pure, today is passed in.
 *
 * <p>A todo never starts after it is due: a due date said as a weekday comes on or after the start ("start
 * sat due fri" on a Thursday is due the Friday after that Saturday); else a start said as a weekday is that
 * weekday on or before the due date; a start said as a date after the due date is kept and {@code warning}
 * says so.
 */
record WhenWords(LocalDate start, LocalDate due, boolean someday, String warning) {
    private static final List<String> START = List.of("start", "starts", "starting");
    private static final List<String> DUE = List.of("due", "deadline");

    /** Reads and takes out the start, deadline and Someday words of {@code words}, adding their tokens. */
    static WhenWords take(List<QuickAddWord> words, LocalDate today, List<QuickAddToken> tokens) {
        LocalDate start = null;
        LocalDate due = null;
        DayOfWeek startDay = null;
        DayOfWeek dueDay = null;
        int startToken = -1;
        int dueToken = -1;
        Optional<Grammar> own = Grammar.current();
        for (int i = 1; i < words.size() - 1; i++) {
            QuickAddWord w = words.get(i);
            // The keyword may be several words in a language's own table ("à partir de").
            int ownStart = start == null && own.isPresent() ? own.get().phraseAt("start", words, i) : 0;
            int ownDue = due == null && own.isPresent() ? own.get().phraseAt("due", words, i) : 0;
            boolean isStart = start == null && (START.stream().anyMatch(w::is) || ownStart > 0);
            boolean isDue = !isStart && due == null && (DUE.stream().anyMatch(w::is) || ownDue > 0);
            if (w.plain() || (!isStart && !isDue)) {
                continue;
            }
            int k = Math.max(1, isStart ? ownStart : ownDue);
            int n = i + k < words.size() ? datePhraseAfter(words, i + k, today) : 0;
            if (n == 0) {
                continue;
            }
            List<QuickAddWord> phrase = words.subList(i + k, i + k + n);
            LocalDate d = DatePhrases.parse(QuickAddWord.join(phrase), today).orElseThrow();
            String shown = DueDates.format(d, today);
            tokens.add(new QuickAddToken(isStart ? QuickAddToken.Kind.START : QuickAddToken.Kind.DATE, w.start(),
                    phrase.get(n - 1).end(), shown));
            if (isStart) {
                start = d;
                startDay = weekdayOf(QuickAddWord.join(phrase), own);
                startToken = tokens.size() - 1;
            } else {
                due = d;
                dueDay = weekdayOf(QuickAddWord.join(phrase), own);
                dueToken = tokens.size() - 1;
            }
            words.subList(i, i + k + n).clear();
            i--;
        }
        boolean someday = false;
        int last = words.size() - 1;
        int ownSomeday = own.isPresent() ? own.get().phraseBefore("someday", words, words.size()) : 0;
        if (last >= 1 && words.get(last).is("someday") && !words.get(last).plain()) {
            QuickAddWord w = words.remove(last);
            tokens.add(new QuickAddToken(QuickAddToken.Kind.SOMEDAY, w.start(), w.end(), QuickAddToken.SOMEDAY));
            someday = true;
        } else if (ownSomeday > 0 && words.size() - ownSomeday >= 1) {
            List<QuickAddWord> said = words.subList(words.size() - ownSomeday, words.size());
            tokens.add(new QuickAddToken(QuickAddToken.Kind.SOMEDAY, said.get(0).start(), said.get(ownSomeday - 1).end(),
                    QuickAddToken.SOMEDAY));
            said.clear();
            someday = true;
        }
        String warning = null;
        if (start != null && due != null && start.isAfter(due)) {
            if (dueDay != null) {
                // "start sat due fri" on a Thursday: work starts on Saturday and is due the Friday after.
                due = start.with(TemporalAdjusters.nextOrSame(dueDay));
                retell(tokens, dueToken, due, today);
            } else if (startDay != null) {
                // A weekday start before a due date said as a date: the weekday on or before it.
                start = due.with(TemporalAdjusters.previousOrSame(startDay));
                retell(tokens, startToken, start, today);
            } else {
                warning = Messages.text("text.quickAdd.startsAfterDue", DueDates.format(start, today),
                        DueDates.format(due, today));
            }
        }
        return new WhenWords(start, due, someday, warning);
    }

    private static DayOfWeek weekdayOf(String phrase, Optional<Grammar> own) {
        DayOfWeek english = Weekdays.NAMES.get(phrase.strip().toLowerCase(Locale.ROOT));
        return english != null ? english : own.flatMap(g -> g.weekday(phrase)).orElse(null);
    }

    private static void retell(List<QuickAddToken> tokens, int index, LocalDate d, LocalDate today) {
        QuickAddToken t = tokens.get(index);
        tokens.set(index, new QuickAddToken(t.kind(), t.start(), t.end(), DueDates.format(d, today)));
    }

    /** How many words from {@code from} make a date phrase, the longest (up to four); 0 for none. */
    private static int datePhraseAfter(List<QuickAddWord> words, int from, LocalDate today) {
        for (int n = Math.min(4, words.size() - from); n >= 1; n--) {
            List<QuickAddWord> phrase = words.subList(from, from + n);
            if (!QuickAddWord.anyPlain(phrase) && DatePhrases.parse(QuickAddWord.join(phrase), today).isPresent()) {
                return n;
            }
        }
        return 0;
    }
}

package dev.tandem.app.text;

import dev.tandem.app.model.Recurrence;
import dev.tandem.ui.messages.Formats;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The details at the end of the text, after the title: read from the last word back, each a priority
 * ("p2"), a bare repeat word ("weekly"), a time ("18:00", "at 9am"), an hour right after a date
 * ("tomorrow 9", "fri at 9": 9:00), a date phrase or the list ("#Work"); the first other word ends them.
 * So "Water plants daily p2" repeats daily at priority 2, while "Daily standup notes" and "Email team
 * about p2 project" keep every word. Priority, repeat and time words are taken out ({@code rest} keeps
 * the others, the date and the list for {@link QuickAddParser}). A bare repeat word with nothing left
 * besides stays ("weekly": the title). A plain word is passed over: it stays, and the details before it
 * still count.
 *
 * <p>Design: its own reader because these words count only where they stand, unlike the tags, "every …"
 * and "remind …" {@link TodoDraft} takes out anywhere first; those are gone before this runs, and the date
 * and list words it leaves in {@code rest} are read after it by {@link QuickAddParser}. A length, a date, a
 * repeat word and a time each count once (the one typed last); every priority is taken out, the last typed
 * wins. A date phrase is passed over but left in {@code rest}, and {@code out} marks what is taken, so
 * {@code rest} keeps the typed order.
 */
record TrailingDetails(List<QuickAddWord> rest, Integer priority, Recurrence repeat, LocalTime time,
        Integer minutes, List<QuickAddToken> tokens) {
    private static final Pattern PRIORITY = Pattern.compile("[pP]([1-4])");

    static TrailingDetails read(List<QuickAddWord> words, LocalDate today, boolean repeatFree) {
        boolean[] out = new boolean[words.size()];
        List<QuickAddToken> tokens = new ArrayList<>();
        int list = QuickAddParser.lastListWord(words);
        Integer priority = null;
        Recurrence repeat = null;
        int repeatAt = -1;
        LocalTime time = null;
        Integer minutes = null;
        boolean dated = false;
        int end = words.size();
        while (end > 0) {
            int i = end - 1;
            QuickAddWord word = words.get(i);
            String w = word.text();
            if (word.plain() || i == list) {
                end = i;
                continue;
            }
            Matcher pm = PRIORITY.matcher(w);
            if (pm.matches()) {
                priority = priority != null ? priority : Integer.valueOf(pm.group(1));
                tokens.add(new QuickAddToken(QuickAddToken.Kind.PRIORITY, word.start(), word.end(),
                        w.toLowerCase(Locale.ROOT)));
                out[i] = true;
                end = i;
                continue;
            }
            int len = minutes == null ? Durations.phraseBefore(words, end) : 0;
            if (len > 0) {
                QuickAddWord first = words.get(end - len);
                minutes = Durations.parse(QuickAddWord.join(words.subList(end - len + 1, end))).orElseThrow();
                for (int k = end - len; k < end; k++) {
                    out[k] = true;
                }
                tokens.add(new QuickAddToken(QuickAddToken.Kind.LENGTH, first.start(), word.end(),
                        Durations.format(minutes)));
                end -= len;
                continue;
            }
            int n = dated ? 0 : datePhraseBefore(words, end, today);
            if (n > 0) {
                dated = true;
                end -= n;
                continue;
            }
            Optional<Recurrence> r = repeatFree && repeat == null
                    ? RepeatPhrases.parse(w).or(() -> Grammar.current().flatMap(g -> g.bareRepeat(word)))
                    : Optional.empty();
            if (r.isPresent()) {
                repeat = r.get();
                repeatAt = i;
                out[i] = true;
                end = i;
                continue;
            }
            if (time == null && i > 0) {
                // A time, a span ("9-11am", "9h-10h") or a time in words ("halb drei"), with its "at" or "from"
                // word, leaving a word for the title.
                TimePhrases.Said said = TimePhrases.before(words, end, 1, TimePhrases.Bare.NEVER);
                if (said == null && !dated) {
                    // A bare hour counts only right after a date with a title before it: "tomorrow at 9".
                    TimePhrases.Said bare = TimePhrases.before(words, end, 1, TimePhrases.Bare.ALWAYS);
                    int d = bare == null ? 0 : datePhraseBefore(words, end - bare.words(), today);
                    if (d > 0 && end - bare.words() - d >= 1) {
                        said = bare;
                    }
                }
                if (said != null) {
                    time = said.time();
                    int from = end - said.words();
                    for (int k = from; k < end; k++) {
                        out[k] = true;
                    }
                    tokens.add(new QuickAddToken(QuickAddToken.Kind.TIME, words.get(from).start(), word.end(),
                            Formats.time(time)));
                    if (said.minutes() != null && minutes == null) {
                        minutes = said.minutes();
                        tokens.add(new QuickAddToken(QuickAddToken.Kind.LENGTH, words.get(from).start(), word.end(),
                                Durations.format(minutes)));
                    }
                    end = from;
                    continue;
                }
            }
            break;
        }
        List<QuickAddWord> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!out[i]) {
                rest.add(words.get(i));
            }
        }
        if (repeat != null && rest.isEmpty()) {
            rest.add(words.get(repeatAt));
            repeat = null;
        }
        if (repeat != null) {
            QuickAddWord w = words.get(repeatAt);
            tokens.add(new QuickAddToken(QuickAddToken.Kind.REPEAT, w.start(), w.end(), repeat.describe()));
        }
        return new TrailingDetails(rest, priority, repeat, time, minutes, tokens);
    }

    /** How many words before {@code end} make a date phrase, the longest (up to four); 0 for none. */
    private static int datePhraseBefore(List<QuickAddWord> words, int end, LocalDate today) {
        for (int n = Math.min(4, end); n >= 1; n--) {
            List<QuickAddWord> phrase = words.subList(end - n, end);
            if (!QuickAddWord.anyPlain(phrase)
                    && DatePhrases.parse(QuickAddWord.join(phrase), today).isPresent()) {
                return n;
            }
        }
        return 0;
    }
}

package dev.tandem.app.text;

import dev.tandem.app.model.DateRange;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TextLimits;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything quick add understands, the base ({@link QuickAddParser}: title, due date, "#list") plus
 * a priority ("p1".."p4"), tags ("@home": {@link TagWords}), a repeat phrase ({@link RepeatPhrases}:
 * "every monday", "weekly"), a reminder time ("remind 9am"), the todo's time of day ("tomorrow 2pm",
 * "next tue noon", "tomorrow at 9") and its length ("for 30 min", {@link Durations}). Tags, "every …" and
 * "remind …" are taken out wherever they stand. The other details count only at the end of the text, after
 * the title, in any order ({@link TrailingDetails}): a priority, a bare repeat word ("daily", "weekly",
 * "monthly", "yearly"), a time, a length, a date, the list. Inside
 * the title they are words of it: "Write weekly report", "Email team about p2 project". A repeating todo
 * without a date gets the rule's first date from today. Pure: today is passed in.
 *
 * <p>A time without "remind" is the todo's time, not a reminder ("Call the bank tomorrow 2pm for 30 min":
 * due tomorrow at 14:00, 30 minutes long). A bare hour ("9", "at 9": 9:00, 24-hour clock) is a time only
 * right after a date; elsewhere ("Meet at 9") it stays text, as "remind 9" does. A length needs "for" and a
 * unit ("for 30 min", "for 1h"), so "Buy bread for 2" keeps its words. A time typed without a date falls on
 * the next time that clock time comes, as a reminder's does ({@link #dueOn}). A start date and an explicit
 * deadline ("start mon due fri") and "someday" are read by {@link WhenWords}. {@link #warning} says when the text holds a date that is none ("feb 30",
 * "31/2"): it stays in the title, and quick add shows why.
 *
 * <p>A note ("note: …", {@link QuickAddParser#isNote}) takes out only its tags; the base parser reads its
 * list. Priority, repeat and reminder words are todo words and stay in a note's title.
 *
 * <p>{@link #tokens} says what was understood and where it was typed, for quick add to show as you type;
 * words the user marked plain text ({@link PlainSpan}) are read as nothing and stay in the title.
 */
public record TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime,
        String warning, List<QuickAddToken> tokens, LocalTime time, Integer minutes, LocalDate start, boolean someday) {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

    public TodoDraft {
        tags = List.copyOf(tags);
        tokens = List.copyOf(tokens);
    }

    /** Without a start date or Someday. */
    public TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime,
            String warning, List<QuickAddToken> tokens, LocalTime time, Integer minutes) {
        this(base, priority, tags, repeat, remindTime, warning, tokens, time, minutes, null, false);
    }

    /** Without a time of day or length. */
    public TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime,
            String warning, List<QuickAddToken> tokens) {
        this(base, priority, tags, repeat, remindTime, warning, tokens, null, null);
    }

    /** Without tokens: made, not read from text. */
    public TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime,
            String warning) {
        this(base, priority, tags, repeat, remindTime, warning, List.of());
    }

    /** Without a warning. */
    public TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime) {
        this(base, priority, tags, repeat, remindTime, null);
    }

    public String title() {
        return base.title();
    }

    public LocalDate due() {
        return base.due();
    }

    public String listName() {
        return base.listName();
    }

    /** What quick add should say about the text, e.g. "“feb 30” is not a date; it stays in the title"; null for nothing. */
    @Override
    public String warning() {
        return warning;
    }

    /**
     * What was understood, where it stands in the text, in typing order: the date, repeat, priority, tags,
     * list, reminder time and note prefix that were taken out of the title. A repeat's first date, which
     * was not typed, has none.
     */
    @Override
    public List<QuickAddToken> tokens() {
        return tokens;
    }

    /** A plain note rather than a todo. */
    public boolean note() {
        return base.note();
    }

    public static TodoDraft parse(String text, LocalDate today) {
        return parse(text, today, List.of());
    }

    /**
     * As {@link #parse(String, LocalDate)}, but the words under {@code plain} marks are read as nothing:
     * they stay in the title where they stand. Marks whose text is no longer at their offset are ignored.
     */
    public static TodoDraft parse(String text, LocalDate today, Collection<PlainSpan> plain) {
        String raw = text == null ? "" : text;
        if (raw.length() > TextLimits.MAX_TITLE_CHARS) {
            // Longer than any title may be: not read at all (it is refused as too long), so text from outside
            // (the phone page, an import) cannot make quick add work through megabytes.
            return new TodoDraft(new QuickAdd(raw, null, null), null, List.of(), null, null);
        }
        List<PlainSpan> marks = plain.stream().filter(p -> p.stillIn(raw)).toList();
        // A no-break or other Unicode space is read as the space it looks like ("12 déc.", "18 h" typed on a phone), in
        // the title too (TypedSpaces).
        String typed = TypedSpaces.plain(raw);
        List<QuickAddToken> tokens = new ArrayList<>();
        int prefix = QuickAddParser.notePrefixAt(typed);
        int prefixEnd = prefix + QuickAddParser.notePrefixLength(typed);
        if (prefix >= 0 && marks.stream().noneMatch(m -> m.overlaps(prefix, prefixEnd))) {
            tokens.add(new QuickAddToken(QuickAddToken.Kind.NOTE, prefix, prefixEnd,
                    typed.substring(prefix, prefixEnd).toLowerCase(Locale.ROOT)));
            List<QuickAddWord> words = QuickAddWord.split(typed, prefixEnd, marks);
            List<String> tags = TagWords.take(words, tokens);
            QuickAdd base = QuickAddParser.parse(words, true, today, tokens);
            return new TodoDraft(base, null, tags, null, null, null, sorted(tokens));
        }
        List<QuickAddWord> words = QuickAddWord.split(typed, 0, marks);
        List<String> tags = TagWords.take(words, tokens);
        Recurrence repeat = null;
        Optional<Grammar> own = Grammar.current();
        for (int i = 0; i < words.size() && repeat == null; i++) {
            // English phrases start with "every"; a language's own may start anywhere ("le 1er de chaque mois").
            boolean every = words.get(i).is("every");
            QuickAddWord first = words.get(i);
            if (!every && (own.isEmpty() || !own.get().startsRepeat(first))) {
                continue;
            }
            // The longest phrase from here wins ("every month on the 1st" over "every month").
            for (int end = Math.min(words.size(), i + 6); end > i; end--) {
                List<QuickAddWord> phrase = words.subList(i, end);
                String joined = QuickAddWord.join(phrase);
                Optional<Recurrence> r = QuickAddWord.anyPlain(phrase) ? Optional.empty()
                        : (every ? RepeatPhrases.parse(joined) : Optional.<Recurrence>empty())
                                .or(() -> own.flatMap(g -> g.repeat(joined)));
                if (r.isPresent() && end - i < words.size()) {
                    repeat = r.get();
                    tokens.add(new QuickAddToken(QuickAddToken.Kind.REPEAT, phrase.get(0).start(),
                            phrase.get(phrase.size() - 1).end(), repeat.describe()));
                    phrase.clear();
                    break;
                }
            }
        }
        LocalTime remind = null;
        for (int i = 0; i < words.size() - 1 && remind == null; i++) {
            int said = words.get(i).is("remind") ? 1 : own.isPresent() ? own.get().phraseAt("remind", words, i) : 0;
            if (said > 0) {
                int at = i + said;
                if (at < words.size() - 1 && words.get(at).is("me")) {
                    at++;
                }
                if (at < words.size() - 1 && (words.get(at).is("at") || own.isPresent() && own.get().is("at", words.get(at)))) {
                    at++;
                }
                int n = timeWordsAt(words, at, own);
                if (n > 0) {
                    remind = timeOf(words.subList(at, at + n), own).orElseThrow();
                    tokens.add(new QuickAddToken(QuickAddToken.Kind.REMINDER, words.get(i).start(),
                            words.get(at + n - 1).end(), clock(remind)));
                    words.subList(i, at + n).clear();
                }
            }
        }
        WhenWords when = WhenWords.take(words, today, tokens);
        TrailingDetails t = TrailingDetails.read(words, today, repeat == null);
        QuickAdd base = QuickAddParser.parse(t.rest(), false, today, tokens);
        LocalTime time = t.time();
        Integer minutes = t.minutes();
        if (when.due() != null) {
            base = new QuickAdd(base.title(), when.due(), base.listName());
        } else if (base.due() == null) {
            // Nothing at the end said a date: one in the middle counts ("Call mom tomorrow at 2pm about the party").
            InlineWhen.Found f = InlineWhen.find(t.rest(), today, time == null, tokens);
            if (f != null) {
                QuickAdd again = QuickAddParser.parse(f.rest(), false, today, new ArrayList<>());
                base = new QuickAdd(again.title(), f.due(), again.listName());
                if (f.time() != null) {
                    time = f.time();
                    minutes = minutes != null ? minutes : f.minutes();
                }
            }
        }
        if (time == null && base.due() != null) {
            // A date that says its part of the day: "heute Abend", "tomorrow morning", "ce soir".
            time = tokens.stream().filter(k -> k.kind() == QuickAddToken.Kind.DATE).findFirst()
                    .flatMap(k -> DayParts.of(k.in(typed))).orElse(null);
        }
        tokens.addAll(t.tokens());
        repeat = onTypedDay(repeat != null ? repeat : t.repeat(), tokens, typed);
        if (repeat != null && base.due() == null && !base.title().isBlank()) {
            base = new QuickAdd(base.title(), repeat.first(today), base.listName());
        }
        String warning = DatePhrases.notADate(typed.strip())
                .map(p -> DateRange.outside(p) ? Messages.text("text.quickAdd.outOfRange", p, DateRange.FIRST_TEXT,
                        DateRange.LAST_TEXT) : Messages.text("text.quickAdd.notADate", p)).orElse(when.warning());
        return new TodoDraft(base, t.priority(), tags, repeat, remind, warning, sorted(tokens), time, minutes,
                when.start(), when.someday());
    }

    /**
     * A monthly rule kept on the day of the month typed as the date ("on the 1st every month"), as "every
     * month on the 1st" is. Counted from the due date instead, "on the 31st every month" typed in November
     * would repeat on the 30th for good. The repeat token then says the day too.
     */
    private static Recurrence onTypedDay(Recurrence repeat, List<QuickAddToken> tokens, String typed) {
        if (repeat == null || repeat.freq() != Recurrence.Freq.MONTHLY || repeat.byMonthDay() != 0) {
            return repeat;
        }
        int day = tokens.stream().filter(k -> k.kind() == QuickAddToken.Kind.DATE)
                .mapToInt(k -> DatePhrases.dayOfMonth(k.in(typed))).findFirst().orElse(0);
        if (day == 0) {
            return repeat;
        }
        Recurrence onDay = new Recurrence(repeat.freq(), repeat.interval(), repeat.byDay(), day);
        tokens.replaceAll(k -> k.kind() == QuickAddToken.Kind.REPEAT
                ? new QuickAddToken(k.kind(), k.start(), k.end(), onDay.describe()) : k);
        return onDay;
    }

    /** How many words from {@code at} (one to three) make a time, in English or the language's words; 0 for none. */
    private static int timeWordsAt(List<QuickAddWord> words, int at, Optional<Grammar> own) {
        for (int n = Math.min(3, words.size() - at); n >= 1; n--) {
            List<QuickAddWord> w = words.subList(at, at + n);
            if (!QuickAddWord.anyPlain(w) && timeOf(w, own).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    private static Optional<LocalTime> timeOf(List<QuickAddWord> words, Optional<Grammar> own) {
        // One word ("9am"), or two with "am" or "pm" the second ("9:41 PM"), in English.
        Optional<LocalTime> english = words.size() <= 2 ? TimePhrases.clock(GrammarTable.norm(QuickAddWord.join(words)))
                : Optional.empty();
        return english.isPresent() ? english : own.flatMap(g -> g.time(QuickAddWord.join(words)));
    }

    private static List<QuickAddToken> sorted(List<QuickAddToken> tokens) {
        return tokens.stream().sorted(Comparator.comparingInt(QuickAddToken::start)
                .thenComparing(QuickAddToken::kind)).toList();
    }

    private static String clock(LocalTime t) {
        return Formats.time(t);
    }

    /**
     * "9am", "9:30pm", "18:00", "noon"; empty for anything else. Not "midnight": the time is a reminder on
     * the due date, and "fri midnight" means the night after Friday, where 0:00 on Friday would ring a day
     * early.
     */
    public static Optional<LocalTime> time(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.equals("noon")) {
            return Optional.of(LocalTime.NOON);
        }
        Matcher m = TIME.matcher(w);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null)) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (h < 1 || h > 12) {
                return Optional.empty();
            }
            h = h % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        if (h > 23 || min > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, min));
    }

    /**
     * A time of day alone as quick add reads it in the language in effect: English ({@link #time}, "half past
     * four") and the language's table ("14 Uhr", "14.30 Uhr", "14h30", "midi"), an "at" word before it allowed
     * ("um 9 Uhr"); empty for a bare hour ("9"), a span or anything else. For a field that holds only a time.
     */
    public static Optional<LocalTime> timeOfDay(String phrase) {
        return TimePhrases.read(phrase.strip(), TimePhrases.Bare.NEVER)
                .filter(s -> s.minutes() == null).map(TimePhrases.Said::time);
    }

    /**
     * When to remind, in epoch milliseconds: the reminder time on the due date, or without one the next
     * time that clock time comes (today, or tomorrow if it has passed). Null without a reminder time.
     */
    public Long remindAt(ZonedDateTime now) {
        if (remindTime == null) {
            return null;
        }
        LocalDate day = due() != null ? due() : nextDay(remindTime, now);
        return day.atTime(remindTime).atZone(now.getZone()).toInstant().toEpochMilli();
    }

    /**
     * The due date to save: the one typed, or for a time typed without one the next time that clock time
     * comes ("2pm" at 10:00 is today, at 15:00 tomorrow), as for a reminder; null for neither.
     */
    public LocalDate dueOn(ZonedDateTime now) {
        return due() != null ? due() : time != null ? nextDay(time, now) : null;
    }

    /** The time typed, the reminder's or the todo's: what a reminder field ("tomorrow 18:00") reads. */
    public LocalTime anyTime() {
        return remindTime != null ? remindTime : time;
    }

    /** Today if {@code t} is still to come {@code now}, else tomorrow. */
    public static LocalDate nextDay(LocalTime t, ZonedDateTime now) {
        return t.isAfter(now.toLocalTime()) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
    }
}

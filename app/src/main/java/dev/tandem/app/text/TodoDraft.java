package dev.tandem.app.text;

import dev.tandem.app.model.Recurrence;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything quick add understands, the base ({@link QuickAddParser}: title, due date, "#list") plus
 * a priority ("p1".."p4"), tags ("@home"), a repeat phrase ({@link RepeatPhrases}: "every monday",
 * "weekly") and a reminder time ("remind 9am", or a time after the date: "tomorrow 18:00", "tomorrow at
 * 9"). Tags, "every …" and "remind …" are taken out wherever they stand. The other details count only
 * at the end of the text, after the title, in any order ({@code Trailing}): a priority, a bare repeat word
 * ("daily", "weekly", "monthly", "yearly"), a time, a date, the list. Inside the title they are words of
 * it: "Write weekly report", "Email team about p2 project". A repeating todo without a date gets the
 * rule's first date from today. Pure: today is passed in.
 *
 * <p>A bare hour ("9", "at 9": 9:00, 24-hour clock) is a reminder time only right after a date, as a
 * time with minutes or am/pm is after a date ("tomorrow 18:00"); elsewhere ("Meet at 9") it stays
 * text, as "remind 9" does. {@link #warning} says when the text holds a date that is none ("feb 30",
 * "31/2"): it stays in the title, and quick add shows why.
 *
 * <p>A note ("note: …", {@link QuickAddParser#isNote}) takes out only its tags; the base parser reads its
 * list. Priority, repeat and reminder words are todo words and stay in a note's title.
 */
public record TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime,
        String warning) {

    private static final Pattern PRIORITY = Pattern.compile("[pP]([1-4])");
    private static final Pattern HOUR = Pattern.compile("\\d{1,2}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

    public TodoDraft {
        tags = List.copyOf(tags);
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

    /** A plain note rather than a todo. */
    public boolean note() {
        return base.note();
    }

    public static TodoDraft parse(String text, LocalDate today) {
        if (QuickAddParser.isNote(text)) {
            List<String> words = new ArrayList<>(Arrays.asList(QuickAddParser.withoutNotePrefix(text).split("\\s+")));
            List<String> tags = new ArrayList<>();
            words.removeIf(w -> {
                boolean tag = isTag(w);
                if (tag) {
                    tags.add(w.substring(1));
                }
                return tag;
            });
            QuickAdd base = QuickAddParser.parse(QuickAddParser.NOTE_PREFIX + " " + String.join(" ", words), today);
            return new TodoDraft(base, null, tags, null, null);
        }
        String input = text == null ? "" : text.strip();
        List<String> words = new ArrayList<>(Arrays.asList(input.isEmpty() ? new String[0] : input.split("\\s+")));
        List<String> tags = new ArrayList<>();
        for (int i = words.size() - 1; i >= 0; i--) {
            if (isTag(words.get(i))) {
                tags.add(0, words.remove(i).substring(1));
            }
        }
        Recurrence repeat = null;
        for (int i = 0; i < words.size() && repeat == null; i++) {
            if (!words.get(i).equalsIgnoreCase("every")) {
                continue;
            }
            // The longest phrase from here wins ("every month on the 1st" over "every month").
            for (int end = Math.min(words.size(), i + 6); end > i; end--) {
                Optional<Recurrence> r = RepeatPhrases.parse(String.join(" ", words.subList(i, end)));
                if (r.isPresent() && end - i < words.size()) {
                    repeat = r.get();
                    words.subList(i, end).clear();
                    break;
                }
            }
        }
        LocalTime remind = null;
        for (int i = 0; i < words.size() - 1 && remind == null; i++) {
            if (words.get(i).equalsIgnoreCase("remind")) {
                int at = i + 1;
                if (at < words.size() - 1 && words.get(at).equalsIgnoreCase("me")) {
                    at++;
                }
                if (at < words.size() - 1 && words.get(at).equalsIgnoreCase("at")) {
                    at++;
                }
                Optional<LocalTime> t = time(words.get(at));
                if (t.isPresent()) {
                    remind = t.get();
                    words.subList(i, at + 1).clear();
                }
            }
        }
        Trailing t = Trailing.read(words, today, repeat == null, remind == null);
        QuickAdd base = QuickAddParser.parse(String.join(" ", t.rest()), today);
        repeat = repeat != null ? repeat : t.repeat();
        remind = remind != null ? remind : t.remind();
        if (repeat != null && base.due() == null && !base.title().isBlank()) {
            base = new QuickAdd(base.title(), repeat.first(today), base.listName());
        }
        String warning = DatePhrases.notADate(input)
                .map(p -> "“" + p + "” is not a date; it stays in the title").orElse(null);
        return new TodoDraft(base, t.priority(), tags, repeat, remind, warning);
    }

    /**
     * The details at the end of the text, after the title: read from the last word back, each a priority
     * ("p2"), a bare repeat word ("weekly"), a time ("18:00", "at 9am"), an hour right after a date
     * ("tomorrow 9", "fri at 9": 9:00), a date phrase or the list ("#Work"); the first other word ends them.
     * So "Water plants daily p2" repeats daily at priority 2, while "Daily standup notes" and "Email team
     * about p2 project" keep every word. Priority, repeat and time words are taken out ({@code rest} keeps
     * the others, the date and the list for {@link QuickAddParser}). A bare repeat word with nothing left
     * besides stays ("weekly": the title).
     */
    private record Trailing(List<String> rest, Integer priority, Recurrence repeat, LocalTime remind) {
        static Trailing read(List<String> words, LocalDate today, boolean repeatFree, boolean timeFree) {
            boolean[] out = new boolean[words.size()];
            int list = QuickAddParser.lastListWord(words);
            Integer priority = null;
            Recurrence repeat = null;
            int repeatAt = -1;
            LocalTime time = null;
            boolean dated = false;
            int end = words.size();
            while (end > 0) {
                int i = end - 1;
                String w = words.get(i);
                Matcher pm = PRIORITY.matcher(w);
                if (pm.matches()) {
                    priority = priority != null ? priority : Integer.valueOf(pm.group(1));
                    out[i] = true;
                    end = i;
                    continue;
                }
                if (i == list) {
                    end = i;
                    continue;
                }
                int n = dated ? 0 : datePhraseBefore(words, end, today);
                if (n > 0) {
                    dated = true;
                    end -= n;
                    continue;
                }
                Optional<Recurrence> r = repeatFree && repeat == null
                        ? RepeatPhrases.parse(w) : Optional.empty();
                if (r.isPresent()) {
                    repeat = r.get();
                    repeatAt = i;
                    out[i] = true;
                    end = i;
                    continue;
                }
                if (timeFree && time == null && i > 0) {
                    Optional<LocalTime> t = TodoDraft.time(w).filter(x -> w.contains(":") || hasMeridiem(w));
                    int before = i > 1 && words.get(i - 1).equalsIgnoreCase("at") ? i - 1 : i;
                    if (t.isEmpty() && !dated && HOUR.matcher(w).matches() && Integer.parseInt(w) <= 23) {
                        // A bare hour counts only right after a date with a title before it: "tomorrow at 9".
                        int d = datePhraseBefore(words, before, today);
                        if (d > 0 && before - d >= 1) {
                            t = Optional.of(LocalTime.of(Integer.parseInt(w), 0));
                        }
                    }
                    if (t.isPresent()) {
                        time = t.get();
                        for (int k = before; k <= i; k++) {
                            out[k] = true;
                        }
                        end = before;
                        continue;
                    }
                }
                break;
            }
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (!out[i]) {
                    rest.add(words.get(i));
                }
            }
            if (repeat != null && rest.isEmpty()) {
                rest.add(words.get(repeatAt));
                repeat = null;
            }
            return new Trailing(rest, priority, repeat, time);
        }

        /** How many words before {@code end} make a date phrase, the longest (up to four); 0 for none. */
        private static int datePhraseBefore(List<String> words, int end, LocalDate today) {
            for (int n = Math.min(4, end); n >= 1; n--) {
                if (DatePhrases.parse(String.join(" ", words.subList(end - n, end)), today).isPresent()) {
                    return n;
                }
            }
            return 0;
        }
    }

    private static boolean isTag(String w) {
        return w.length() > 1 && w.startsWith("@") && Character.isLetterOrDigit(w.codePointAt(1));
    }

    private static boolean hasMeridiem(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.endsWith("am") || l.endsWith("pm");
    }

    /** "9am", "9:30pm", "18:00", "noon"; empty for anything else. */
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
     * When to remind, in epoch milliseconds: the reminder time on the due date, or without one the next
     * time that clock time comes (today, or tomorrow if it has passed). Null without a reminder time.
     */
    public Long remindAt(ZonedDateTime now) {
        if (remindTime == null) {
            return null;
        }
        LocalDate day = due() != null ? due()
                : remindTime.isAfter(now.toLocalTime()) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        return day.atTime(remindTime).atZone(now.getZone()).toInstant().toEpochMilli();
    }
}

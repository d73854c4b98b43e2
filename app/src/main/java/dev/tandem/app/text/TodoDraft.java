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
 * a priority ("p1".."p4"), tags ("@home"), a repeat phrase ({@link RepeatPhrases}: "every monday") and
 * a reminder time ("remind 9am", or a time after the date: "tomorrow 18:00"). These words are taken out
 * first, wherever they stand; the rest goes to the base parser. A repeating todo without a date gets the
 * rule's first date from today. Pure: today is passed in.
 *
 * <p>A note ("note: …", {@link QuickAddParser#isNote}) takes out only its tags; the base parser reads its
 * list. Priority, repeat and reminder words are todo words and stay in a note's title.
 */
public record TodoDraft(QuickAdd base, Integer priority, List<String> tags, Recurrence repeat, LocalTime remindTime) {

    private static final Pattern PRIORITY = Pattern.compile("[pP]([1-4])");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);

    public TodoDraft {
        tags = List.copyOf(tags);
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
        Integer priority = null;
        List<String> tags = new ArrayList<>();
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            Matcher pm = PRIORITY.matcher(w);
            if (pm.matches()) {
                if (priority == null) {
                    priority = Integer.parseInt(pm.group(1));
                }
                words.remove(i);
            } else if (isTag(w)) {
                tags.add(0, w.substring(1));
                words.remove(i);
            }
        }
        Recurrence repeat = null;
        for (int i = 0; i < words.size() && repeat == null; i++) {
            if (!RepeatPhrases.starts(words.get(i))) {
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
        if (remind == null && words.size() > 1) {
            // A time at the end ("tomorrow 18:00", "fri at 9am"), or right after a date phrase.
            Optional<LocalTime> t = time(words.get(words.size() - 1));
            if (t.isPresent() && (words.get(words.size() - 1).contains(":") || hasMeridiem(words.get(words.size() - 1)))) {
                remind = t.get();
                words.remove(words.size() - 1);
                if (words.size() > 1 && words.get(words.size() - 1).equalsIgnoreCase("at")) {
                    words.remove(words.size() - 1);
                }
            }
        }
        QuickAdd base = QuickAddParser.parse(String.join(" ", words), today);
        if (repeat != null && base.due() == null && !base.title().isBlank()) {
            base = new QuickAdd(base.title(), repeat.first(today), base.listName());
        }
        return new TodoDraft(base, priority, tags, repeat, remind);
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

package dev.tandem.app.transfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags, priority and a repeat rule, which the schema has no columns for yet. An importer keeps them
 * at the end of the notes as plain lines, so nothing the user had is lost and search finds them:
 *
 * <pre>
 * Buy the big box.
 *
 * Tags: errands, home
 * Priority: high
 * Repeats: FREQ=WEEKLY;BYDAY=SA
 * </pre>
 *
 * The exporters read the block back (iCalendar CATEGORIES, PRIORITY and RRULE; Markdown front
 * matter), so a todo leaves Tandem with the attributes it came in with. The block is the trailing
 * run of such lines after a blank line (or the whole notes); each key at most once.
 *
 * @param tags     in order, without duplicates; never null
 * @param priority "high", "medium", "low", or null
 * @param repeats  an iCalendar RRULE value ("FREQ=WEEKLY") or the source's words ("every monday"), or null
 */
public record NoteAttributes(List<String> tags, String priority, String repeats) {
    public static final NoteAttributes NONE = new NoteAttributes(List.of(), null, null);
    private static final Pattern LINE = Pattern.compile("(Tags|Priority|Repeats): (.+)");

    public NoteAttributes {
        tags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags.stream()
                .map(t -> t.replaceAll("[,\\r\\n]", " ").strip()).filter(t -> !t.isEmpty()).toList()));
        priority = blankToNull(priority);
        repeats = repeats == null ? null : blankToNull(repeats.replaceAll("[\\r\\n]", " "));
    }

    public boolean isEmpty() {
        return tags.isEmpty() && priority == null && repeats == null;
    }

    /** Notes split into the text before the block and the block's values. */
    public record Split(String body, NoteAttributes attributes) {
    }

    /** {@code notes} with the block appended (after a blank line); the notes alone when there is nothing to add. */
    public static String append(String notes, NoteAttributes a) {
        if (a == null || a.isEmpty()) {
            return notes;
        }
        List<String> lines = new ArrayList<>();
        if (!a.tags.isEmpty()) {
            lines.add("Tags: " + String.join(", ", a.tags));
        }
        if (a.priority != null) {
            lines.add("Priority: " + a.priority);
        }
        if (a.repeats != null) {
            lines.add("Repeats: " + a.repeats);
        }
        String block = String.join("\n", lines);
        String body = notes == null ? "" : notes.stripTrailing();
        return body.isEmpty() ? block : body + "\n\n" + block;
    }

    public static Split split(String notes) {
        if (notes == null || notes.isBlank()) {
            return new Split(null, NONE);
        }
        String[] lines = notes.stripTrailing().split("\n", -1);
        int start = lines.length;
        while (start > 0 && LINE.matcher(lines[start - 1].stripTrailing()).matches()) {
            start--;
        }
        if (start == lines.length || (start > 0 && !lines[start - 1].isBlank())) {
            return new Split(notes, NONE);
        }
        List<String> tags = null;
        String priority = null;
        String repeats = null;
        for (int i = start; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i].stripTrailing());
            m.matches();
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "Tags" -> {
                    if (tags != null) {
                        return new Split(notes, NONE);
                    }
                    tags = List.of(value.split("\\s*,\\s*"));
                }
                case "Priority" -> {
                    if (priority != null) {
                        return new Split(notes, NONE);
                    }
                    priority = value.toLowerCase(Locale.ROOT);
                }
                default -> {
                    if (repeats != null) {
                        return new Split(notes, NONE);
                    }
                    repeats = value;
                }
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < start; i++) {
            body.append(lines[i]).append('\n');
        }
        String b = body.toString().stripTrailing();
        return new Split(b.isEmpty() ? null : b, new NoteAttributes(tags, priority, repeats));
    }

    /** iCalendar's 1–9 scale (0: none) in words: 1–4 high, 5 medium, 6–9 low. */
    public static String priorityWord(int level) {
        if (level <= 0 || level > 9) {
            return null;
        }
        return level <= 4 ? "high" : level == 5 ? "medium" : "low";
    }

    /** The word back on iCalendar's scale (high 1, medium 5, low 9); 0 for none or an unknown word. */
    public static int priorityLevel(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "high" -> 1;
            case "medium" -> 5;
            case "low" -> 9;
            default -> 0;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

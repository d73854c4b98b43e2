package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.text.RepeatPhrases;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Between the importers' attribute lines ({@link NoteAttributes}: "Tags:", "Priority:", "Repeats:" at
 * the end of the notes) and the todo's real fields. Importers keep writing the lines; the import writes
 * what Tandem can hold into the fields (tags as tag rows, a priority, a repeat rule it can compute) and
 * leaves in the notes only what it cannot (words like "every other full moon"). Exporters read the fields,
 * together with any lines still in the notes of older todos.
 *
 * <p>Priorities: "high" is p1, "medium" p2, "low" p3, and "p1".."p4" as they are; iCalendar's scale
 * (1 high … 9 low) maps p1 to 1, p2 to 5, p3 to 7 and p4 to 9.
 */
final class RealFields {
    private RealFields() {
    }

    /** The item with the notes' attribute lines moved into its fields, and the tags the lines named. */
    record Applied(Item item, List<String> tags) {
    }

    static Applied fromNotes(Item it) {
        NoteAttributes.Split split = NoteAttributes.split(it.notes());
        NoteAttributes a = split.attributes();
        if (a.isEmpty()) {
            return new Applied(it, List.of());
        }
        Integer p = priority(a.priority());
        Optional<Recurrence> r = rule(a.repeats());
        String notes = NoteAttributes.append(split.body(),
                new NoteAttributes(List.of(), p == null ? a.priority() : null, r.isPresent() ? null : a.repeats()));
        Item out = it.withNotes(notes);
        if (p != null && it.priorityLevel() == 0) {
            out = out.withPriority(p);
        }
        if (r.isPresent() && it.repeat() == null) {
            out = out.withRepeat(r.get().toRule(), it.seriesId() != null ? it.seriesId() : it.id());
        }
        return new Applied(out, a.tags());
    }

    /**
     * The rule a "Repeats:" value names, an RRULE ("FREQ=WEEKLY;BYDAY=SA") or words ("every saturday",
     * "weekly"), when Tandem can compute it; empty otherwise and for null.
     */
    static Optional<Recurrence> rule(String repeats) {
        if (repeats == null) {
            return Optional.empty();
        }
        return Recurrence.parse(repeats).or(() -> RepeatPhrases.parse(
                repeats.toLowerCase(Locale.ROOT).startsWith("every") ? repeats : "every " + repeats));
    }

    /** 1..4 from "high", "medium", "low", "p1".."p4" or "1".."4"; null for anything else. */
    static Integer priority(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "high", "p1", "1" -> 1;
            case "medium", "p2", "2" -> 2;
            case "low", "p3", "3" -> 3;
            case "p4", "4" -> 4;
            default -> null;
        };
    }

    /** What an exporter writes: the fields first, then whatever older attribute lines in the notes add. */
    static NoteAttributes exported(Item it, List<String> tags, NoteAttributes legacy) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(tags));
        for (String t : legacy.tags()) {
            if (!all.contains(t)) {
                all.add(t);
            }
        }
        String priority = it.priorityLevel() != 0 ? "p" + it.priorityLevel() : legacy.priority();
        String repeats = it.repeat() != null && it.recurrence() != null ? it.repeat() : legacy.repeats();
        return new NoteAttributes(all, priority, repeats);
    }

    /** iCalendar PRIORITY (1 high … 9 low) for a priority word or level; 0 for none. */
    static int icalPriority(String word) {
        Integer p = priority(word);
        if (p == null) {
            return NoteAttributes.priorityLevel(word);
        }
        return switch (p) {
            case 1 -> 1;
            case 2 -> 5;
            case 3 -> 7;
            default -> 9;
        };
    }
}

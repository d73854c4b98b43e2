package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The fields a Tandem todo and a VTODO share, compared one by one to find which side changed what
 * since they last agreed. {@code tags} are normalized as Tandem stores them and sorted, since
 * neither side gives their order a meaning; {@code repeat} is Tandem's rule text or null.
 */
public record TaskFields(String title, String notes, LocalDate due, boolean done, Long priority,
                         List<String> tags, Long remindAt, String repeat) {

    /** The fields by name, in the order a conflict or a message lists them. */
    public enum Field { TITLE, NOTES, DUE, DONE, PRIORITY, TAGS, REMINDER, REPEAT }

    public TaskFields {
        title = title == null || title.isBlank() ? "Untitled" : title;
        notes = notes == null || notes.isBlank() ? null : notes;
        tags = tags == null ? List.of() : tags.stream().map(ItemTag::normalize).filter(t -> !t.isEmpty())
                .distinct().sorted().toList();
        repeat = repeat == null || repeat.isBlank() ? null : repeat;
    }

    /** What a todo holds of these fields; {@code tags} are its tag rows. */
    public static TaskFields of(Item it, List<String> tags) {
        return new TaskFields(it.title(), it.notes(), it.dueDate(), it.isDone(), it.priority(), tags, it.remindAt(),
                it.repeat());
    }

    public Object get(Field f) {
        return switch (f) {
            case TITLE -> title;
            case NOTES -> notes;
            case DUE -> due;
            case DONE -> done;
            case PRIORITY -> priority;
            case TAGS -> tags;
            case REMINDER -> remindAt;
            case REPEAT -> repeat;
        };
    }

    /** These fields with {@code f} taken from {@code other}. */
    public TaskFields with(Field f, TaskFields other) {
        return new TaskFields(f == Field.TITLE ? other.title : title, f == Field.NOTES ? other.notes : notes,
                f == Field.DUE ? other.due : due, f == Field.DONE ? other.done : done,
                f == Field.PRIORITY ? other.priority : priority, f == Field.TAGS ? other.tags : tags,
                f == Field.REMINDER ? other.remindAt : remindAt, f == Field.REPEAT ? other.repeat : repeat);
    }

    /** These fields without a repeat rule: one occurrence's own object does not repeat. */
    public TaskFields withoutRepeat() {
        return new TaskFields(title, notes, due, done, priority, tags, remindAt, null);
    }

    public boolean same(Field f, TaskFields other) {
        return Objects.equals(get(f), other.get(f));
    }
}

package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The fields a Tandem todo and a VTODO share, compared one by one to find which side changed what
 * since they last agreed. {@code tags} are normalized as Tandem stores them and sorted, since
 * neither side gives their order a meaning; {@code repeat} is Tandem's rule text or null; {@code time}
 * the time of day on the due date (null: none, and always none without a date) and {@code minutes} the
 * length (null: none). {@code start} is the start date (DTSTART's date); one on or after the due date
 * says nothing a VTODO could hold apart from DUE (RFC 5545 puts DTSTART before DUE), so it compares as
 * none. {@code parent} is the UID of the task this one is a subtask of (RELATED-TO), null at the top.
 */
public record TaskFields(String title, String notes, LocalDate due, boolean done, Long priority,
                         List<String> tags, Long remindAt, String repeat, LocalTime time, Integer minutes,
                         LocalDate start, String parent) {

    /** The fields by name, in the order a conflict or a message lists them. */
    public enum Field { TITLE, NOTES, DUE, TIME, LENGTH, START, DONE, PRIORITY, TAGS, REMINDER, REPEAT, PARENT }

    public TaskFields {
        title = title == null || title.isBlank() ? "Untitled" : title;
        notes = notes == null || notes.isBlank() ? null : notes;
        tags = tags == null ? List.of() : tags.stream().map(ItemTag::normalize).filter(t -> !t.isEmpty())
                .distinct().sorted().toList();
        repeat = repeat == null || repeat.isBlank() ? null : repeat;
        time = due == null ? null : time;
        minutes = minutes == null || minutes <= 0 ? null : minutes;
        start = start != null && due != null && !start.isBefore(due) ? null : start;
        parent = parent == null || parent.isBlank() ? null : parent;
    }

    /** Without a start date or a parent. */
    public TaskFields(String title, String notes, LocalDate due, boolean done, Long priority, List<String> tags,
                      Long remindAt, String repeat, LocalTime time, Integer minutes) {
        this(title, notes, due, done, priority, tags, remindAt, repeat, time, minutes, null, null);
    }

    /** Without a time or length, a start date or a parent. */
    public TaskFields(String title, String notes, LocalDate due, boolean done, Long priority, List<String> tags,
                      Long remindAt, String repeat) {
        this(title, notes, due, done, priority, tags, remindAt, repeat, null, null);
    }

    /** What a todo holds of these fields; {@code tags} are its tag rows, {@code parent} its parent's UID. */
    public static TaskFields of(Item it, List<String> tags, String parent) {
        return new TaskFields(it.title(), it.notes(), it.dueDate(), it.isDone(), it.priority(), tags, it.remindAt(),
                it.repeat(), it.timeOfDay(), it.lengthMinutes() == 0 ? null : it.lengthMinutes(), it.startDate(), parent);
    }

    /**
     * What a VTODO can hold of these fields: a start date takes DTSTART, so a length (DTSTART to DUE on
     * the due day) cannot stand beside it and stays on Tandem's side; the time stays (it is DUE's).
     */
    public TaskFields held() {
        return start == null || minutes == null ? this
                : new TaskFields(title, notes, due, done, priority, tags, remindAt, repeat, time, null, start, parent);
    }

    public Object get(Field f) {
        return switch (f) {
            case TITLE -> title;
            case NOTES -> notes;
            case DUE -> due;
            case TIME -> time;
            case LENGTH -> minutes;
            case START -> start;
            case DONE -> done;
            case PRIORITY -> priority;
            case TAGS -> tags;
            case REMINDER -> remindAt;
            case REPEAT -> repeat;
            case PARENT -> parent;
        };
    }

    /** These fields with {@code f} taken from {@code other}. */
    public TaskFields with(Field f, TaskFields other) {
        return new TaskFields(f == Field.TITLE ? other.title : title, f == Field.NOTES ? other.notes : notes,
                f == Field.DUE ? other.due : due, f == Field.DONE ? other.done : done,
                f == Field.PRIORITY ? other.priority : priority, f == Field.TAGS ? other.tags : tags,
                f == Field.REMINDER ? other.remindAt : remindAt, f == Field.REPEAT ? other.repeat : repeat,
                f == Field.TIME ? other.time : time, f == Field.LENGTH ? other.minutes : minutes,
                f == Field.START ? other.start : start, f == Field.PARENT ? other.parent : parent);
    }

    /** These fields with the parent's UID {@code uid}. */
    public TaskFields withParent(String uid) {
        return new TaskFields(title, notes, due, done, priority, tags, remindAt, repeat, time, minutes, start, uid);
    }

    /** These fields without a repeat rule: one occurrence's own object does not repeat. */
    public TaskFields withoutRepeat() {
        return new TaskFields(title, notes, due, done, priority, tags, remindAt, null, time, minutes, start, parent);
    }

    public boolean same(Field f, TaskFields other) {
        return Objects.equals(get(f), other.get(f));
    }
}

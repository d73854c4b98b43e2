package dev.tandem.app.model.history;

import dev.tandem.app.model.Item;
import dev.tandem.ui.messages.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * What a person sees as one field of a todo or note, for bringing an earlier version back: some are
 * two columns that only make sense together (done and when; a repeat and its series; a reminder and
 * its dismissal), and tags are rows of their own ({@link dev.tandem.app.model.ItemTag}), not a column.
 */
public enum ItemField {
    TITLE(List.of("title"), Item::title, (now, then) -> now.withTitle(then.title())),
    NOTES(List.of("notes"), Item::notes, (now, then) -> now.withNotes(then.notes())),
    LIST(List.of("listId"), Item::listId, (now, then) -> now.withListId(then.listId())),
    DUE(List.of("due"), Item::due, (now, then) -> now.withDue(then.dueDate())),
    TIME(List.of("dueTime"), Item::dueTime, (now, then) -> now.withDueTimeText(then.dueTime())),
    LENGTH(List.of("durationMinutes"), Item::durationMinutes, (now, then) -> now.withDuration(then.durationMinutes())),
    DONE(List.of("done", "doneAt"), Item::isDone, (now, then) -> now.withDoneFields(then.done(), then.doneAt())),
    PRIORITY(List.of("priority"), Item::priority,
            (now, then) -> now.withPriority(then.priority() == null ? null : then.priority().intValue())),
    REPEAT(List.of("repeat", "seriesId"), Item::repeat, (now, then) -> now.withRepeat(then.repeat(), then.seriesId())),
    REMINDER(List.of("remindAt", "remindDismissed"), Item::remindAt,
            (now, then) -> now.withRemindAt(then.remindAt()).withRemindDismissed(then.remindDismissed())),
    KIND(List.of("kind"), Item::isNote, (now, then) -> now.withKind(then.kind())),
    /** Where it sits in its list's outline: parent, section and rank only make sense together. */
    PLACE(List.of("parentId", "sectionId", "rank"), i -> Arrays.asList(i.parentId(), i.sectionId(), i.rank()),
            (now, then) -> now.withParentId(then.parentId()).withSectionId(then.sectionId()).withRank(then.rank())),
    START(List.of("start"), Item::start, (now, then) -> now.withStartText(then.start())),
    SOMEDAY(List.of("someday"), Item::isSomeday, (now, then) -> now.withSomeday(then.isSomeday())),
    TRASH(List.of("trashedAt"), Item::isTrashed, (now, then) -> now.withTrashedAt(then.trashedAt())),
    TAGS(List.of(), Item::tags, (now, then) -> now);

    private final List<String> columns;
    private final Function<Item, Object> shown;
    private final BinaryOperator<Item> take;

    ItemField(List<String> columns, Function<Item, ?> shown, BinaryOperator<Item> take) {
        this.columns = columns;
        this.shown = shown::apply;
        this.take = take;
    }

    /** How the field is named to people ("Due date"). */
    public String label() {
        return Messages.text("editor.versions.field." + key());
    }

    /** How the field is named inside a sentence ("Changed due date, notes"): lower case where the language says so. */
    public String inSentence() {
        return Messages.text("editor.versions.inline." + key());
    }

    /** The catalogue's name of the field: DUE reads "due", START "start". */
    private String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The item's columns it stands for; none for tags. */
    public List<String> columns() {
        return columns;
    }

    /** The field's value as compared (null-safe); for tags the space-separated tags the item carries. */
    public Object value(Item item) {
        return shown.apply(item);
    }

    /** Whether {@code a} and {@code b} differ in this field. */
    public boolean differs(Item a, Item b) {
        return !Objects.equals(value(a), value(b));
    }

    /** {@code now} with this field as it is in {@code then}. Tags are written as rows, not here. */
    public Item take(Item now, Item then) {
        return take.apply(now, then);
    }

    /** The field that column belongs to, or null for columns nobody edits (id, createdAt). */
    public static ItemField ofColumn(String column) {
        for (ItemField f : values()) {
            for (String c : f.columns) {
                if (c.equalsIgnoreCase(column)) {
                    return f;
                }
            }
        }
        return null;
    }
}

package dev.tandem.app.vm.shared;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.text.Checklist;
import dev.tandem.ui.messages.Formats;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A todo as the item list shows it, or, in a list's outline, a section's header. Views get rows, never
 * the model record: what a row says is read through here, and commands take rows back (and leave section
 * rows alone). Equal when their todos (or sections) and places in the outline are equal, so a live update
 * that changed nothing keeps the row object the list view already shows.
 *
 * <p>A row of a flat view (Today, a tag, a search) has depth 0 and no subtask counts; it says where its todo
 * sits ({@link #context}) instead, as the outline around it is not shown.
 */
public final class ItemRow {
    private final Item item;
    /** The section this header row stands for; null for a todo's row. */
    private final Section header;
    private final int depth;
    private final int open;
    private final int done;
    private final boolean outlined;
    /** The notes' check boxes, read when a cell first asks: only rows on screen parse their notes. */
    private Checklist.Progress progress;

    public ItemRow(Item item) {
        this(Objects.requireNonNull(item, "item"), null, 0, 0, 0, false);
    }

    private ItemRow(Item item, Section header, int depth, int open, int done, boolean outlined) {
        this.item = item;
        this.header = header;
        this.depth = depth;
        this.open = open;
        this.done = done;
        this.outlined = outlined;
    }

    /** The row of an outline's line: a todo at its depth with its subtasks counted, or a section's header. */
    public static ItemRow of(Outline.Line line) {
        return line.isSection() ? new ItemRow(null, line.section(), 0, line.open(), 0, true)
                : new ItemRow(line.item(), null, line.depth(), line.open(), line.done(), true);
    }

    public static List<ItemRow> of(List<Item> items) {
        List<ItemRow> rows = new ArrayList<>(items.size());
        items.forEach(i -> rows.add(new ItemRow(i)));
        return rows;
    }

    /** The todo; null for a section's header. */
    public Item item() {
        return item;
    }

    /** The todo's id, or "section:" and the section's for a header. */
    public String id() {
        return item != null ? item.id() : Outline.SECTION_KEY + header.id();
    }

    /** A section's header row (in a list's outline): no todo, nothing to complete, edit or move to a list. */
    /** A subtask: a todo under another. */
    public boolean hasParent() {
        return item != null && item.hasParent();
    }

    public boolean isSection() {
        return item == null;
    }

    /** The section of a header row; null for a todo's row. */
    public String sectionId() {
        return header == null ? null : header.id();
    }

    /** Part of a list's own outline (indented, with subtasks), not of a flat view. */
    public boolean isOutlined() {
        return outlined;
    }

    /** How deep under top-level todos: 0 at the top, 1 for a subtask, and so on. */
    public int depth() {
        return depth;
    }

    /** The subtasks shown under it (or a header's todos); 0 in flat views. */
    public int openSubtasks() {
        return open;
    }

    /** Its completed subtasks. */
    public int doneSubtasks() {
        return done;
    }

    /** Whether it has open subtasks to fold away or show (a header: todos). */
    public boolean hasChildren() {
        return open > 0;
    }

    /** A todo with subtasks (a section's todos are no subtasks): what needs a fold arrow's gutter. */
    public boolean hasSubtasks() {
        return !isSection() && hasChildren();
    }

    /** Its subtasks (or a header's todos) are folded away. */
    public boolean isCollapsed() {
        return item != null ? item.isCollapsed() : header.isCollapsed();
    }

    /** The subtasks done of all: "3/5"; "" without subtasks. */
    public String progressText() {
        return item == null || open + done == 0 ? "" : done + "/" + (open + done);
    }

    /** Where the todo sits, for flat views: its parent's title or its section's name; "" at a list's top or in an outline. */
    public String context() {
        return item == null || outlined || item.context() == null ? "" : item.context();
    }

    /** The parent todo's id, null at the top. */
    public String parentId() {
        return item == null || !item.hasParent() ? null : item.parentId();
    }

    /** The start date ("When"); null for none. */
    public LocalDate startDate() {
        return item == null ? null : item.startDate();
    }

    public boolean isSomeday() {
        return item != null && item.isSomeday();
    }

    /** The title, "" when there is none; a header's section name. */
    public String title() {
        return item == null ? header.name() : item.titleOrEmpty();
    }

    public boolean isDone() {
        return item != null && item.isDone();
    }

    public boolean isTrashed() {
        return item != null && item.isTrashed();
    }

    public boolean hasNotes() {
        return item != null && item.hasNotes();
    }

    /** A plain note: no check box, nothing to complete. */
    public boolean isNote() {
        return item != null && item.isNote();
    }

    private Checklist.Progress checklist() {
        if (progress == null) {
            progress = Checklist.progress(item == null ? "" : item.notes());
        }
        return progress;
    }

    /** The check boxes in the notes, ticked of all: "2/5"; "" when the notes have none. */
    public String checklistText() {
        return checklist().text();
    }

    /** How many check boxes the notes have. */
    public int checklistTotal() {
        return checklist().total();
    }

    /** How many of them are ticked. */
    public int checklistDone() {
        return checklist().done();
    }

    /** The notes, "" when there are none. */
    public String notes() {
        return item == null || item.notes() == null ? "" : item.notes();
    }

    /** How long the todo takes, in minutes; 0 without a length (and for a section's header). */
    public int lengthMinutes() {
        return item == null ? 0 : item.lengthMinutes();
    }

    /** 1 (highest) to 4, 0 for none. */
    public int priority() {
        return item == null ? 0 : item.priorityLevel();
    }

    /** The tags, in order. */
    public List<String> tags() {
        return item == null ? List.of() : item.tagList();
    }

    /**
     * "14:00–14:30" for a timed todo with a length, "14:00" without one, "" without a time: the language's
     * clock ({@link Formats#time}), as the due line, the calendar's blocks and its hour axis write it.
     */
    public String timeText() {
        LocalTime t = item == null ? null : item.timeOfDay();
        if (t == null) {
            return "";
        }
        int m = item.lengthMinutes();
        return Formats.time(t) + (m > 0 ? "–" + Formats.time(t.plusMinutes(m)) : "");
    }

    /** "every Monday", "" when it does not repeat. */
    public String repeatText() {
        return item == null || item.recurrence() == null ? "" : item.recurrence().describe();
    }

    public boolean hasReminder() {
        return item != null && item.reminderPending();
    }

    public String listId() {
        return item == null ? header.listId() : item.listId();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRow r && Objects.equals(r.item, item) && Objects.equals(r.header, header)
                && r.depth == depth && r.open == open && r.done == done && r.outlined == outlined;
    }

    @Override
    public int hashCode() {
        return Objects.hash(item, header, depth, open, done);
    }

    @Override
    public String toString() {
        return item != null ? "ItemRow[" + item + ", depth " + depth + "]" : "ItemRow[" + header + "]";
    }
}

package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.DueDates;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Items as the page sees them: a row for lists ({@link #row}) and everything for the editor
 * ({@link #full}). The editable fields are written exactly as an edit's {@code base} sends them back
 * ({@link #field}), so a stale page is told apart from a fresh one by comparing values.
 */
final class ItemJson {
    /** The fields an edit may set, with the names the page uses. */
    static final List<String> FIELDS = List.of("title", "due", "time", "lengthMinutes", "priority", "listId", "tags",
            "remindAt", "repeat", "notes", "start", "someday");

    private ItemJson() {
    }

    static Map<String, Object> row(Item it, Map<String, TodoList> lists, LocalDate today, Set<String> sharedLists) {
        LocalDate due = it.dueDate();
        TodoList list = it.listId() == null ? null : lists.get(it.listId());
        return obj(
                "id", it.id(),
                "title", it.titleOrEmpty(),
                "listId", list == null ? null : list.id(),
                "listName", list == null ? Messages.text("server.view.inbox") : list.name(),
                "due", due == null ? null : due.toString(),
                "dueLabel", due == null ? "" : DueDates.format(due, it.timeOfDay(), it.lengthMinutes(), today),
                "time", field(it, "time"),
                // Under a day's heading the day goes without saying: "14:30 · 45 min".
                "timeLabel", DueDates.timeAndLength(due == null ? null : it.timeOfDay(), it.lengthMinutes()),
                "lengthMinutes", field(it, "lengthMinutes"),
                "overdue", due != null && !it.isDone() && due.isBefore(today),
                "dueToday", today.equals(due),
                "priority", it.priorityLevel() == 0 ? null : it.priorityLevel(),
                "tags", it.tagList(),
                "done", it.isDone(),
                "note", it.isNote(),
                "repeat", field(it, "repeat"),
                "remindAt", it.reminderPending() ? it.remindAt() : null,
                "hasNotes", it.hasNotes(),
                "context", it.context() == null ? null : (it.hasParent() ? "in " : "") + it.context(),
                "start", field(it, "start"),
                "startLabel", it.startDate() == null || it.startDate().isBefore(today.plusDays(1)) ? null
                        : "starts " + DueDates.format(it.startDate(), today),
                "someday", it.isSomeday(),
                "trashed", it.isTrashed(),
                "shared", list != null && sharedLists.contains(list.id()));
    }

    /**
     * Everything the editor shows, with the item's attached files ({@code attachments}, oldest first),
     * whether or not the note links them; the note's references are looked up in {@code store}.
     */
    static Map<String, Object> full(Item it, Map<String, TodoList> lists, LocalDate today, Set<String> sharedLists,
                                    AttachmentStore store, Language language) {
        Map<String, Object> m = row(it, lists, today, sharedLists);
        m.put("remindAt", it.remindAt());
        m.put("notes", it.notes() == null ? "" : it.notes());
        List<Attachment> files = store.of(it.id());
        Map<String, Attachment> own = new HashMap<>();
        files.forEach(a -> own.put(a.id(), a));
        // A note may show a file of another item (text copied over): looked up by id, as the desktop does.
        m.put("notesHtml", NoteHtml.render(it.notes(),
                id -> own.containsKey(id) ? Optional.of(own.get(id)) : store.get(id), language));
        List<Object> out = new ArrayList<>();
        files.forEach(a -> out.add(AttachmentJson.of(a)));
        m.put("attachments", out);
        return m;
    }

    /** One editable field's value as the page holds it. */
    static Object field(Item it, String name) {
        return switch (name) {
            case "title" -> it.titleOrEmpty();
            case "due" -> it.dueDate() == null ? null : it.dueDate().toString();
            case "time" -> it.timeOfDay() == null ? null : Item.TIME.format(it.timeOfDay());
            case "lengthMinutes" -> it.lengthMinutes() == 0 ? null : (long) it.lengthMinutes();
            case "priority" -> it.priorityLevel() == 0 ? null : (long) it.priorityLevel();
            case "listId" -> it.listId();
            case "tags" -> it.tagList();
            case "remindAt" -> it.remindAt();
            case "repeat" -> {
                Recurrence r = it.recurrence();
                yield r == null ? null : r.describe();
            }
            case "notes" -> it.notes() == null ? "" : it.notes();
            case "start" -> it.startDate() == null ? null : it.startDate().toString();
            case "someday" -> it.isSomeday();
            default -> throw new BadRequest("server.field.unknown", name);
        };
    }
}

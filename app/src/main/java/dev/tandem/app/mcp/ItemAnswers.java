package dev.tandem.app.mcp;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Items as a tool answers them: plain JSON values, titles and notes cut to a bound with a marker saying so, so one
 * answer stays small whatever was typed or synced. Every text here is the user's data; the tools' descriptions tell
 * the assistant never to take it as instructions.
 */
final class ItemAnswers {
    /** The most of a title an answer holds. */
    static final int TITLE_CHARS = 2_000;
    /** The most of a note {@code show_item} holds; a note in a list of todos is left out (hasNotes says there is one). */
    static final int NOTE_CHARS = 20_000;
    /** Ends a text that was cut: the client sees it is not the whole. */
    static final String CUT = " […cut]";

    private final TodoStore store;
    private final Map<String, String> listNames = new HashMap<>();

    ItemAnswers(TodoStore store) {
        this.store = store;
    }

    /** The item's fields, without its notes. */
    Map<String, Object> brief(Item it) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", it.id());
        m.put("title", cut(it.titleOrEmpty(), TITLE_CHARS));
        m.put("kind", it.isNote() ? "note" : "todo");
        m.put("done", it.isDone());
        m.put("list", it.listId() == null ? null : listName(it.listId()));
        m.put("listId", it.listId());
        m.put("due", it.dueDate() == null ? null : it.dueDate().toString());
        m.put("time", it.timeOfDay() == null ? null : it.timeOfDay().toString());
        m.put("start", it.startDate() == null ? null : it.startDate().toString());
        m.put("priority", it.priorityLevel() == 0 ? null : it.priorityLevel());
        m.put("tags", it.tagList());
        m.put("repeat", it.repeat());
        m.put("parentId", it.parentId());
        m.put("hasNotes", it.hasNotes());
        return m;
    }

    /** The item's fields and its notes, cut at {@link #NOTE_CHARS}. */
    Map<String, Object> full(Item it) {
        Map<String, Object> m = brief(it);
        String notes = it.notes() == null ? "" : it.notes();
        m.put("notes", cut(notes, NOTE_CHARS));
        m.put("notesCut", notes.length() > NOTE_CHARS);
        m.put("notesLength", notes.length());
        return m;
    }

    /** {@code s} at most {@code max} characters, ending in {@link #CUT} when it was longer. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + CUT;
    }

    private String listName(String id) {
        return listNames.computeIfAbsent(id, k -> store.list(k).map(TodoList::name).map(n -> cut(n, TITLE_CHARS))
                .orElse(null));
    }

    Optional<String> listNameOf(String id) {
        return Optional.ofNullable(id == null ? null : listName(id));
    }
}

package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.transfer.StableIds;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How tasks and todos find each other. A task is known by its task id: a todo's id, or for a
 * repeating todo its series' id, since one VTODO stands for the whole series. The UID of a VTODO
 * Tandem writes is that task id; a task that came from elsewhere gets the task id its UID derives
 * (as an .ics import of the same task does), so every device that reads it makes the same todo, and
 * none makes a twin.
 *
 * <p>One done occurrence of a series may have an object of its own: todoman and python3-caldav
 * complete a repeating task by splitting it (a completed object beside the one that carries the
 * series on). That object is known by {@link #ofOccurrence} of the occurrence's id, and its todo is
 * left out of the series' task id, so each object stands for exactly one todo.
 */
final class TaskIds {
    private static final Comparator<Item> OPEN_FIRST = Comparator.comparing(Item::isDone)
            .thenComparing(it -> it.isDone() ? "" : String.valueOf(it.due()))
            .thenComparing(Comparator.comparing((Item it) -> it.doneAt() == null ? 0L : it.doneAt()).reversed())
            .thenComparing(Item::id);

    private TaskIds() {
    }

    static String fromUid(String uid) {
        return StableIds.of("ics", "uid", uid);
    }

    static String of(Item it) {
        return it.seriesId() != null ? it.seriesId() : it.id();
    }

    private static final String OCCURRENCE = "occurrence:";

    /** The task id of the object that one done occurrence of a series has to itself. */
    static String ofOccurrence(String itemId) {
        return OCCURRENCE + itemId;
    }

    static boolean isOccurrence(String taskId) {
        return taskId.startsWith(OCCURRENCE);
    }

    /**
     * The todo standing for {@code taskId}: itself, or its series' open occurrence due first, else the
     * one done last.
     */
    static Item current(TodoStore store, String taskId) {
        if (isOccurrence(taskId)) {
            return store.get(taskId.substring(OCCURRENCE.length())).orElse(null);
        }
        List<Item> rows = store.series().rows(taskId);
        return rows.stream().filter(it -> !it.isTrashed()).min(OPEN_FIRST)
                .orElseGet(() -> rows.stream().min(OPEN_FIRST).orElse(null));
    }

    /**
     * Per task id, the todo a task of list {@code listId} ("" the Inbox) stands for; notes and the Trash
     * left out. A done occurrence whose task id is in {@code occurrenceIds} stands for itself.
     */
    static Map<String, Item> representatives(TodoStore store, String listId, Set<String> occurrenceIds) {
        List<Item> rows = new OutlineStore(store).inList(listId).stream().filter(it -> !it.isNote()).toList();
        Map<String, Item> byTaskId = new LinkedHashMap<>();
        for (Item it : rows) {
            String own = ofOccurrence(it.id());
            byTaskId.merge(occurrenceIds.contains(own) ? own : of(it), it,
                    (a, b) -> OPEN_FIRST.compare(a, b) <= 0 ? a : b);
        }
        return byTaskId;
    }
}

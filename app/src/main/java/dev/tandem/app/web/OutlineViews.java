package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ListOutline;
import dev.tandem.app.model.Outline;
import dev.tandem.app.model.TodoStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list (or the Inbox) as the page shows it, in the list's own order as the desktop does ({@link ListOutline}):
 * the todos outside any section, then each section's todos, each todo followed by its subtasks. The answer is the
 * outline's first {@code limit} todos as rows, each with where it sits ({@code depth}; {@code parent}, the todo it
 * is shown under; {@code section}, the section it is shown in; {@code parentId} and {@code sectionId} as its row
 * holds them, which a move's base carries back), how many open and completed subtasks it has, and whether it is
 * folded on the devices; and every section of the list in order, with its count. Nothing is left out for being
 * folded: the page folds.
 */
final class OutlineViews {
    private final TodoStore store;

    OutlineViews(TodoStore store) {
        this.store = store;
    }

    /** The view {@code key} ({@code inbox} or {@code list:ID}) of list {@code listId} (null: the Inbox). */
    Map<String, Object> items(String key, String listId, String title, int limit, Function<Item, Map<String, Object>> row) {
        ListOutline.Read read = ListOutline.read(store, listId);
        List<String> shownIds = new ArrayList<>();
        for (Outline.Line line : read.lines()) {
            if (!line.isSection() && shownIds.size() < limit) {
                shownIds.add(line.item().id());
            }
        }
        Map<String, Item> whole = ListOutline.rows(store, shownIds);
        List<Object> rows = new ArrayList<>();
        List<Object> sections = new ArrayList<>();
        // The todo shown at each depth so far: a line's parent is the one at the depth above it.
        String[] shownAt = new String[Outline.MAX_DEPTH + 1];
        int total = 0;
        for (Outline.Line line : read.lines()) {
            if (line.isSection()) {
                sections.add(obj("id", line.section().id(), "name", line.section().name(), "count", line.open(),
                        "folded", read.folded().contains(line.key())));
                continue;
            }
            total++;
            Item it = line.item();
            shownAt[line.depth()] = it.id();
            if (rows.size() >= limit) {
                continue;
            }
            // Read whole apart from the order; gone meanwhile (a commit in between), it is left out.
            it = whole.get(it.id());
            if (it == null) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>(row.apply(it));
            // Where it sits says what "in Parent project" or a section's name would: no context.
            r.put("context", null);
            r.put("depth", line.depth());
            r.put("parent", line.depth() == 0 ? null : shownAt[line.depth() - 1]);
            r.put("section", line.section() == null ? null : line.section().id());
            r.put("parentId", it.parentId());
            r.put("sectionId", it.sectionId());
            r.put("subtasks", line.open());
            r.put("doneSubtasks", line.done());
            r.put("folded", read.folded().contains(it.id()));
            rows.add(r);
        }
        return obj("view", key, "title", title, "total", total, "items", rows, "sections", sections, "outline", true);
    }
}

package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.Item;


import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.ListOutline;
import dev.tandem.app.model.outline.Outline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
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
        Shown shown = shown(read, limit, (i, id) -> true, false, row);
        return obj("view", key, "title", title, "total", shown.total, "items", shown.rows, "sections", shown.sections,
                "outline", true);
    }

    /**
     * The patch of the view's first {@code limit} rows after a change of {@code ids} ({@link RowPatches}): their
     * rows and the tail's, each with its {@code index}, the ids not among them ({@code gone}), and every section.
     * In an outline a row's place moves its subtasks and changes its parent's counts, so the rows patched are
     * those named, every todo under one of them, and the todo each is shown under ({@link #touched}); the page
     * sends the ones it shows under and over them too, so what it removes is among what is asked. When these are
     * more than {@link RowPatches#MAX_IDS} the answer is {@code full: true}: the page fetches the view whole.
     */
    Map<String, Object> patch(String key, String listId, int limit, Set<String> ids, Function<Item, Map<String, Object>> row) {
        ListOutline.Read read = ListOutline.read(store, listId);
        Set<String> wanted = touched(read, ids);
        if (wanted == null) {
            return obj("view", key, "full", true, "outline", true);
        }
        int todos = (int) read.lines().stream().filter(l -> !l.isSection()).count();
        int n = Math.min(limit, todos);
        int from = n - RowPatches.tail(wanted.size(), n);
        Shown shown = shown(read, limit, (i, id) -> i >= from || wanted.contains(id), true, row);
        Set<String> gone = new LinkedHashSet<>(ids);
        shown.rows.forEach(r -> gone.remove(((Map<?, ?>) r).get("id")));
        return obj("view", key, "total", shown.total, "rows", shown.rows, "gone", List.copyOf(gone),
                "sections", shown.sections, "outline", true);
    }

    /**
     * The ids named, the todos under any of them and the todo each named one is shown under, in one pass over the
     * outline (whose depth {@link ListOutline} bounds, cycles cut); null past {@link RowPatches#MAX_IDS}.
     */
    static Set<String> touched(ListOutline.Read read, Set<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        String[] shownAt = new String[Outline.MAX_DEPTH + 1];
        // The depth of the named todo whose subtasks the lines now are under, or -1.
        int under = -1;
        for (Outline.Line line : read.lines()) {
            if (line.isSection()) {
                under = -1;
                continue;
            }
            int depth = line.depth();
            String id = line.item().id();
            shownAt[depth] = id;
            if (under >= 0 && depth <= under) {
                under = -1;
            }
            if (under >= 0) {
                wanted.add(id);
            } else if (ids.contains(id)) {
                under = depth;
                if (depth > 0) {
                    wanted.add(shownAt[depth - 1]);
                }
            }
            if (wanted.size() > RowPatches.MAX_IDS) {
                return null;
            }
        }
        return wanted;
    }

    private record Shown(int total, List<Object> rows, List<Object> sections) {
    }

    /** The rows among the first {@code limit} that {@code wanted} (index, id) picks, and every section. */
    private Shown shown(ListOutline.Read read, int limit, BiPredicate<Integer, String> wanted, boolean indexed,
            Function<Item, Map<String, Object>> row) {
        List<String> shownIds = new ArrayList<>();
        int index = 0;
        for (Outline.Line line : read.lines()) {
            if (!line.isSection() && index < limit) {
                if (wanted.test(index, line.item().id())) {
                    shownIds.add(line.item().id());
                }
                index++;
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
            int at = total++;
            Item it = line.item();
            shownAt[line.depth()] = it.id();
            if (at >= limit || !wanted.test(at, it.id())) {
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
            if (indexed) {
                r.put("index", at);
            }
            rows.add(r);
        }
        return new Shown(total, rows, sections);
    }
}

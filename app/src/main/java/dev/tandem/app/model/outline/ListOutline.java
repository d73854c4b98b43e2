package dev.tandem.app.model.outline;

import dev.tandem.app.model.Count;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's (or the Inbox's) outline read once, for an answer that is made and sent rather than kept live (the web
 * companion's): the same todos, sections and order as {@link LiveOutline} keeps for the window, whatever is folded
 * there. The order is found from each todo's place alone (its list, parent, section, rank, age: a few columns), and
 * only the todos a caller shows are read whole ({@link #rows}), so a list of 10,000 todos of which a page shows 200
 * costs a light read of 10,000 places and 200 rows, not 10,000 rows with their tags.
 */
public final class ListOutline {
    /** The lines, every todo shown (folds are the reader's to apply), and which todos and sections are folded. */
    public record Read(List<Outline.Line> lines, Set<String> folded) {
    }

    private ListOutline() {
    }

    /** What the order needs of a todo: where it sits, and whether its subtasks are folded. */
    private static final String PLACE_COLUMNS = "id, listId, parentId, sectionId, rank, createdAt, collapsed";
    /** Rows read by id in one query at most: well under SQLite's bound on a statement's parameters. */
    private static final int ROWS_AT_ONCE = 500;

    /**
     * The outline of {@code listId} (null: the Inbox): the lines as {@link Outline#of} makes them with nothing
     * folded, and the ids of the todos and sections folded on the devices (their {@code collapsed}). A line's todo
     * holds its place only (id, list, parent, section, rank, age): {@link #rows} reads those shown whole.
     */
    public static Read read(TodoStore store, String listId) {
        String tree = LiveOutline.tree(listId);
        Object[] params = LiveOutline.rootParams(listId);
        List<Item> items = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (Item i : store.db().query(Item.class, tree + "SELECT " + PLACE_COLUMNS
                + " FROM items WHERE id IN (SELECT id FROM tree)", params)) {
            if (i.isCollapsed()) {
                folded.add(i.id());
            }
            items.add(i.withCollapsed(false));
        }
        Map<String, Integer> done = new HashMap<>();
        for (Count c : store.db().query(Count.class, tree + LiveOutline.DONE_UNDER_TREE, params)) {
            done.put(c.id(), (int) c.count());
        }
        List<Section> sections = new ArrayList<>();
        if (listId != null) {
            for (Section s : store.db().query(Section.class, "SELECT * FROM sections WHERE listId = ?", listId)) {
                if (s.isCollapsed()) {
                    folded.add(Outline.SECTION_KEY + s.id());
                }
                sections.add(s.withCollapsed(false));
            }
        }
        return new Read(Outline.of(items, sections, done), Set.copyOf(folded));
    }

    /** The todos {@code ids} whole, with their tags, by id; one gone meanwhile is left out. */
    public static Map<String, Item> rows(TodoStore store, List<String> ids) {
        Map<String, Item> out = new HashMap<>(Math.max(16, ids.size() * 2));
        for (int from = 0; from < ids.size(); from += ROWS_AT_ONCE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_AT_ONCE));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            for (Item i : store.db().query(Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE id IN ("
                    + marks + ")", chunk.toArray())) {
                out.put(i.id(), i);
            }
        }
        return out;
    }
}

package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's (or the Inbox's) outline read once, for an answer that is made and sent rather than kept live (the web
 * companion's): the same todos, sections and order as {@link LiveOutline} keeps for the window, whatever is folded
 * there. Reading a list of 10,000 todos costs the same few queries as the window's first load.
 */
public final class ListOutline {
    /** The lines, every todo shown (folds are the reader's to apply), and which todos and sections are folded. */
    public record Read(List<Outline.Line> lines, Set<String> folded) {
    }

    private ListOutline() {
    }

    /**
     * The outline of {@code listId} (null: the Inbox): the lines as {@link Outline#of} makes them with nothing
     * folded, and the ids of the todos and sections folded on the devices (their {@code collapsed}).
     */
    public static Read read(TodoStore store, String listId) {
        String tree = LiveOutline.tree(listId);
        Object[] params = LiveOutline.rootParams(listId);
        List<Item> items = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        for (Item i : store.db().query(Item.class, tree + "SELECT " + Queries.ITEM_COLUMNS
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
}

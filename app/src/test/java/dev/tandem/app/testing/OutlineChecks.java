package dev.tandem.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.Outline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What devices that have all synced must agree on about their trees: the same rows and the same outline of
 * each list; no todo under itself; no live todo under a deleted one or in another list than its parent;
 * every todo ever made still there; every live todo in exactly one outline.
 */
public final class OutlineChecks {
    private OutlineChecks() {
    }

    public static void converged(List<TodoStore> devices, Set<String> made, List<String> lists) {
        Map<String, String> firstRows = null;
        List<List<String>> firstOutlines = null;
        for (TodoStore d : devices) {
            Map<String, String> rows = new TreeMap<>();
            Map<String, Item> byId = new HashMap<>();
            for (Item i : d.allItems()) {
                rows.put(i.id(), i.title() + "|" + i.listId() + "|" + i.parentId() + "|" + i.sectionId() + "|" + i.rank()
                        + "|" + (i.trashedAt() != null) + "|" + i.done());
                byId.put(i.id(), i);
            }
            assertTrue(byId.keySet().containsAll(made), "a todo was lost");
            for (Item i : byId.values()) {
                if (i.isTrashed() || !i.hasParent()) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                Item at = i;
                while (at != null && at.hasParent()) {
                    assertTrue(seen.add(at.id()), "a cycle through " + at.title());
                    at = byId.get(at.parentId());
                }
                Item parent = byId.get(i.parentId());
                assertTrue(parent != null && !parent.isTrashed(), i.title() + " is under a deleted parent");
                assertEquals(parent.listId(), i.listId(), i.title() + " is not in its parent's list");
            }
            List<List<String>> outlines = new ArrayList<>();
            Set<String> shown = new HashSet<>();
            for (String list : lists) {
                List<Item> mine = byId.values().stream().filter(i -> !i.isTrashed() && !i.isDone()
                        && list.equals(i.listId())).map(i -> i.withCollapsed(false)).toList();
                List<Section> sections = d.writeAll(tx -> tx.query(Section.class, "SELECT * FROM sections WHERE listId = ?", list))
                        .stream().map(s -> s.withCollapsed(false)).toList();
                List<String> lines = new ArrayList<>();
                for (Outline.Line l : Outline.of(mine, sections, Map.of())) {
                    lines.add(l.depth() + " " + l.key());
                    if (!l.isSection()) {
                        assertTrue(shown.add(l.item().id()), l.item().title() + " shows twice");
                    }
                }
                outlines.add(lines);
            }
            long open = byId.values().stream().filter(i -> !i.isTrashed() && !i.isDone() && lists.contains(i.listId()))
                    .count();
            assertEquals(open, shown.size(), "a todo shows in no outline");
            if (firstRows == null) {
                firstRows = rows;
                firstOutlines = outlines;
            } else {
                assertEquals(firstRows, rows, "the devices hold different rows");
                assertEquals(firstOutlines, outlines, "the devices show different outlines");
            }
        }
    }
}

package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's todos as a tree, flattened into the lines the item list shows: the todos outside any section,
 * then each section's header and its todos, each todo followed by its subtasks, deeper by one level.
 *
 * <p>Invariants, whatever sync merged: every todo given appears exactly once (unless folded away under a
 * collapsed parent or section), and the result is the same on every device holding the same rows. A todo
 * whose parent is not among the rows (completed, trashed, in another list, not arrived yet) is shown at the
 * top level; a cycle that two devices' concurrent moves made (A under B here, B under A there) is broken at
 * its member with the smallest id, which is shown at the top level with the rest of the cycle under it.
 * {@code TreeRepair} writes the same repairs, so the rows themselves converge too. Siblings are in
 * {@link #SIBLINGS} order.
 */
public final class Outline {
    private Outline() {
    }

    /**
     * One line: a todo ({@code item} set) at {@code depth} with its subtasks counted ({@code open} shown here,
     * {@code done} completed), or a section's header ({@code item} null, {@code open} its todos).
     */
    public record Line(Item item, Section section, int depth, int open, int done) {
        public boolean isSection() {
            return item == null;
        }

        /** The key of the line in the item list: the todo's id, or "section:" and the section's. */
        public String key() {
            return item != null ? item.id() : SECTION_KEY + section.id();
        }
    }

    /** How a section's line key starts. */
    public static final String SECTION_KEY = "section:";

    /** Siblings: ranked first by rank, the unranked (made before ranks, or by another program) before them by age. */
    public static final Comparator<Item> SIBLINGS = Comparator.<Item, String>comparing(Item::rank,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Order.CREATED);

    static final Comparator<Section> SECTIONS = Comparator.comparing(Section::rank,
            Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Section::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Section::id);

    /**
     * The lines for {@code items} (the view's todos) in {@code sections} (its list's), with
     * {@code doneByParent} the completed subtasks of each todo.
     */
    public static List<Line> of(Collection<Item> items, Collection<Section> sections, Map<String, Integer> doneByParent) {
        Map<String, Item> byId = new HashMap<>(items.size() * 2);
        items.forEach(i -> byId.put(i.id(), i));
        Set<String> roots = cycleBreaks(byId);
        Map<String, List<Item>> children = new HashMap<>();
        Map<String, List<Item>> topBySection = new HashMap<>();
        Map<String, Section> sectionById = new HashMap<>();
        sections.forEach(s -> sectionById.put(s.id(), s));
        for (Item i : items) {
            if (i.hasParent() && byId.containsKey(i.parentId()) && !roots.contains(i.id())) {
                children.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
            } else {
                String s = i.sectionId() != null && sectionById.containsKey(i.sectionId()) ? i.sectionId() : "";
                topBySection.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
        }
        children.values().forEach(l -> l.sort(SIBLINGS));
        topBySection.values().forEach(l -> l.sort(SIBLINGS));
        List<Line> out = new ArrayList<>(items.size() + sections.size());
        emit(topBySection.getOrDefault("", List.of()), null, 0, children, doneByParent, out);
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(SECTIONS);
        for (Section s : ordered) {
            List<Item> top = topBySection.getOrDefault(s.id(), List.of());
            out.add(new Line(null, s, 0, top.size(), 0));
            if (!s.isCollapsed()) {
                emit(top, s, 0, children, doneByParent, out);
            }
        }
        return out;
    }

    private static void emit(List<Item> level, Section section, int depth, Map<String, List<Item>> children,
            Map<String, Integer> done, List<Line> out) {
        for (Item i : level) {
            List<Item> kids = children.getOrDefault(i.id(), List.of());
            out.add(new Line(i, section, depth, kids.size(), done.getOrDefault(i.id(), 0)));
            if (!i.isCollapsed()) {
                emit(kids, section, depth + 1, children, done, out);
            }
        }
    }

    /**
     * The todos that are shown at the top level although their parent is among the rows: in each cycle of
     * parents, the member with the smallest id. Walks each chain once (colouring), so it costs O(n).
     */
    static Set<String> cycleBreaks(Map<String, Item> byId) {
        Set<String> breaks = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(byId.size() * 2); // 1: on the current walk, 2: done
        for (String start : byId.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            List<String> walk = new ArrayList<>();
            String at = start;
            while (at != null && byId.containsKey(at) && !state.containsKey(at)) {
                state.put(at, 1);
                walk.add(at);
                Item it = byId.get(at);
                at = it.hasParent() ? it.parentId() : null;
            }
            if (at != null && state.get(at) != null && state.get(at) == 1) {
                // The walk came back to itself: the cycle is the walk from 'at' on.
                String smallest = at;
                for (int k = walk.indexOf(at); k < walk.size(); k++) {
                    if (walk.get(k).compareTo(smallest) < 0) {
                        smallest = walk.get(k);
                    }
                }
                breaks.add(smallest);
            }
            walk.forEach(id -> state.put(id, 2));
        }
        return breaks;
    }
}

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
    public static final Comparator<Item> SIBLINGS = Outline::compareSiblings;

    static final Comparator<Section> SECTIONS = Comparator.comparing(Section::rank,
            Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Section::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Section::id);

    /**
     * {@code rank, createdAt, id}, nulls first, as {@code Order.CREATED} after the rank: written out rather than
     * composed from key extractors, as a list of 10,000 todos is sorted on every change.
     */
    private static int compareSiblings(Item a, Item b) {
        int c = nullsFirst(a.rank(), b.rank());
        if (c != 0) {
            return c;
        }
        c = nullsFirst(a.createdAt(), b.createdAt());
        return c != 0 ? c : nullsFirst(a.id(), b.id());
    }

    private static <V extends Comparable<? super V>> int nullsFirst(V a, V b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /**
     * The lines for {@code items} (the view's todos) in {@code sections} (its list's), with
     * {@code doneByParent} the completed subtasks of each todo.
     */
    public static List<Line> of(Collection<Item> items, Collection<Section> sections, Map<String, Integer> doneByParent) {
        Map<String, Item> byId = new HashMap<>(capacity(items.size()));
        items.forEach(i -> byId.put(i.id(), i));
        return of(items, byId, sections, doneByParent);
    }

    private static List<Line> of(Collection<Item> items, Map<String, Item> byId, Collection<Section> sections,
            Map<String, Integer> doneByParent) {
        // Looking for cycles first would cost as much as the flattening: flatten, and only when some todo was not
        // reached from the top (it is in a cycle, or under one) break the cycles and flatten again.
        List<Line> out = flatten(items, byId, null, sections, doneByParent);
        return out != null ? out : flatten(items, byId, cycleBreaks(byId), sections, doneByParent);
    }

    /**
     * The lines, with {@code breaks} shown at the top level; with none ({@code null}), null when some todo was not
     * reached.
     */
    private static List<Line> flatten(Collection<Item> items, Map<String, Item> byId, Set<String> breaks,
            Collection<Section> sections, Map<String, Integer> doneByParent) {
        Set<String> roots = breaks == null ? Set.of() : breaks;
        // Most todos of a long list are subtasks: a map sized for all of them never grows while it fills.
        Map<String, List<Item>> children = new HashMap<>(capacity(items.size()));
        Map<String, List<Item>> topBySection = new HashMap<>(capacity(sections.size() + 1));
        Map<String, Section> sectionById = new HashMap<>(capacity(sections.size()));
        sections.forEach(s -> sectionById.put(s.id(), s));
        List<Item> unsectioned = new ArrayList<>();
        topBySection.put("", unsectioned);
        for (Item i : items) {
            if (i.hasParent() && byId.containsKey(i.parentId()) && !roots.contains(i.id())) {
                List<Item> kids = children.get(i.parentId());
                if (kids == null) {
                    kids = new ArrayList<>(4);
                    children.put(i.parentId(), kids);
                }
                kids.add(i);
            } else if (i.sectionId() == null || !sectionById.containsKey(i.sectionId())) {
                unsectioned.add(i);
            } else {
                topBySection.computeIfAbsent(i.sectionId(), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Item> l : children.values()) {
            if (l.size() > 1) {
                l.sort(SIBLINGS);
            }
        }
        topBySection.values().forEach(l -> l.sort(SIBLINGS));
        List<Line> out = new ArrayList<>(items.size() + sections.size());
        int reached = emit(unsectioned, null, 0, children, doneByParent, out);
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(SECTIONS);
        for (Section s : ordered) {
            List<Item> top = topBySection.getOrDefault(s.id(), List.of());
            out.add(new Line(null, s, 0, top.size(), 0));
            reached += s.isCollapsed() ? count(top, children) : emit(top, s, 0, children, doneByParent, out);
        }
        return reached == items.size() || breaks != null ? out : null;
    }

    private static int capacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    /** Adds the lines of {@code level} and what is shown under it; returns how many todos it passed, folded too. */
    private static int emit(List<Item> level, Section section, int depth, Map<String, List<Item>> children,
            Map<String, Integer> done, List<Line> out) {
        int n = level.size();
        for (Item i : level) {
            List<Item> kids = children.get(i.id());
            int open = kids == null ? 0 : kids.size();
            Integer d = done.isEmpty() ? null : done.get(i.id());
            out.add(new Line(i, section, depth, open, d == null ? 0 : d));
            if (kids != null) {
                n += i.isCollapsed() ? count(kids, children) : emit(kids, section, depth + 1, children, done, out);
            }
        }
        return n;
    }

    /** How many todos {@code level} and everything under it hold. */
    private static int count(List<Item> level, Map<String, List<Item>> children) {
        int n = level.size();
        for (Item i : level) {
            List<Item> kids = children.get(i.id());
            if (kids != null) {
                n += count(kids, children);
            }
        }
        return n;
    }

    /**
     * The todos that are shown at the top level although their parent is among the rows: in each cycle of
     * parents, the member with the smallest id. Walks each chain once (colouring), so it costs O(n).
     */
    static Set<String> cycleBreaks(Map<String, Item> byId) {
        Set<String> breaks = new HashSet<>();
        // TRUE: on the current walk; FALSE: done. A todo whose parent is done (most, as a map's order is no tree's)
        // costs two lookups and no walk.
        Map<String, Boolean> onWalk = new HashMap<>(capacity(byId.size()));
        List<String> walk = new ArrayList<>();
        for (Item first : byId.values()) {
            String at = first.id();
            if (onWalk.containsKey(at)) {
                continue;
            }
            walk.clear();
            Boolean seen = null;
            while (at != null) {
                seen = onWalk.get(at);
                Item it = seen == null ? byId.get(at) : null;
                if (it == null) {
                    break;
                }
                onWalk.put(at, Boolean.TRUE);
                walk.add(at);
                at = it.hasParent() ? it.parentId() : null;
            }
            if (at != null && Boolean.TRUE.equals(seen)) {
                // The walk came back to itself: the cycle is the walk from 'at' on.
                String smallest = at;
                for (int k = walk.indexOf(at); k < walk.size(); k++) {
                    if (walk.get(k).compareTo(smallest) < 0) {
                        smallest = walk.get(k);
                    }
                }
                breaks.add(smallest);
            }
            for (String id : walk) {
                onWalk.put(id, Boolean.FALSE);
            }
        }
        return breaks;
    }
}

package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTree;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TreeDepth;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 * top level, and so is a todo whose parent names another list: a parent is never followed across a list's
 * edge, so a shared list's member cannot pull their todo under one of this person's private todos (or push
 * one of these under theirs). A cycle that two devices' concurrent moves made (A under B here, B under A
 * there) is broken at its member with the smallest id, which is shown at the top level with the rest of the
 * cycle under it ({@link ItemTree#cycleBreaks}). {@code TreeRepair} writes the same repairs, so the rows themselves converge too. Siblings
 * are in {@link #SIBLINGS} order.
 *
 * <p>Depth: a chain of subtasks deeper than {@link #MAX_DEPTH} (a member's batch or an import can write one
 * 20,000 deep) is shown flattened, every todo below that depth at {@link #MAX_DEPTH}; {@link #flattened} says
 * so, for the notice. Every walk here is a loop with its own stack, never a recursion, so no chain exhausts
 * the thread's stack.
 */
public final class Outline {
    private Outline() {
    }

    /**
     * One line: a todo ({@code item} set) at {@code depth} with its subtasks counted ({@code open} shown here,
     * {@code done} completed), or a section's header ({@code item} null, {@code open} its todos, subtasks too).
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

    /**
     * The deepest level shown (the top is 0): the deepest a todo may be put by an edit, an import or a move
     * ({@link TreeDepth#MAX_DEPTH}). Deeper chains (from sync) are shown at this level.
     */
    public static final int MAX_DEPTH = TreeDepth.MAX_DEPTH;

    /** Said with a list whose outline is {@link #flattened}. */
    public static String flattenedNotice() {
        return Messages.text("common.outline.flattened", String.valueOf(MAX_DEPTH));
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
        return out != null ? out : flatten(items, byId, ItemTree.cycleBreaks(byId), sections, doneByParent);
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
            if (ItemTree.parentHere(byId, i) != null && !roots.contains(i.id())) {
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
            // The header counts every todo in the section, subtasks too, as the list's count does: set once known.
            int header = out.size();
            out.add(null);
            int inSection = s.isCollapsed() ? count(top, children) : emit(top, s, 0, children, doneByParent, out);
            out.set(header, new Line(null, s, 0, inSection, 0));
            reached += inSection;
        }
        return reached == items.size() || breaks != null ? out : null;
    }

    private static int capacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    /**
     * Adds the lines of {@code level} and what is shown under it, depth first with a stack of its own (a chain
     * thousands deep is no recursion); returns how many todos it passed, folded too.
     */
    private static int emit(List<Item> level, Section section, int depth, Map<String, List<Item>> children,
            Map<String, Integer> done, List<Line> out) {
        int n = 0;
        Deque<Iterator<Item>> stack = new ArrayDeque<>();
        stack.push(level.iterator());
        while (!stack.isEmpty()) {
            Iterator<Item> at = stack.peek();
            if (!at.hasNext()) {
                stack.pop();
                continue;
            }
            Item i = at.next();
            n++;
            List<Item> kids = children.get(i.id());
            int open = kids == null ? 0 : kids.size();
            Integer d = done.isEmpty() ? null : done.get(i.id());
            out.add(new Line(i, section, Math.min(MAX_DEPTH, depth + stack.size() - 1), open, d == null ? 0 : d));
            if (kids != null) {
                if (i.isCollapsed()) {
                    n += count(kids, children);
                } else {
                    stack.push(kids.iterator());
                }
            }
        }
        return n;
    }

    /** How many todos {@code level} and everything under it hold. */
    private static int count(List<Item> level, Map<String, List<Item>> children) {
        int n = 0;
        Deque<Item> todo = new ArrayDeque<>(level);
        while (!todo.isEmpty()) {
            Item i = todo.pop();
            n++;
            List<Item> kids = children.get(i.id());
            if (kids != null) {
                kids.forEach(todo::push);
            }
        }
        return n;
    }

    /**
     * Whether some todo of {@code lines} lies deeper than {@link #MAX_DEPTH} and is shown flattened at that
     * level: the notice "Subtasks deeper than 32 levels are shown at level 32" goes with the list.
     */
    public static boolean flattened(List<Line> lines) {
        Set<String> atLimit = new HashSet<>();
        for (Line l : lines) {
            if (l.item() != null && l.depth() == MAX_DEPTH) {
                if (l.item().hasParent() && atLimit.contains(l.item().parentId())) {
                    return true;
                }
                atLimit.add(l.item().id());
            }
        }
        return false;
    }
}

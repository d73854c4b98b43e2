package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The todos of a live outline kept as a tree between changes, so that a change costs its rows (each put in its
 * place among its siblings by binary search) and the flattening a walk of the tree, with no map built, no
 * sorting and no lookup per todo. {@link #lines} gives what {@link Outline#of} gives for the same todos; when
 * some todo cannot be reached from the top (a cycle of parents), or hangs under a parent that names another
 * list, it hands over to {@link Outline#of}, which breaks cycles and stops at a list's edge.
 */
final class OutlineTree {
    /** A todo with its subtasks here, in {@link Outline#SIBLINGS} order. */
    private static final class Node {
        final Item item;
        final List<Node> kids;

        Node(Item item, List<Node> kids) {
            this.item = item;
            this.kids = kids;
        }
    }

    private static final Comparator<Node> ORDER = (a, b) -> Outline.SIBLINGS.compare(a.item, b.item);

    private final Map<String, Node> nodes = new HashMap<>();
    /** Todos without a parent, in order. */
    private final List<Node> top = new ArrayList<>();
    /** Subtasks of todos not here (completed, elsewhere, not arrived), by that parent's id: shown at the top. */
    private final Map<String, List<Node>> orphans = new HashMap<>();
    /**
     * How many todos here hang under a parent here that names another list: kept as todos are put and taken
     * out (each changes only its own edges), so a flattening needs no check per subtask to know it has none.
     */
    private int crossings;

    void clear() {
        nodes.clear();
        top.clear();
        orphans.clear();
        crossings = 0;
    }

    /** How many todos here hang under a parent here that names another list (what {@link #lines} keeps). */
    int crossings() {
        return crossings;
    }

    boolean containsKey(String id) {
        return nodes.containsKey(id);
    }

    /** The todo with {@code id} here, or null. */
    Item get(String id) {
        Node n = nodes.get(id);
        return n == null ? null : n.item;
    }

    /** Puts {@code item} in, in place of the todo with its id; its subtasks stay under it. */
    void put(Item item) {
        Node old = nodes.get(item.id());
        List<Node> kids;
        if (old != null) {
            detach(old);
            kids = old.kids;
            crossings -= crossingsUnder(old.item, kids);
        } else {
            kids = orphans.remove(item.id());
            if (kids == null) {
                kids = new ArrayList<>(2);
            }
        }
        Node n = new Node(item, kids);
        crossings += crossingsUnder(item, kids);
        nodes.put(item.id(), n);
        insert(siblingsOf(item, true), n);
        if (crosses(item)) {
            crossings++;
        }
    }

    /** Takes the todo with {@code id} out, returning it (null when it was not here); its subtasks wait for it. */
    Item remove(String id) {
        Node old = nodes.get(id);
        if (old == null) {
            return null;
        }
        // Detached while still here: a todo that names itself its parent is among its own subtasks.
        detach(old);
        nodes.remove(id);
        crossings -= crossingsUnder(old.item, old.kids);
        if (!old.kids.isEmpty()) {
            orphans.put(id, old.kids);
        }
        return old.item;
    }

    /** The outline's lines, as {@link Outline#of} makes them from these todos. */
    List<Outline.Line> lines(Collection<Section> sections, Map<String, Integer> done) {
        if (crossings > 0) {
            // A subtask names another list than its parent (the parent moved and it has not followed yet):
            // Outline.of shows it at the top, as a parent is never followed across a list's edge.
            return outlineOf(sections, done);
        }
        List<Node> roots = top;
        if (!orphans.isEmpty()) {
            roots = new ArrayList<>(top);
            orphans.values().forEach(roots::addAll);
            roots.sort(ORDER);
        }
        Map<String, List<Node>> bySection = new HashMap<>();
        List<Node> unsectioned = roots;
        if (!sections.isEmpty()) {
            for (Section s : sections) {
                bySection.put(s.id(), new ArrayList<>());
            }
            unsectioned = new ArrayList<>(roots.size());
            for (Node n : roots) {
                List<Node> in = n.item.sectionId() == null ? null : bySection.get(n.item.sectionId());
                (in == null ? unsectioned : in).add(n);
            }
        }
        List<Outline.Line> out = new ArrayList<>(nodes.size() + sections.size());
        int reached = emit(unsectioned, null, done, out);
        List<Section> ordered = new ArrayList<>(sections);
        ordered.sort(Outline.SECTIONS);
        for (Section s : ordered) {
            List<Node> level = bySection.get(s.id());
            int header = out.size();
            out.add(null);
            int r = s.isCollapsed() ? count(level) : emit(level, s, done, out);
            // Every todo in the section, subtasks too (Outline#of).
            out.set(header, new Outline.Line(null, s, 0, r, 0));
            reached += r;
        }
        if (reached != nodes.size()) {
            // Some todo is in a cycle of parents (or under one): Outline.of breaks cycles as every device does.
            return outlineOf(sections, done);
        }
        return out;
    }

    private List<Outline.Line> outlineOf(Collection<Section> sections, Map<String, Integer> done) {
        List<Item> all = new ArrayList<>(nodes.size());
        nodes.values().forEach(n -> all.add(n.item));
        return Outline.of(all, sections, done);
    }

    /**
     * Adds the lines of {@code level} and what is shown under it, depth first with a stack of its own (a chain
     * thousands deep is no recursion); returns how many todos it passed, folded too.
     */
    private static int emit(List<Node> level, Section section, Map<String, Integer> done, List<Outline.Line> out) {
        int n = 0;
        // levels.get(d) is the sibling list being walked at depth d, at[d] the next index in it.
        List<List<Node>> levels = new ArrayList<>();
        int[] at = new int[8];
        levels.add(level);
        int depth = 0;
        while (depth >= 0) {
            List<Node> siblings = levels.get(depth);
            int i = at[depth];
            if (i == siblings.size()) {
                levels.remove(depth--);
                continue;
            }
            at[depth] = i + 1;
            Node node = siblings.get(i);
            n++;
            Integer d = done.isEmpty() ? null : done.get(node.item.id());
            out.add(new Outline.Line(node.item, section, Math.min(Outline.MAX_DEPTH, depth), node.kids.size(),
                    d == null ? 0 : d));
            if (node.kids.isEmpty()) {
                continue;
            }
            if (node.item.isCollapsed()) {
                n += count(node.kids);
            } else {
                if (++depth == at.length) {
                    at = Arrays.copyOf(at, depth * 2);
                }
                at[depth] = 0;
                levels.add(node.kids);
            }
        }
        return n;
    }

    /** How many todos {@code level} and everything under it hold. */
    private static int count(List<Node> level) {
        int n = 0;
        Deque<Node> todo = new ArrayDeque<>(level);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            n++;
            node.kids.forEach(todo::push);
        }
        return n;
    }

    /** The todo {@code item} hangs under here: null when it has no parent or its parent is not here. */
    private Node parentOf(Item item) {
        return item.hasParent() ? nodes.get(item.parentId()) : null;
    }

    /** Whether {@code item} hangs under a parent here that names another list. */
    private boolean crosses(Item item) {
        Node parent = parentOf(item);
        return parent != null && !sameList(parent.item, item);
    }

    private static boolean sameList(Item a, Item b) {
        return Objects.equals(a.listId(), b.listId());
    }

    /** How many of {@code kids} name another list than {@code parent}. */
    private static int crossingsUnder(Item parent, List<Node> kids) {
        int n = 0;
        for (Node kid : kids) {
            if (!sameList(parent, kid.item)) {
                n++;
            }
        }
        return n;
    }

    /** The list {@code item} is (or is to be) among: its parent's subtasks, the orphans of that parent, or the top. */
    private List<Node> siblingsOf(Item item, boolean create) {
        if (!item.hasParent()) {
            return top;
        }
        Node parent = parentOf(item);
        if (parent != null) {
            return parent.kids;
        }
        return create ? orphans.computeIfAbsent(item.parentId(), k -> new ArrayList<>(2)) : orphans.get(item.parentId());
    }

    private static void insert(List<Node> list, Node n) {
        int at = Collections.binarySearch(list, n, ORDER);
        list.add(at < 0 ? -at - 1 : at, n);
    }

    private void detach(Node n) {
        List<Node> list = siblingsOf(n.item, false);
        if (list == null) {
            return;
        }
        int at = Collections.binarySearch(list, n, ORDER);
        if (at < 0 || list.get(at) != n) {
            at = list.indexOf(n); // never expected: the order is total and the item unchanged since it went in
        }
        if (at >= 0) {
            list.remove(at);
            if (crosses(n.item)) {
                crossings--;
            }
        }
        if (list.isEmpty() && n.item.hasParent() && !nodes.containsKey(n.item.parentId())) {
            orphans.remove(n.item.parentId());
        }
    }
}

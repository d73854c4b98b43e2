package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTree;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TreeDepth;
import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Moves in the outline: a todo under another, out, up, down, into a section or another list; sections and
 * lists in their own order. Every method blocks on the database (call it off the UI thread) and runs in one
 * transaction.
 *
 * <p>A move writes the moved todo's rank (and its parent or section when those change): one field change
 * per moved todo, never its siblings. Its siblings are only re-ranked when their keys leave no room, that
 * is when they have no rank yet (made before ranks, or by another program) or two of them share one (two
 * devices put todos in the same gap); then the whole sibling list gets keys once. Moving a todo to another
 * list also writes the list of each todo under it, as a subtask's list is its top todo's.
 */
public final class OutlineStore {
    private final Db db;

    public OutlineStore(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
    }

    /** What a move changed: each todo's placement before and after, for undo and redo. */
    public record Moved(List<Placement> before, List<Placement> after) {
        public boolean isEmpty() {
            return before.isEmpty();
        }
    }

    /**
     * Where to put a todo: in {@code listId} (null: the Inbox), under {@code parentId} (null: at the top,
     * in {@code sectionId} or none), before the sibling {@code beforeId} (null: after the last).
     */
    public record Target(String listId, String parentId, String sectionId, String beforeId) {
    }

    /** Moves {@code id} (and the todos under it) to {@code target}; empty when it is already there. */
    public Moved move(String id, Target target) {
        return db.transactionResult(tx -> move(tx, id, target));
    }

    /** Writes placements back (undo writes a move's before, redo its after). */
    public void place(List<Placement> placements) {
        db.transaction(tx -> placements.forEach(p -> tx.get(Item.class, p.id()).ifPresent(i -> {
            Item next = p.applyTo(i);
            if (!next.equals(i)) {
                tx.save(next);
            }
        })));
    }

    /** Under the sibling above it, after that one's subtasks; empty at the top of its siblings. */
    public Moved indent(String id) {
        return db.transactionResult(tx -> {
            Optional<Item> cur = tx.get(Item.class, id);
            if (cur.isEmpty()) {
                return none();
            }
            List<Item> sibs = siblings(tx, cur.get());
            int at = indexOf(sibs, id);
            if (at <= 0) {
                return none();
            }
            Item above = sibs.get(at - 1);
            return move(tx, id, new Target(above.listId(), above.id(), null, null));
        });
    }

    /** Out of its parent, right after it; empty for a top-level todo. */
    public Moved outdent(String id) {
        return db.transactionResult(tx -> {
            Item cur = tx.get(Item.class, id).orElse(null);
            // A parent in another list is none (Outline): outdenting never follows it across the list's edge.
            Item parent = cur == null || !cur.hasParent() ? null : tx.get(Item.class, cur.parentId())
                    .filter(p -> Objects.equals(p.listId(), cur.listId())).orElse(null);
            if (parent == null) {
                return cur != null && cur.hasParent() ? move(tx, id, new Target(cur.listId(), null, cur.sectionId(), null))
                        : none();
            }
            List<Item> sibs = siblings(tx, parent);
            int at = indexOf(sibs, parent.id());
            String before = at + 1 < sibs.size() ? sibs.get(at + 1).id() : null;
            // Beside the parent, under the parent's own parent only where that one is in the same list: a parent a
            // shared list's member named in a private list is none, and the todo goes to the top of its list.
            String grand = parent.hasParent() && tx.get(Item.class, parent.parentId())
                    .filter(g -> Objects.equals(g.listId(), parent.listId())).isPresent() ? parent.parentId() : null;
            return move(tx, id, new Target(parent.listId(), grand, grand == null ? parent.sectionId() : null, before));
        });
    }

    /** One place up ({@code -1}) or down ({@code 1}) among its siblings; empty at the end. */
    public Moved shift(String id, int direction) {
        return db.transactionResult(tx -> {
            Item cur = tx.get(Item.class, id).orElse(null);
            if (cur == null) {
                return none();
            }
            List<Item> sibs = siblings(tx, cur);
            int at = indexOf(sibs, id);
            int to = at + (direction < 0 ? -1 : 2);
            if (at < 0 || to < 0 || to > sibs.size() || (direction > 0 && at + 1 >= sibs.size())) {
                return none();
            }
            String before = to < sibs.size() ? sibs.get(to).id() : null;
            return move(tx, id, new Target(cur.listId(), cur.parentId(), cur.sectionId(), before));
        });
    }

    /** Folds a todo's subtasks away or shows them; returns whether it changed. */
    public boolean setCollapsed(String id, boolean collapsed) {
        return db.transactionResult(tx -> tx.get(Item.class, id).filter(i -> i.isCollapsed() != collapsed)
                .map(i -> tx.save(i.withCollapsed(collapsed)) != null).orElse(false));
    }

    /** The subtasks of {@code parentId} not in the Trash, done ones too, in their order. */
    public List<Item> children(String parentId) {
        return db.query(Item.class, "SELECT * FROM items WHERE parentId = ? AND trashedAt IS NULL ORDER BY rank, id",
                parentId);
    }

    /** The todos and notes of list {@code listId} ("" or null: the Inbox) not in the Trash, in no order. */
    public List<Item> inList(String listId) {
        return db.query(Item.class, "SELECT * FROM items WHERE coalesce(listId, '') = ? AND trashedAt IS NULL",
                listId == null ? "" : listId);
    }

    /** Whether {@code movedId} (null: a new todo) fits under {@code parentId} in the depth {@link TreeDepth} allows. */
    public boolean fits(String parentId, String movedId) {
        return TreeDepth.fits(db, parentId, movedId);
    }

    // ---------------------------------------------------------------- internals

    private Moved move(Tx tx, String id, Target target) {
        Item cur = tx.get(Item.class, id).orElse(null);
        if (cur == null) {
            return none();
        }
        Item parent = target.parentId() == null ? null : tx.get(Item.class, target.parentId()).orElse(null);
        if (target.parentId() != null && (parent == null || isUnder(tx, parent, id))) {
            throw new IllegalArgumentException("parentId: a todo cannot go under itself or its own subtasks");
        }
        if (parent != null) {
            TreeDepth.check(tx, parent, id);
        }
        String listId = parent != null ? parent.listId() : target.listId();
        String sectionId = parent != null ? null : target.sectionId();
        Item probe = cur.withListId(listId).withParentId(target.parentId()).withSectionId(sectionId);
        List<Item> sibs = new ArrayList<>(siblings(tx, probe));
        sibs.removeIf(s -> s.id().equals(id));
        Map<String, Placement> before = new LinkedHashMap<>();
        Map<String, Placement> after = new LinkedHashMap<>();
        int at = target.beforeId() == null ? sibs.size() : indexOf(sibs, target.beforeId());
        if (at < 0) {
            at = sibs.size();
        }
        if (!roomAround(sibs, at)) {
            // No key fits between the neighbours: give the whole sibling list keys, once.
            List<String> keys = Rank.after(null, sibs.size());
            for (int k = 0; k < sibs.size(); k++) {
                Item s = sibs.get(k);
                if (!keys.get(k).equals(s.rank())) {
                    record(tx, s, s.withRank(keys.get(k)), before, after);
                    sibs.set(k, s.withRank(keys.get(k)));
                }
            }
        }
        String lo = at == 0 ? null : sibs.get(at - 1).rank();
        String hi = at == sibs.size() ? null : sibs.get(at).rank();
        boolean samePlace = Objects.equals(cur.listId(), listId) && Objects.equals(cur.parentId(), target.parentId())
                && Objects.equals(cur.sectionId(), sectionId) && cur.rank() != null && Rank.isValid(cur.rank())
                && (lo == null || lo.compareTo(cur.rank()) < 0) && (hi == null || cur.rank().compareTo(hi) < 0);
        if (samePlace && before.isEmpty()) {
            return none();
        }
        String rank = samePlace ? cur.rank() : Rank.between(lo, hi);
        // Read before the move: they are the todos under it in the list it leaves.
        List<Item> under = Objects.equals(cur.listId(), listId) ? List.of() : ItemTree.descendants(tx, id);
        record(tx, cur, cur.withListId(listId).withParentId(target.parentId()).withSectionId(sectionId).withRank(rank),
                before, after);
        if (!under.isEmpty()) {
            for (Item d : under) {
                if (!Objects.equals(d.listId(), listId)) {
                    record(tx, d, d.withListId(listId), before, after);
                }
            }
        }
        return new Moved(List.copyOf(before.values()), List.copyOf(after.values()));
    }

    private static void record(Tx tx, Item was, Item now, Map<String, Placement> before, Map<String, Placement> after) {
        before.putIfAbsent(was.id(), Placement.of(was));
        after.put(now.id(), Placement.of(now));
        tx.save(now);
    }

    /** Whether the keys around position {@code at} are valid, distinct and in order, so one fits between. */
    private static boolean roomAround(List<Item> sibs, int at) {
        String lo = at == 0 ? null : sibs.get(at - 1).rank();
        String hi = at == sibs.size() ? null : sibs.get(at).rank();
        if ((at > 0 && (lo == null || !Rank.isValid(lo))) || (at < sibs.size() && (hi == null || !Rank.isValid(hi)))) {
            return false;
        }
        return lo == null || hi == null || lo.compareTo(hi) < 0;
    }

    /** Whether {@code item} is {@code id} or lies under it (walking up, stopping at a cycle). */
    private static boolean isUnder(Tx tx, Item item, String id) {
        Set<String> seen = new HashSet<>();
        Item at = item;
        while (at != null && seen.add(at.id())) {
            if (at.id().equals(id)) {
                return true;
            }
            at = at.hasParent() ? tx.get(Item.class, at.parentId()).orElse(null) : null;
        }
        return false;
    }

    /** The open siblings of {@code item} (itself included, if it is there) in outline order. */
    static List<Item> siblings(Tx tx, Item item) {
        List<Item> out;
        if (item.hasParent()) {
            out = tx.query(Item.class, "SELECT * FROM items WHERE parentId = ? AND listId IS ? AND " + Queries.LISTED,
                    item.parentId(), item.listId());
        } else if (item.listId() == null || tx.get(TodoList.class, item.listId()).isEmpty()) {
            out = tx.query(Item.class, "SELECT * FROM items WHERE parentId IS NULL AND " + Queries.LISTED + " AND "
                    + Queries.IN_INBOX);
        } else {
            out = tx.query(Item.class, "SELECT * FROM items WHERE listId = ? AND parentId IS NULL AND " + Queries.LISTED
                    + " AND coalesce(sectionId, '') = ?", item.listId(), item.sectionId() == null ? "" : item.sectionId());
        }
        List<Item> sorted = new ArrayList<>(out);
        sorted.sort(Outline.SIBLINGS);
        return sorted;
    }

    private static int indexOf(List<Item> items, String id) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    private static Moved none() {
        return new Moved(List.of(), List.of());
    }
}

package dev.tandem.app.model.outline;

import dev.tandem.app.model.Count;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Queries;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.ViewWork;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A list's (or the Inbox's) todos as a live {@link Outline}: loaded once, then kept by reading back only the
 * rows each commit changed, so a move in a list of 10,000 todos costs a few rows read and one flattening in
 * memory, not a query of the whole list. After the first whole outline the sink gets only what changed
 * ({@link OutlineSplice}), found here off the UI thread, so the item list touches only those rows.
 *
 * <p>Which todos belong: those of the list (or the Inbox) with no open parent, and every open todo under
 * them at any depth, whatever list its own row names (a subtask's list is its top todo's). Completed todos
 * are not lines; they are counted under their parent ({@link Outline.Line#done()}).
 *
 * <p>Ordering: loads and patches run on one serial executor, so the sink sees them in the order they were
 * computed; the listener is registered before the first load is queued, so no commit falls between. A commit
 * that wrote sections re-reads the list's sections; one that wrote lists (the Inbox depends on them), changed
 * more than {@value #PATCH_LIMIT} rows, or whose rows are unknown loads everything again. Ids are bound as
 * parameters, never put into SQL text.
 */
public final class LiveOutline implements Subscription {
    static final int PATCH_LIMIT = 500;

    /** A completed subtask counts under its parent only in the parent's list, as {@link Outline} shows it. */
    private static final String SAME_LIST = "listId IS (SELECT p.listId FROM items p WHERE p.id = items.parentId)";

    /**
     * Top-level todos whose lines the first page of a first load holds (each with its subtasks): a screenful
     * even when all of them are folded, and few rows to lay out before the first frame.
     */
    static final int FIRST_ROOTS = 20;

    /** Where the lines go, on the serial executor. */
    public interface Sink {
        /** The whole outline: the first one, or again after a first page. */
        void reset(List<Outline.Line> lines);

        /**
         * What changed since the lines this sink holds (the last whole outline with the splices after it), to
         * apply in order; {@code whole} is the outline they make, for counts, not to be shown in their place.
         */
        void splice(List<OutlineSplice> splices, List<Outline.Line> whole);

        /**
         * The first lines of the first load, read ahead of the rest so a long list shows at once; the whole
         * outline (which begins with them, unless an odd row such as a subtask whose parent is gone sorts
         * among them) follows in {@link #reset}.
         */
        default void firstPage(List<Outline.Line> lines) {
        }

        /**
         * A load or a splice could not read the outline (the database failed); the sink keeps what it holds,
         * and the next commit reads the outline again whole.
         */
        void failed(RuntimeException failure);
    }

    private final Db db;
    private final String listId;
    private final Sink sink;
    private final ViewWork work;
    private final Subscription inner;
    private volatile boolean active = true;
    // Touched on the serial executor only.
    private final OutlineTree rows = new OutlineTree();
    private final Map<String, Integer> done = new HashMap<>();
    private List<Section> sections = List.of();
    /** The lines the sink holds: null until a whole outline went out (a first page is not one). */
    private List<Outline.Line> delivered;

    private LiveOutline(Db db, String listId, Sink sink, Executor serial) {
        this.db = db;
        this.listId = listId;
        this.sink = sink;
        // After a failure the next commit reloads the whole outline: a failed splice may have left the tree half changed.
        work = new ViewWork(serial, () -> active, this::load, sink::failed, true);
        inner = db.subscribe(new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                onEvents(events);
            }

            @Override
            public void onUnknownChanges() {
                run(LiveOutline.this::load);
            }
        });
        run(() -> {
            firstPage();
            load();
        });
    }

    /** Keeps the outline of {@code listId} (null: the Inbox) in {@code sink}, calling it on {@code serial} only. */
    public static LiveOutline open(Db db, String listId, Sink sink, Executor serial) {
        return new LiveOutline(db, listId, sink, serial);
    }

    /** A list's (null: the Inbox's) todos as a live outline in {@code sink}, on {@code store}'s live views' thread. */
    public static LiveOutline open(TodoStore store, String listId, Sink sink) {
        return open(store.db(), listId, sink, store.liveViews());
    }

    private String rootCondition() {
        return rootCondition(listId);
    }

    private Object[] rootParams() {
        return rootParams(listId);
    }

    /** Which todos are the outline's roots: of the list {@code listId}, or the Inbox's (null), not put away. */
    static String rootCondition(String listId) {
        return listId == null ? Queries.IN_INBOX + " AND coalesce(someday, 0) = 0" : "listId = ?";
    }

    static Object[] rootParams(String listId) {
        return listId == null ? new Object[0] : new Object[] {listId};
    }

    /**
     * The outline's todos as a recursive {@code tree(id, listId)}, to put before a SELECT: the roots, and every
     * open todo under them in the same list.
     */
    static String tree(String listId) {
        // A parent in another list is no parent here (Outline): the tree carries each row's list to stop there.
        return "WITH RECURSIVE tree(id, listId) AS (SELECT id, listId FROM items WHERE " + rootCondition(listId) + " AND "
                + Queries.LISTED + " AND (parentId IS NULL OR NOT EXISTS (SELECT 1 FROM items p WHERE p.id = items.parentId"
                + " AND p.listId IS items.listId AND " + Queries.LISTED_P + "))"
                // Each step looks its rows' children up in items_parent (a partial index: "IS NOT NULL" lets it
                // be used; CROSS JOIN keeps tree the outer loop). Joined the other way round SQLite scanned all
                // items for every row of the tree: 9 s instead of 20 ms for a list of 10,000 todos.
                + " UNION SELECT i.id, i.listId FROM tree t CROSS JOIN items i ON i.parentId = t.id WHERE i.parentId IS NOT NULL"
                + " AND i.listId IS t.listId AND " + Queries.LISTED_I + ") ";
    }

    /** After {@link #tree}: each todo of the tree with completed subtasks, and how many, as {@link Count}s. */
    static final String DONE_UNDER_TREE = "SELECT parentId AS id, count(*) AS n FROM items WHERE parentId IN (SELECT id FROM tree)"
            + " AND done = 1 AND trashedAt IS NULL AND " + SAME_LIST + " AND coalesce(kind, '') <> 'note' GROUP BY parentId";

    private void load() {
        rows.clear();
        done.clear();
        String tree = tree(listId);
        for (Item i : db.query(Item.class, tree + "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE id IN (SELECT id FROM tree)",
                rootParams())) {
            rows.put(i);
        }
        for (Count c : db.query(Count.class, tree + DONE_UNDER_TREE, rootParams())) {
            done.put(c.id(), (int) c.count());
        }
        sections = readSections();
        deliver();
    }

    /**
     * The first {@value #FIRST_ROOTS} top-level todos outside any section, in sibling order, with everything
     * under them: the top of the outline. Nothing when there are fewer (the list is short, or its sections
     * begin on the first screen), as the whole comes as soon then.
     */
    private void firstPage() {
        String order = " ORDER BY rank, createdAt, id LIMIT " + FIRST_ROOTS;
        String roots = "SELECT id FROM items WHERE " + rootCondition() + " AND " + Queries.LISTED
                + " AND parentId IS NULL" + (listId == null ? "" : " AND coalesce(sectionId, '') = ''") + order;
        List<String> top = Queries.ids(db, roots, rootParams());
        if (top.size() < FIRST_ROOTS) {
            return;
        }
        String sub = "WITH RECURSIVE tree(id, listId) AS (SELECT id, listId FROM items WHERE id IN ("
                + placeholders(top.size()) + ") UNION SELECT i.id, i.listId FROM tree t CROSS JOIN items i ON i.parentId = t.id"
                + " WHERE i.parentId IS NOT NULL AND i.listId IS t.listId AND " + Queries.LISTED_I + ") ";
        List<Item> page = db.query(Item.class, sub + "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE id IN (SELECT id FROM tree)",
                top.toArray());
        Map<String, Integer> pageDone = new HashMap<>();
        for (Count c : db.query(Count.class, sub + "SELECT parentId AS id, count(*) AS n FROM items WHERE parentId IN (SELECT id FROM tree)"
                + " AND done = 1 AND trashedAt IS NULL AND " + SAME_LIST + " AND coalesce(kind, '') <> 'note' GROUP BY parentId", top.toArray())) {
            pageDone.put(c.id(), (int) c.count());
        }
        if (active) {
            sink.firstPage(Outline.of(page, List.of(), pageDone));
        }
    }

    private List<Section> readSections() {
        return listId == null ? List.of() : db.query(Section.class, "SELECT * FROM sections WHERE listId = ?", listId);
    }

    private void onEvents(List<ChangeEvent> events) {
        Set<String> changed = new LinkedHashSet<>();
        boolean sectionsChanged = false;
        boolean reload = false;
        for (ChangeEvent e : events) {
            switch (e.table()) {
                case "items" -> changed.add(e.id());
                case "item_tags" -> reload |= events.size() > PATCH_LIMIT;
                case "sections" -> sectionsChanged = true;
                case "lists" -> reload |= listId == null;
                default -> { }
            }
        }
        boolean tags = events.stream().anyMatch(e -> e.table().equals("item_tags"));
        if (reload || changed.size() > PATCH_LIMIT) {
            run(this::load);
        } else if (!changed.isEmpty() || sectionsChanged || tags) {
            boolean s = sectionsChanged;
            run(() -> patch(changed, s, tags));
        }
    }

    private void patch(Set<String> changed, boolean sectionsChanged, boolean tags) {
        if (tags) {
            // A tag shows in its todo's line: which todo a tag row belongs to is not in the event; cheap to reload.
            load();
            return;
        }
        if (sectionsChanged) {
            sections = readSections();
        }
        if (!changed.isEmpty()) {
            Set<String> parents = new HashSet<>();
            List<Item> fresh = db.query(Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE id IN ("
                    + placeholders(changed.size()) + ")", changed.toArray());
            for (String id : changed) {
                Item old = rows.remove(id);
                if (old != null && old.hasParent()) {
                    parents.add(old.parentId());
                }
            }
            List<Item> candidates = new ArrayList<>();
            for (Item i : fresh) {
                if (i.hasParent()) {
                    parents.add(i.parentId());
                }
                if (!i.isTrashed() && (!i.isDone() || i.isNote())) {
                    candidates.add(i);
                }
            }
            admit(candidates);
            parents.removeIf(p -> p == null);
            if (!parents.isEmpty()) {
                parents.forEach(done::remove);
                for (Count c : db.query(Count.class, "SELECT parentId AS id, count(*) AS n FROM items WHERE parentId IN ("
                        + placeholders(parents.size()) + ") AND done = 1 AND trashedAt IS NULL AND " + SAME_LIST
                        + " AND coalesce(kind, '') <> 'note' GROUP BY parentId", parents.toArray())) {
                    done.put(c.id(), (int) c.count());
                }
            }
        }
        deliver();
    }

    /**
     * Puts in the candidates that belong: under a todo that is here, or at the top of this list (or the Inbox)
     * with no open parent elsewhere. Repeats until nothing more fits, so a parent and child changed in one
     * commit are admitted in either order.
     */
    private void admit(List<Item> candidates) {
        List<Item> left = new ArrayList<>(candidates);
        Map<String, Item> openElsewhere = openParents(left);
        boolean progress = true;
        while (progress && !left.isEmpty()) {
            progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                Item i = it.next();
                Item parent = i.hasParent() ? rows.get(i.parentId()) : null;
                boolean under = parent != null && Objects.equals(parent.listId(), i.listId());
                Item elsewhere = i.hasParent() ? openElsewhere.get(i.parentId()) : null;
                boolean top = (elsewhere == null || !Objects.equals(elsewhere.listId(), i.listId())) && isRootHere(i);
                if (under || top) {
                    rows.put(i);
                    it.remove();
                    progress = true;
                }
            }
        }
    }

    private boolean isRootHere(Item i) {
        if (listId != null) {
            return listId.equals(i.listId());
        }
        return !i.isSomeday() && (i.listId() == null || Queries.ids(db, "SELECT id FROM lists WHERE id = ?", i.listId()).isEmpty());
    }

    /**
     * Of the candidates' parents not shown here, those that are open todos, by id (so a child in the same list
     * belongs with them).
     */
    private Map<String, Item> openParents(List<Item> candidates) {
        List<String> ask = new ArrayList<>();
        for (Item i : candidates) {
            if (i.hasParent() && !rows.containsKey(i.parentId())) {
                ask.add(i.parentId());
            }
        }
        Map<String, Item> out = new HashMap<>();
        if (!ask.isEmpty()) {
            db.query(Item.class, "SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE id IN (" + placeholders(ask.size())
                    + ") AND " + Queries.LISTED, ask.toArray()).forEach(p -> out.put(p.id(), p));
        }
        return out;
    }

    private void deliver() {
        if (!active) {
            return;
        }
        List<Outline.Line> lines = rows.lines(sections, done);
        List<Outline.Line> before = delivered;
        delivered = lines;
        if (before == null) {
            sink.reset(lines);
            return;
        }
        List<OutlineSplice> splices = OutlineSplice.between(before, lines);
        if (!splices.isEmpty()) {
            sink.splice(splices, lines);
        }
    }

    private void run(Runnable r) {
        work.run(r);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public void close() {
        active = false;
        inner.close();
    }

    @Override
    public boolean isActive() {
        return active;
    }
}

package dev.tandem.app.model;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The app's data operations over the engine. Every method blocks on the database, so the UI calls
 * them from a background executor, never on the FX thread. Edits are read-modify-write inside one
 * transaction, so a field changed meanwhile by sync is not overwritten by a stale copy.
 */
public final class TodoStore implements AutoCloseable {
    private final Db db;
    private final Clock clock;
    private final Clock dateClock;
    private volatile Map<String, String> people = Map.of();
    /** Where every {@link LiveItems} of this store reads and patches, one at a time. */
    private final ExecutorService live = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-live-items");
        t.setDaemon(true);
        return t;
    });

    /** Dates (today, due) in the system's time zone. */
    /** Mends the tree of todos after each sync commit. */
    private final TreeRepair repair;

    public TodoStore(Db db, Clock clock) {
        this(db, clock, ZoneId.systemDefault());
    }

    /** Dates in {@code zone}: a test picks one, so its midnight does not depend on the machine's. */
    public TodoStore(Db db, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dateClock = clock.withZone(Objects.requireNonNull(zone, "zone"));
        db.migrate(Schema.MIGRATIONS);
        this.repair = TreeRepair.start(db, () -> sharedLists.get());
    }

    /** The lists shared with other people, whose edge the tree repair never crosses: none until told. */
    private volatile Supplier<Set<String>> sharedLists = Set::of;

    /** Tells the store which lists are shared with other people (read at each repair). */
    public void setSharedLists(Supplier<Set<String>> lists) {
        sharedLists = Objects.requireNonNull(lists, "lists");
    }

    /** The lists shared with other people, as last told. */
    Set<String> sharedListIds() {
        return sharedLists.get();
    }

    /** Mends the tree of todos now ({@link TreeRepair}); the store also does it after every sync commit. */
    public int repairTree() {
        return TreeRepair.run(db, sharedLists.get());
    }

    /** The smart lists saved in this profile. */
    public SavedFilters savedFilters() {
        return new SavedFilters(db, clock);
    }

    public Db db() {
        return db;
    }

    /**
     * The people other devices belong to, from the lists shared with them (device id to person),
     * so history and conflicts say "Alex" for a device whose own name never reaches this profile.
     */
    public void setPeople(Map<String, String> byDevice) {
        people = Map.copyOf(byDevice);
    }

    /** The person a device of a shared list belongs to, if known here. */
    public Optional<String> person(String deviceId) {
        return Optional.ofNullable(people.get(deviceId));
    }

    public Clock clock() {
        return clock;
    }

    /** The clock in the zone whose date is "today": what decides when Today rolls over. */
    public Clock dateClock() {
        return dateClock;
    }

    public LocalDate today() {
        return LocalDate.now(dateClock);
    }

    // ---------------------------------------------------------------- items

    public Item add(String title, String listId, LocalDate due) {
        return db.save(Item.create(itemTitle(title), listId, due, clock.millis()));
    }

    private static String itemTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("title: must not be empty");
        }
        return TextLimits.title(t);
    }

    /**
     * Runs many writes in one transaction (an import): all of them commit, through the engine's
     * save path so the changelog records and syncs them, or none do. Being one commit, it starts
     * one sync ({@code SyncService} listens for local commits).
     */
    public <R> R writeAll(Function<Tx, R> work) {
        return db.transactionResult(work);
    }

    /**
     * Runs {@code work} (writes through this store, which join it) in one transaction that first claims
     * {@code key} ({@code Tx.claim}): its result the first time, empty ever after, with nothing written. The
     * claim commits with the work or not at all, so a writer from outside that sends a write again (a web
     * page's outbox) has it applied exactly once.
     */
    public <R> Optional<R> once(String key, Supplier<R> work) {
        return db.transactionResult(tx -> tx.claim(key) ? Optional.of(work.get()) : Optional.empty());
    }

    public Optional<Item> get(String id) {
        return db.get(Item.class, id);
    }

    /** Applies {@code patch} to the current row in one transaction; returns the row as it was before. */
    public Optional<Item> update(String id, UnaryOperator<Item> patch) {
        return db.transactionResult(tx -> {
            Optional<Item> cur = tx.get(Item.class, id);
            cur.ifPresent(item -> {
                Item next = patch.apply(item);
                if (!Objects.equals(item.title(), next.title()) && (next.title() == null || next.title().isBlank())) {
                    // As for add: every importer refuses a todo without a title, so a backup of it would not restore.
                    throw new IllegalArgumentException("title: must not be empty");
                }
                TextLimits.checkChange(item, next);
                if (!next.equals(item)) {
                    tx.save(next);
                }
            });
            return cur;
        });
    }

    /** Completes or reopens; a note is never completed (it is returned unchanged). */
    public Optional<Item> setDone(String id, boolean done) {
        long now = clock.millis();
        return update(id, it -> it.isDone() == done || (done && it.isNote()) ? it : it.withDone(done, now));
    }

    /** Makes the item a note ({@code true}) or a todo; returns it as it was. */
    public Optional<Item> setNote(String id, boolean note) {
        return update(id, it -> it.isNote() == note ? it : it.withNote(note));
    }

    public Optional<Item> trash(String id) {
        long now = clock.millis();
        return update(id, it -> it.isTrashed() ? it : it.withTrashedAt(now));
    }

    public Optional<Item> untrash(String id) {
        return update(id, it -> it.withTrashedAt(null));
    }

    /**
     * Takes a conflict's lost value back, as a local write that syncs. An edit of a todo that another
     * device deleted brings the todo back with that edit, in its list: a todo deleted by emptying the
     * Trash would otherwise come back into the Trash; so do the links deleted with it ({@link ItemLink}).
     */
    public void useLostValue(Conflict conflict) {
        db.conflicts().useLostValue(conflict.id());
        if (conflict.kind() == Conflict.Kind.EDIT_DELETE && "items".equals(conflict.table())) {
            db.transaction(tx -> {
                tx.get(Item.class, conflict.entity()).filter(it -> it.trashedAt() != null)
                        .ifPresent(it -> tx.save(it.withTrashedAt(null)));
                // Its links were deleted with it: they come back with it.
                if (tx.get(Item.class, conflict.entity()).isPresent()) {
                    ItemLink.SYSTEMS.forEach(system -> tx.restore(ItemLink.class, DerivedIds.link(conflict.entity(), system)));
                }
            });
        }
    }

    /**
     * Deletes for good (an engine tombstone that syncs), with the item's links ({@link ItemLink});
     * {@link #restoreDeleted} can still undo it.
     */
    public boolean deleteForever(String id) {
        return db.transactionResult(tx -> deleteItem(tx, id));
    }

    /**
     * Deletes the item for good in the caller's transaction, and its links, which would otherwise stay
     * behind with no item (tags stay: their rows are how a restore brings them back). False when there
     * was no such item.
     */
    public static boolean deleteItem(Tx tx, String id) {
        if (!tx.delete(Item.class, id)) {
            return false;
        }
        for (ItemLink l : tx.query(ItemLink.class, "SELECT * FROM item_links WHERE itemId = ?", id)) {
            tx.delete(ItemLink.class, l.id());
        }
        return true;
    }

    /** Deletes these items for good in one transaction (Empty Trash done again); returns those there were. */
    public List<String> deleteForever(List<String> ids) {
        return db.transactionResult(tx -> {
            List<String> deleted = new ArrayList<>();
            for (String id : ids) {
                if (deleteItem(tx, id)) {
                    deleted.add(id);
                }
            }
            return deleted;
        });
    }

    /** Brings back items deleted for good, with the links deleted with them. */
    public void restoreDeleted(List<String> ids) {
        db.transaction(tx -> ids.forEach(id -> {
            tx.restore(Item.class, id);
            // A link that was not deleted (or never existed) is left as it is.
            ItemLink.SYSTEMS.forEach(system -> tx.restore(ItemLink.class, DerivedIds.link(id, system)));
        }));
    }

    /** Deletes every trashed item for good; returns their ids. */
    public List<String> emptyTrash() {
        return db.transactionResult(tx -> {
            List<Item> trashed = tx.query(Item.class, "SELECT * FROM items WHERE trashedAt IS NOT NULL");
            List<String> out = new ArrayList<>();
            for (Item it : trashed) {
                if (deleteItem(tx, it.id())) {
                    out.add(it.id());
                }
            }
            return out;
        });
    }

    public List<Item> query(Listing view) {
        Listing.Query q = Listing.query(view, today(), Listing.Sort.DEFAULT, dateClock().getZone(), sharedListIds());
        return db.query(Item.class, q.sql(), q.params().toArray());
    }

    public List<Item> allItems() {
        return db.query(Item.class, "SELECT * FROM items ORDER BY createdAt, id");
    }

    /** The view's live rows as of {@code today}: Today and Upcoming keep that date until re-subscribed. */
    public Subscription subscribe(Listing view, LocalDate today, Consumer<List<Item>> onResult, Executor executor) {
        return subscribe(view, today, Listing.Sort.DEFAULT, onResult, executor);
    }

    /** As above, ordered first by {@code sort}. */
    public Subscription subscribe(Listing view, LocalDate today, Listing.Sort sort, Consumer<List<Item>> onResult,
            Executor executor) {
        Listing.Query q = Listing.query(view, today, sort, dateClock().getZone(), sharedListIds());
        return db.querySubscribe(Item.class, q.sql(), q.params(), onResult, executor);
    }

    /**
     * As {@link #subscribe}, for a long list: a first page at once, then the whole result, then
     * each commit as a patch of the rows it changed ({@link LiveItems}).
     */
    public Subscription subscribeRows(Listing view, LocalDate today, Listing.Sort sort, LiveItems.Sink sink) {
        return LiveItems.open(db, Listing.query(view, today, sort, dateClock().getZone(), sharedListIds()), sink, live);
    }

    /** Moves in the lists' outlines (a todo under another, up, down, into a section), on this store's database. */
    public OutlineStore outlines() {
        return new OutlineStore(db);
    }

    /** Sections and the order of sections and lists, on this store's database. */
    public SectionStore sections() {
        return new SectionStore(db, clock);
    }

    /** A list's (null: the Inbox's) todos as a live outline ({@link LiveOutline}), on the live views' thread. */
    public Subscription subscribeOutline(String listId, LiveOutline.Sink sink) {
        return LiveOutline.open(db, listId, sink, live);
    }

    // ---------------------------------------------------------------- lists

    public List<TodoList> lists() {
        return db.query(TodoList.class, Queries.LISTS);
    }

    public Subscription subscribeLists(Consumer<List<TodoList>> onResult, Executor executor) {
        return db.querySubscribe(TodoList.class, Queries.LISTS, List.of(), onResult, executor);
    }

    /** The sidebar counts as of {@code today}: the web page asks for them when it needs them. */
    public List<Count> counts(LocalDate today) {
        String t = today.toString();
        return db.query(Count.class, Queries.COUNTS, t, t, t, t, t, t);
    }

    /** The sidebar counts as of {@code today}, like {@link #subscribe}. */
    public Subscription subscribeCounts(LocalDate today, Consumer<List<Count>> onResult, Executor executor) {
        String t = today.toString();
        return db.querySubscribe(Count.class, Queries.COUNTS, List.of(t, t, t, t, t, t), onResult, executor);
    }

    /**
     * A new list after the others; position and save in one transaction, so two writers cannot share a
     * position. A second list of a name that is in use gets a fresh id ({@link #newList}): lists of one
     * name can exist (a backup, two devices before this id), and "New list" asks first.
     */
    public TodoList createList(String name) {
        String n = listName(name);
        return db.transactionResult(tx -> newList(tx, n));
    }

    /** The list called {@code name} (Unicode case-insensitive, as {@link #findList}), read in {@code tx}; null if none. */
    private static TodoList listNamed(Tx tx, String name) {
        return tx.query(TodoList.class, "SELECT * FROM lists ORDER BY position").stream()
                .filter(l -> l.name() != null && l.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** What {@link #add} did: the item, and the list it had to create (null if none). */
    public record Added(Item item, TodoList createdList) {
    }

    /**
     * Adds a todo (or a note) with its details (priority, tags, repeat, reminder) in one transaction: to the list
     * named {@code listName} (created if needed) when it is given, else to {@code listId}.
     */
    public Added add(String title, String listName, String listId, LocalDate due, TodoDetails details) {
        return add(title, listName, listId, null, due, details);
    }

    /**
     * As above, as a subtask of {@code parentId} when it is given (in its parent's list, whatever the other
     * arguments say), after its siblings.
     */
    public Added add(String title, String listName, String listId, String parentId, LocalDate due, TodoDetails details) {
        return add(null, title, listName, listId, parentId, due, details);
    }

    /**
     * As above, with the id {@code id} when it is given (one a web page made offline, so it could edit the
     * todo before this device saw it); an id in use is refused.
     */
    public Added add(String id, String title, String listName, String listId, String parentId, LocalDate due,
                     TodoDetails details) {
        String t = itemTitle(title);
        String n = listName == null ? null : listName(listName);
        LocalDate today = today();
        return db.transactionResult(tx -> {
            // Matched like findList (Unicode case-insensitive), inside the transaction that may create it.
            TodoList list = n == null ? null : listNamed(tx, n);
            TodoList created = n != null && list == null ? newList(tx, n) : null;
            Item parent = parentId == null ? null : tx.get(Item.class, parentId).orElseThrow(
                    () -> new IllegalArgumentException("parentId: no todo " + parentId));
            if (parent != null) {
                TreeDepth.check(tx, parent, null);
            }
            String lid = parent != null ? parent.listId() : n == null ? listId : list != null ? list.id() : created.id();
            if (id != null && tx.get(Item.class, id).isPresent()) {
                throw new IllegalArgumentException("id: " + id + " is in use");
            }
            Item fresh = Item.create(t, lid, due, clock.millis()).withId(id).withParentId(parentId)
                    .withRank(OutlineStore.nextRank(tx, lid, parentId, null));
            Item saved = tx.save(details.note() ? fresh.withNote(true) : fresh);
            return new Added(details.apply(tx, saved, today), created);
        });
    }

    /**
     * Redoes {@link #add} after {@link #unadd}, in one transaction: the same item (same id, title,
     * details) and the list the add created come back.
     */
    public void readd(Added added) {
        db.transaction(tx -> {
            if (added.createdList() != null) {
                tx.restore(TodoList.class, added.createdList().id());
            }
            tx.restore(Item.class, added.item().id());
        });
    }

    /** Undoes {@link #add} in one transaction: the item, and the list it created. */
    public void unadd(Added added) {
        db.transaction(tx -> {
            tx.delete(Item.class, added.item().id());
            if (added.createdList() != null) {
                tx.delete(TodoList.class, added.createdList().id());
            }
        });
    }

    /**
     * A list made by name has an id derived from the name ({@link DerivedIds#list}), so two devices that
     * make "Home" before they sync make one list, as two devices adding a tag make one tag. When that
     * id is taken here (the list was renamed since), the new list gets a fresh id.
     */
    private TodoList newList(Tx tx, String name) {
        long pos = Queries.number(tx, "SELECT max(position) FROM lists") + 1;
        String id = DerivedIds.list(name);
        return tx.save(new TodoList(tx.get(TodoList.class, id).isPresent() ? null : id, name, pos, clock.millis()));
    }

    private static String listName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        return TextLimits.listName(n);
    }

    public Optional<TodoList> list(String id) {
        return db.get(TodoList.class, id);
    }

    public Optional<TodoList> findList(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        return lists().stream().filter(l -> l.name() != null && l.name().equalsIgnoreCase(n)).findFirst();
    }

    /** Renames; returns the old name. */
    public Optional<String> renameList(String id, String name) {
        String n = listName(name);
        return db.transactionResult(tx -> {
            Optional<TodoList> cur = tx.get(TodoList.class, id);
            cur.ifPresent(l -> tx.save(l.withName(n)));
            return cur.map(TodoList::name);
        });
    }

    /** Deletes the list and moves its open items to the Trash; returns the ids of the items trashed. */
    public List<String> deleteList(String id) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            List<String> ids = new ArrayList<>();
            for (Item it : tx.query(Item.class, "SELECT * FROM items WHERE listId = ? AND trashedAt IS NULL", id)) {
                tx.save(it.withTrashedAt(now));
                ids.add(it.id());
            }
            tx.delete(TodoList.class, id);
            return ids;
        });
    }

    /** Undoes {@link #deleteList}: brings the list back and its items out of the Trash. */
    public void undeleteList(String id, List<String> itemIds) {
        db.transaction(tx -> {
            tx.restore(TodoList.class, id);
            for (String itemId : itemIds) {
                tx.get(Item.class, itemId).ifPresent(it -> tx.save(it.withTrashedAt(null)));
            }
        });
    }

    @Override
    public void close() {
        repair.close();
        live.shutdownNow();
        db.close();
    }
}

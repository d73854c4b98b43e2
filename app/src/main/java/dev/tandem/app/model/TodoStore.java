package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.History;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
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
    private final People people = new People();

    /** Mends the tree after each sync commit; null for one command ({@link #openForCommand}). */
    private final TreeRepair repair;
    /** The stores of this profile's other rows, each made once with the store it reads through. */
    private final Stores stores;
    /** What a query shaped by outside data may cost here (a saved filter, a search). */
    private final QueryCost queryCost;
    /** What the views read: listings, the sidebar counts, a list by name. */
    private final ViewReads reads;

    public TodoStore(Db db, Clock clock) {
        this(db, clock, ZoneId.systemDefault());
    }

    /** Dates in {@code zone}: a test picks one, so its midnight does not depend on the machine's. */
    public TodoStore(Db db, Clock clock, ZoneId zone) {
        this(db, clock, zone, true);
    }

    private TodoStore(Db db, Clock clock, ZoneId zone, boolean repairAfterSync) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dateClock = clock.withZone(Objects.requireNonNull(zone, "zone"));
        db.migrate(Schema.MIGRATIONS);
        this.repair = repairAfterSync ? TreeRepair.start(db, () -> sharedLists.get()) : null;
        this.stores = new Stores(this);
        this.queryCost = new QueryCost(db);
        this.reads = new ViewReads(this, stores.live(), queryCost);
    }

    /** The budgets of queries shaped by outside data (saved filters, searches), and those that ran over lately. */
    public QueryCost queryCost() {
        return queryCost;
    }

    /** Opens the database {@code builder} describes ({@link Schema#database}) and the store over it (closing both). */
    public static TodoStore open(Db.Builder builder, Clock clock, ZoneId zone) {
        return StoreOpening.open(builder, db -> new TodoStore(db, clock, zone, true));
    }

    /** As {@link #open}, for one command: no tree repair as sync commits come, so no listener and no file watch. */
    public static TodoStore openForCommand(Db.Builder builder, Clock clock, ZoneId zone) {
        return StoreOpening.open(builder, db -> new TodoStore(db, clock, zone, false));
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
        return stores.savedFilters();
    }

    /** Done, Reopen, Delete, Restore and Snooze, each with its undo: what every door does to a todo. */
    public TodoVerbs verbs() {
        return stores.verbs();
    }

    /** Repeating todos: skipping, detaching and ending a series (completing is a verb: {@link #verbs}). */
    public SeriesStore series() {
        return stores.series();
    }

    /** The conflicts last write wins resolved. */
    public ConflictStore conflicts() {
        return stores.conflicts();
    }

    /** The files attached to todos. */
    public AttachmentStore attachments() {
        return stores.attachments();
    }

    /** The tags of todos. */
    public TagStore tags() {
        return stores.tags();
    }

    /** The rows' past: every version of a row, and the rows as they were at a time. */
    public History history() {
        return db.history();
    }

    /** The database as the engine's services (sync, keys, backups, remote blobs) see it. */
    public Replica replica() {
        return stores.replica();
    }

    /** Whole tables as an export writes them and an import checks them. */
    public Tables tables() {
        return stores.tables();
    }

    /**
     * The database itself: for the model's own classes (its feature packages too), which decide what a write
     * reads in its transaction. Public for those packages only: no class outside the model may name the
     * database ({@code ArchitectureTest.onlyTheModel_holdsTheDatabase}).
     */
    public Db db() {
        return db;
    }

    /** The people other devices of shared lists belong to. */
    public People people() {
        return people;
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
        return db.save(Item.create(ItemWrites.title(title), listId, due, clock.millis()));
    }

    /**
     * Runs many writes in one transaction (an import): all of them commit, recorded and synced, or none
     * do. Being one commit, it starts one sync ({@code SyncService} listens for local commits).
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
        return db.transactionResult(tx -> ItemWrites.update(tx, id, patch));
    }

    /**
     * Writes the done field alone, with none of completing's consequences (no next occurrence, subtasks left as they
     * are): what a test or the demo sets a row up with. The app's doors complete and reopen through {@link #verbs}.
     */
    public Optional<Item> setDone(String id, boolean done) {
        long now = clock.millis();
        return update(id, it -> it.isDone() == done || (done && it.isNote()) ? it : it.withDone(done, now));
    }

    /** Makes the item a note ({@code true}) or a todo; returns it as it was. */
    public Optional<Item> setNote(String id, boolean note) {
        return update(id, it -> it.isNote() == note ? it : it.withNote(note));
    }

    /**
     * Moves this one item to the Trash, its subtasks left where they are: what a calendar server's deletion of one
     * task says. A person's Delete is {@link TodoVerbs#trash}, which takes the subtasks along.
     */
    public Optional<Item> trash(String id) {
        long now = clock.millis();
        return update(id, it -> it.isTrashed() ? it : it.withTrashedAt(now));
    }

    /** Takes this one item out of the Trash (a calendar server's task back); a person's Restore is the verbs'. */
    public Optional<Item> untrash(String id) {
        return update(id, it -> it.withTrashedAt(null));
    }

    /** Deletes for good, with the item's links ({@link ItemWrites}); {@link #restoreDeleted} can still undo it. */
    public boolean deleteForever(String id) {
        return db.transactionResult(tx -> deleteItem(tx, id));
    }

    /** Deletes the item for good in the caller's transaction ({@link ItemWrites#delete}); false when there was none. */
    public static boolean deleteItem(Tx tx, String id) {
        return ItemWrites.delete(tx, id);
    }

    /** Deletes these items for good in one transaction (Empty Trash done again); returns those there were. */
    public List<String> deleteForever(List<String> ids) {
        return db.transactionResult(tx -> ItemWrites.delete(tx, ids));
    }

    /** Brings back items deleted for good, with the links deleted with them. */
    public void restoreDeleted(List<String> ids) {
        db.transaction(tx -> ItemWrites.restore(tx, ids));
    }

    /** Deletes every trashed item for good; returns their ids. */
    public List<String> emptyTrash() {
        return db.transactionResult(ItemWrites::emptyTrash);
    }

    /**
     * The view's rows now; a smart list's or a search's within a list's budget ({@link QueryCost}).
     *
     * @throws dev.tandem.engine.QueryTooCostlyException when a smart list or a search ran past its budget
     */
    public List<Item> query(Listing view) {
        return reads.query(view);
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
        return reads.subscribe(view, today, sort, onResult, executor);
    }

    /**
     * As {@link #subscribe}, for a long list: a first page at once, then the whole result, then
     * each commit as a patch of the rows it changed ({@link LiveItems}).
     */
    public Subscription subscribeRows(Listing view, LocalDate today, Listing.Sort sort, LiveItems.Sink sink) {
        return reads.subscribeRows(view, today, sort, sink);
    }

    /**
     * The one thread the store's live views (its listings', the outline's) read and patch on, in turn; the work
     * queued there once the store closes is passed over. For the model's own classes (its feature packages too).
     */
    public Executor liveViews() {
        return stores.live();
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
        return reads.counts(today);
    }

    /** The sidebar counts as of {@code today}, like {@link #subscribe}. */
    public Subscription subscribeCounts(LocalDate today, Consumer<List<Count>> onResult, Executor executor) {
        return reads.subscribeCounts(today, onResult, executor);
    }

    /**
     * A new list after the others; position and save in one transaction, so two writers cannot share a
     * position. A second list of a name that is in use gets a fresh id ({@link ListWrites#create}): lists of one
     * name can exist (a backup, two devices before this id), and "New list" asks first.
     */
    public TodoList createList(String name) {
        String n = ListWrites.name(name);
        return db.transactionResult(tx -> ListWrites.create(tx, n, clock.millis()));
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
        String t = ItemWrites.title(title);
        String n = listName == null ? null : ListWrites.name(listName);
        LocalDate today = today();
        long now = clock.millis();
        return db.transactionResult(tx -> Adds.add(tx, now, id, t, n, listId, parentId, due, details, today));
    }

    /**
     * Redoes {@link #add} after {@link #unadd}, in one transaction: the same item (same id, title,
     * details) and the list the add created come back.
     */
    public void readd(Added added) {
        db.transaction(tx -> Adds.redo(tx, added));
    }

    /** Undoes {@link #add} in one transaction: the item, and the list it created. */
    public void unadd(Added added) {
        db.transaction(tx -> Adds.undo(tx, added));
    }

    public Optional<TodoList> list(String id) {
        return db.get(TodoList.class, id);
    }

    public Optional<TodoList> findList(String name) {
        return reads.findList(name);
    }

    /** Renames; returns the old name. */
    public Optional<String> renameList(String id, String name) {
        String n = ListWrites.name(name);
        return db.transactionResult(tx -> ListWrites.rename(tx, id, n));
    }

    /** Deletes the list and moves its open items to the Trash; returns the ids of the items trashed. */
    public List<String> deleteList(String id) {
        long now = clock.millis();
        return db.transactionResult(tx -> ListWrites.delete(tx, id, now));
    }

    /** Undoes {@link #deleteList}: brings the list back and its items out of the Trash. */
    public void undeleteList(String id, List<String> itemIds) {
        db.transaction(tx -> ListWrites.undelete(tx, id, itemIds));
    }

    @Override
    public void close() {
        if (repair != null) {
            repair.close();
        }
        stores.close();
        db.close();
    }
}

package dev.tandem.app.model;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Db;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Mends the tree after sync merged what devices did apart, with writes every device makes the same way, so
 * the rows converge and nothing is orphaned or lost:
 *
 * <ul>
 *   <li>A todo that is not in the Trash under a parent that is (one device deleted "Move house" while another
 *       added "Book the van" under it): the parent, and any trashed todo above it, comes back out of the
 *       Trash, and Conflicts shows the delete as the change that lost, so "Use lost value" deletes it again.</li>
 *   <li>A subtask whose row names another list than its parent's (a move of the parent merged with a subtask
 *       added elsewhere): it takes its parent's list, as a subtask's list is its top todo's.</li>
 *   <li>A cycle of parents (one device put A under B while another put B under A): the member with the
 *       smallest id goes to the top level, which is where the outline already shows it ({@link ItemTree#cycleBreaks}).</li>
 * </ul>
 *
 * <p>A parent across a shared list's edge counts as missing ({@link Plan}): the repair never moves a todo into
 * or out of a private list, nor a private todo out of the Trash, for something a member wrote. One pass reads
 * every todo's place once and plans in memory, so it is linear in the number of todos whatever the depth of
 * their chains.
 *
 * <p>A parent that is not here at all is left alone: it may still be on its way (another device's batch not
 * read yet), and the outline shows its subtask at the top level meanwhile.
 *
 * <p>Runs after each commit that sync made ({@link ChangeEvent.Origin#SYNC}), on a thread of its own, a burst of
 * commits costing one pass; {@link #run} runs a pass at once (the CLI after a sync, tests). Its writes are
 * this device's own changes and sync as usual; two devices making the same repair write the same values.
 *
 * <p>Order within a pass: history (which delete loses) is read before the transaction that writes, and that
 * transaction plans again from the rows as they are; when a commit between the two changed what it would bring
 * back, it writes nothing and the pass reads again, so a restore never goes without its conflict.
 */
public final class TreeRepair implements AutoCloseable {
    /** Names the repair as a conflict's author ("Tandem"): a UUID the app shows by name. */
    public static final String AUTHOR = "5f0c6a47-1d8e-4f43-9d25-7e4b1f2c9a57";
    static final String AUTHOR_NAME = "Tandem (kept for a new subtask)";

    private final Db db;
    private final Subscription sub;
    /** Where passes run, off the engine's callback thread. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-tree-repair");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    private final Supplier<Set<String>> shared;

    private TreeRepair(Db db, Supplier<Set<String>> shared) {
        this.db = db;
        this.shared = shared;
        this.sub = db.subscribe(ChangeEvent.Origin.SYNC, new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                if (events.stream().anyMatch(e -> e.table().equals("items"))) {
                    queue();
                }
            }

            @Override
            public void onUnknownChanges() {
                queue();
            }
        });
    }

    /**
     * Repairs {@code db}'s tree after every sync commit, on a thread of its own; {@code shared} gives the lists
     * shared with other people at the time of each pass.
     */
    static TreeRepair start(Db db, Supplier<Set<String>> shared) {
        return new TreeRepair(Objects.requireNonNull(db, "db"), Objects.requireNonNull(shared, "shared"));
    }

    private void queue() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                try {
                    run(db, shared.get());
                } catch (RuntimeException e) {
                    // Nothing was written (the pass is one transaction); the next sync's commit tries again.
                    System.getLogger("tandem").log(System.Logger.Level.WARNING, "Repairing the outline after a sync failed: "
                            + e.getMessage(), e);
                }
            });
        }
    }

    /** One todo's place, as the one query of a pass reads it. */
    private record Link(String id, String parentId, String listId, Long trashedAt) {
    }

    /** One pass over every subtask, no list shared; returns how many rows it wrote. */
    public static int run(Db db) {
        return run(db, Set.of());
    }

    /**
     * One pass over every subtask, {@code shared} the lists shared with other people (whose edge it never
     * crosses); returns how many rows it wrote.
     */
    public static int run(Db db, Set<String> shared) {
        return run(db, shared, () -> { });
    }

    /** How many times a pass reads again when a commit changed what it restores between its reads. */
    private static final int ATTEMPTS = 4;

    /**
     * {@link #run(Db, Set)}, with {@code betweenReads} run after history is read and before the transaction
     * that writes: a test commits there what a sync could commit at that moment.
     */
    static int run(Db db, Set<String> shared, Runnable betweenReads) {
        for (int attempt = 1; ; attempt++) {
            // The deletes that will lose, read first: history is read outside the transaction that writes, and the
            // conflict must be recorded in the transaction that saves the restore. A commit between the two reads
            // (a sync trashing a parent, or trashing it again) would restore it without its conflict, so the
            // transaction checks that what it restores is what was read, and the pass reads again if not.
            Map<String, Link> read = new HashMap<>();
            Plan before = new Plan(db.query(Link.class, LINKS), shared);
            before.restores.forEach(id -> read.put(id, before.byId.get(id)));
            Map<String, String> trashChanges = new HashMap<>();
            for (String id : before.restores) {
                trashChange(db, id).ifPresent(change -> trashChanges.put(id, change));
            }
            betweenReads.run();
            boolean last = attempt == ATTEMPTS;
            int written = db.transactionResult(tx -> repair(tx, shared, trashChanges, last ? null : read));
            if (written >= 0) {
                return written;
            }
        }
    }

    private static final String LINKS = "SELECT id, parentId, listId, trashedAt FROM items";

    /**
     * The repairs, planned in memory from one read of every todo's place, each todo visited a bounded number of
     * times whatever the depth of its chain (a member's batch can write one 20,000 deep): the cycles to break,
     * the trashed todos above a live one, each subtask's top todo's list.
     *
     * <p>Which links count: a parent that is here, in the same list, or, when neither list is shared, in
     * another of this person's lists (a move merged with a subtask added elsewhere). A link across a shared
     * list's edge counts as a missing parent: following it would let a member move their todo into a private
     * list, or bring a private todo back out of the Trash, as this person's own edit.
     */
    static final class Plan {
        final Map<String, Link> byId = new HashMap<>();
        /** Each todo's counted parent, cycles broken. */
        final Map<String, String> up = new HashMap<>();
        final List<String> breaks;
        /** Trashed todos above a live one, to bring back. */
        final Set<String> restores = new HashSet<>();
        /** Subtasks whose row names another list than their top todo's: id to that list. */
        final Map<String, String> lists = new HashMap<>();

        Plan(List<Link> links, Set<String> shared) {
            links.forEach(l -> byId.put(l.id(), l));
            for (Link l : links) {
                Link p = l.parentId() == null ? null : byId.get(l.parentId());
                if (p != null && (Objects.equals(p.listId(), l.listId())
                        || (!shared.contains(p.listId()) && !shared.contains(l.listId())))) {
                    up.put(l.id(), p.id());
                }
            }
            breaks = cycleBreaks(up);
            breaks.forEach(up::remove);
            // Marked: every todo above it is marked too, so each walk stops at the first marked one.
            Set<String> underLive = new HashSet<>();
            for (Link l : links) {
                if (l.trashedAt() != null) {
                    continue;
                }
                String at = up.get(l.id());
                while (at != null && underLive.add(at)) {
                    if (byId.get(at).trashedAt() != null) {
                        restores.add(at);
                    }
                    at = up.get(at);
                }
            }
            // Each todo's top, remembered along every walk, so each is found once.
            Map<String, String> topOf = new HashMap<>();
            List<String> path = new ArrayList<>();
            for (Link l : links) {
                path.clear();
                String at = l.id();
                String top = null;
                while (top == null) {
                    top = topOf.get(at);
                    if (top == null) {
                        path.add(at);
                        String parent = up.get(at);
                        if (parent == null) {
                            top = at;
                        } else {
                            at = parent;
                        }
                    }
                }
                String list = byId.get(top).listId();
                for (String id : path) {
                    topOf.put(id, top);
                    if (up.containsKey(id) && !Objects.equals(byId.get(id).listId(), list)) {
                        lists.put(id, list);
                    }
                }
            }
        }
    }

    /**
     * Writes the repairs planned from the rows as they are now; returns how many rows it wrote, or -1 (writing
     * nothing) when {@code read} is given and the restores differ from it (the caller reads history again).
     */
    private static int repair(Tx tx, Set<String> shared, Map<String, String> trashChanges, Map<String, Link> read) {
        // Planned again inside the transaction that writes, from rows no other write changes meanwhile.
        Plan plan = new Plan(tx.query(Link.class, LINKS), shared);
        if (read != null && (!read.keySet().equals(plan.restores)
                || plan.restores.stream().anyMatch(id -> !read.get(id).equals(plan.byId.get(id))))) {
            return -1;
        }
        int written = 0;
        for (String breakAt : plan.breaks) {
            Item it = tx.get(Item.class, breakAt).orElse(null);
            if (it != null) {
                tx.save(it.withParentId(null));
                written++;
            }
        }
        for (String id : plan.restores) {
            Item p = tx.get(Item.class, id).orElse(null);
            if (p == null) {
                continue;
            }
            tx.save(p.withTrashedAt(null));
            String change = trashChanges.get(id);
            if (change != null) {
                if (tx.get(DeviceName.class, AUTHOR).isEmpty()) {
                    tx.save(new DeviceName(AUTHOR, AUTHOR_NAME));
                }
                tx.conflicts().keepReplacedChange("items", id, "trashedAt", change, AUTHOR);
            }
            written++;
        }
        for (Map.Entry<String, String> e : plan.lists.entrySet()) {
            Item c = tx.get(Item.class, e.getKey()).orElse(null);
            if (c != null) {
                tx.save(c.withListId(e.getValue()));
                written++;
            }
        }
        return written;
    }

    /** In each cycle of {@code parentOf}, the member with the smallest id. */
    static List<String> cycleBreaks(Map<String, String> parentOf) {
        Map<String, Item> asItems = new HashMap<>();
        parentOf.forEach((id, parent) -> asItems.put(id, new Item(id, null, null, null, null, null, null, null, null)
                .withParentId(parent)));
        return new ArrayList<>(ItemTree.cycleBreaks(asItems));
    }

    /** The change that last moved {@code id} to the Trash, if history still holds it. */
    private static Optional<String> trashChange(Db db, String id) {
        List<Change> changes = db.history().changes("items", id);
        for (int k = changes.size() - 1; k >= 0; k--) {
            for (FieldChange f : changes.get(k).fields()) {
                if (f.field().equals("trashedAt") && f.value() != null) {
                    return Optional.of(changes.get(k).id());
                }
            }
        }
        return Optional.empty();
    }

    /** Stops listening; a pass under way finishes first, so the database is not closed under it. */
    @Override
    public void close() {
        sub.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

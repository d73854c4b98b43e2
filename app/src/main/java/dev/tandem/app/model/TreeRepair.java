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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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
 *       smallest id goes to the top level, which is where {@link Outline} already shows it.</li>
 * </ul>
 *
 * <p>A parent that is not here at all is left alone: it may still be on its way (another device's batch not
 * read yet), and the outline shows its subtask at the top level meanwhile.
 *
 * <p>Runs after each commit that sync made ({@link ChangeEvent.Origin#SYNC}), on a thread of its own, a burst of
 * commits costing one pass; {@link #run} runs a pass at once (the CLI after a sync, tests). Its writes are
 * this device's own changes and sync as usual; two devices making the same repair write the same values.
 */
public final class TreeRepair implements AutoCloseable {
    /** Names the repair as a conflict's author ("Tandem"): a UUID the app shows by name. */
    public static final String AUTHOR = "5f0c6a47-1d8e-4f43-9d25-7e4b1f2c9a57";
    static final String AUTHOR_NAME = "Tandem (kept for a new subtask)";

    private final Db db;
    private final Subscription sub;
    /** Where passes run, off the engine's callback thread. */
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-tree-repair");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    private TreeRepair(Db db) {
        this.db = db;
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

    /** Repairs {@code db}'s tree after every sync commit, on a thread of its own. */
    static TreeRepair start(Db db) {
        return new TreeRepair(Objects.requireNonNull(db, "db"));
    }

    private void queue() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                run(db);
            });
        }
    }

    private record Link(String id, String parentId, String listId, Long trashedAt, String parentList,
                        Long parentTrashedAt) {
    }

    /** One pass over every subtask; returns how many rows it wrote. */
    public static int run(Db db) {
        // The deletes that will lose, read first: history is read outside the transaction that writes, and the
        // conflict must be recorded in the transaction that saves the restore.
        Map<String, String> trashChanges = new HashMap<>();
        for (Link l : db.query(Link.class, LINKS + " WHERE c.trashedAt IS NULL AND p.trashedAt IS NOT NULL")) {
            trashChange(db, l.parentId()).ifPresent(change -> trashChanges.put(l.parentId(), change));
        }
        return db.transactionResult(tx -> repair(tx, trashChanges));
    }

    private static final String LINKS = "SELECT c.id AS id, c.parentId AS parentId, c.listId AS listId,"
            + " c.trashedAt AS trashedAt, p.listId AS parentList, p.trashedAt AS parentTrashedAt"
            + " FROM items c JOIN items p ON p.id = c.parentId";

    private static int repair(Tx tx, Map<String, String> trashChanges) {
        int written = 0;
        List<Link> links = tx.query(Link.class, LINKS + " WHERE c.parentId IS NOT NULL");
        Map<String, String> parentOf = new HashMap<>();
        links.forEach(l -> parentOf.put(l.id(), l.parentId()));
        // Cycles first: the rest walks up parents.
        for (String breakAt : cycleBreaks(parentOf)) {
            Item it = tx.get(Item.class, breakAt).orElse(null);
            if (it != null) {
                tx.save(it.withParentId(null));
                parentOf.remove(breakAt);
                written++;
            }
        }
        for (Link l : links) {
            if (l.trashedAt() != null || !parentOf.containsKey(l.id())) {
                continue;
            }
            // Out of the Trash, every trashed todo above a live one.
            String at = l.parentId();
            Set<String> seen = new HashSet<>();
            while (at != null && seen.add(at)) {
                Item p = tx.get(Item.class, at).orElse(null);
                if (p == null) {
                    break;
                }
                if (p.isTrashed()) {
                    tx.save(p.withTrashedAt(null));
                    String change = trashChanges.get(p.id());
                    if (change != null) {
                        if (tx.get(DeviceName.class, AUTHOR).isEmpty()) {
                            tx.save(new DeviceName(AUTHOR, AUTHOR_NAME));
                        }
                        tx.conflicts().keepReplacedChange("items", p.id(), "trashedAt", change, AUTHOR);
                    }
                    written++;
                }
                at = parentOf.get(at);
            }
        }
        // Lists follow the top todo, read after the cycle breaks and restores above.
        for (Link l : links) {
            Item c = tx.get(Item.class, l.id()).orElse(null);
            if (c == null || !c.hasParent()) {
                continue;
            }
            String list = topList(tx, c);
            if (!Objects.equals(list, c.listId())) {
                tx.save(c.withListId(list));
                written++;
            }
        }
        return written;
    }

    private static String topList(Tx tx, Item item) {
        Set<String> seen = new HashSet<>();
        Item at = item;
        while (at.hasParent() && seen.add(at.id())) {
            Item p = tx.get(Item.class, at.parentId()).orElse(null);
            if (p == null) {
                break;
            }
            at = p;
        }
        return at.listId();
    }

    /** In each cycle of {@code parentOf}, the member with the smallest id. */
    static List<String> cycleBreaks(Map<String, String> parentOf) {
        Map<String, Item> asItems = new HashMap<>();
        parentOf.forEach((id, parent) -> asItems.put(id, new Item(id, null, null, null, null, null, null, null, null)
                .withParentId(parent)));
        return new ArrayList<>(Outline.cycleBreaks(asItems));
    }

    /** The change that last moved {@code id} to the Trash, if history still holds it. */
    private static java.util.Optional<String> trashChange(Db db, String id) {
        List<Change> changes = db.history().changes("items", id);
        for (int k = changes.size() - 1; k >= 0; k--) {
            for (FieldChange f : changes.get(k).fields()) {
                if (f.field().equals("trashedAt") && f.value() != null) {
                    return java.util.Optional.of(changes.get(k).id());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Stops listening; a pass under way finishes first, so the database is not closed under it. */
    @Override
    public void close() {
        sub.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

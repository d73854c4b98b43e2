package dev.tandem.engine.testing;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.TandemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The edits a random script makes on one replica, over a small world so that replicas collide
 * often: four items ({@code i0..i3}) and two lists ({@code l0, l1}) with fixed ids, so two replicas
 * can even create "the same" entity concurrently, and values from tiny domains, so equal values
 * meet too. Every edit that returns is recorded in the {@link SaveLedger}.
 */
public final class ReplicaOps {
    public static final int SLOTS = 6;

    private ReplicaOps() {
    }

    public static String id(int slot) {
        return slot < 4 ? "i" + slot : "l" + (slot - 4);
    }

    /**
     * Runs edit {@code kind} (0 create, 1 edit one field, 2 edit two, 3 delete, 4 restore, 5 use a
     * conflict's lost value) on {@code db}; does nothing when it does not apply to what the replica
     * holds. Returns the number of changes it made.
     */
    public static int edit(Db db, SaveLedger ledger, int kind, int slot, int field, int value) {
        long before = SaveLedger.lastOwnSeq(db);
        String id = id(slot);
        boolean item = slot < 4;
        try {
            apply(db, kind, id, item, field, value);
        } catch (TandemException e) {
            // A foreign key refuses the edit: a list that items point at cannot be deleted, and an
            // item cannot point at a list a concurrent merge just removed. Not acknowledged, so not
            // recorded; anything else is a failure.
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("foreign key")) {
                throw e;
            }
        }
        return ledger.acknowledge(db, before);
    }

    private static void apply(Db db, int kind, String id, boolean item, int field, int value) {
        switch (kind) {
            case 0 -> {
                if (item && db.get(Item.class, id).isEmpty()) {
                    db.save(new Item(id, listFor(db, value), "t" + value, value % 2 == 1, (long) value, null));
                } else if (!item && db.get(TodoList.class, id).isEmpty()) {
                    db.save(new TodoList(id, "list " + value));
                }
            }
            case 1, 2 -> {
                if (item) {
                    db.get(Item.class, id).ifPresent(it -> {
                        Item changed = editItem(db, it, field, value);
                        db.save(kind == 2 ? editItem(db, changed, field + 1, value + 1) : changed);
                    });
                } else {
                    db.get(TodoList.class, id).ifPresent(l -> db.save(new TodoList(id, "list " + value)));
                }
            }
            case 3 -> {
                if (item) {
                    db.delete(Item.class, id);
                } else {
                    db.delete(TodoList.class, id);
                }
            }
            case 4 -> {
                if (item) {
                    db.restore(Item.class, id);
                } else {
                    db.restore(TodoList.class, id);
                }
            }
            default -> {
                List<Conflict> conflicts = db.conflicts().list();
                if (!conflicts.isEmpty()) {
                    db.conflicts().useLostValue(conflicts.get(Math.floorMod(value, conflicts.size())).id());
                }
            }
        }
    }

    private static Item editItem(Db db, Item it, int field, int value) {
        return switch (Math.floorMod(field, 5)) {
            case 0 -> it.withTitle("t" + value % 5);
            case 1 -> it.withNotes(value % 5 == 0 ? null : "n" + value % 5);
            case 2 -> it.withDone(value % 2 == 1);
            case 3 -> new Item(it.id(), it.listId(), it.title(), it.done(), value % 3 == 0 ? null : (long) value % 3,
                    it.notes());
            default -> it.withList(listFor(db, value));
        };
    }

    /** A list this replica shows, or none: a save must not break a foreign key locally. */
    private static String listFor(Db db, int value) {
        if (value % 3 == 2) {
            return null;
        }
        String list = "l" + value % 2;
        Optional<TodoList> l = db.get(TodoList.class, list);
        return l.isPresent() ? list : null;
    }
}

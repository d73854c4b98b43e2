package dev.tandem.app.model;

import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Marks the changes a program outside the window made (an assistant through {@code tandem mcp}) with where they
 * came from ({@link ChangeOrigin}), and reads those marks for an item's history.
 *
 * <p>Design. The engine names a change's device, not its program, and has no room in a change for more; so the
 * origin is a row of its own, keyed by the change's id. {@link #marking} runs the program's writes in one
 * transaction (writes through the store join it) and, before it commits, saves a row for each change of this
 * device that the work added to the items it names. Which changes are new is exact: for an item named before the
 * work, the changes it held before are read in the same transaction, which holds the database's write lock, so no
 * other process (the window on the same file) can add a change in between; an item named only after the work
 * (one it made) had no change before. The changes of the items' tag rows ({@link ItemTag}: adding or removing a tag
 * is a change of its row, not of the item) are marked the same way, as history shows them with the item's.
 */
public final class ChangeOrigins {
    /** Ids an {@code IN (...)} list holds at most, well within SQLite's bound of parameters. */
    private static final int CHUNK = 500;

    private final TodoStore store;

    public ChangeOrigins(TodoStore store) {
        this.store = store;
    }

    /**
     * Runs {@code work} in one transaction and marks as {@code via} {@code client} every change of this device it
     * made to the items {@code before} names (read in the transaction, before the work) and {@code after} names of
     * its result.
     */
    public <R> R marking(String via, String client, Supplier<Collection<String>> before, Supplier<R> work,
            Function<R, Collection<String>> after) {
        String name = ChangeOrigin.clientName(client);
        return store.writeAll(tx -> {
            Map<String, Set<String>> had = new HashMap<>();
            Collection<String> named = before.get();
            for (String id : named) {
                Set<String> ids = new HashSet<>();
                changes(tx, id).forEach(c -> ids.add(c.id()));
                had.put(id, ids);
            }
            R result = work.get();
            Set<String> items = new LinkedHashSet<>(named);
            items.addAll(after.apply(result));
            String me = store.db().deviceId();
            for (String id : items) {
                Set<String> old = had.getOrDefault(id, Set.of());
                for (Change c : changes(tx, id)) {
                    if (me.equals(c.author()) && !old.contains(c.id())) {
                        tx.save(new ChangeOrigin(c.id(), via, name));
                    }
                }
            }
            return result;
        });
    }

    /** The item's changes and those of its tags' rows (a tag's add or removal is a change of its row). */
    private List<Change> changes(Tx tx, String itemId) {
        List<Change> out = new ArrayList<>(store.db().history().changes("items", itemId));
        for (ItemTag t : tx.query(ItemTag.class, "SELECT * FROM item_tags WHERE itemId = ?", itemId)) {
            out.addAll(store.db().history().changes("item_tags", t.id()));
        }
        return out;
    }

    private record Id(String id) {
    }

    /**
     * Deletes the marks of changes the changelog no longer holds, so a mark goes with the history it describes
     * ({@link Replica#pruneHistory} runs this after the engine's pruning). Only marks of changes older than
     * {@code keep} at {@code nowMillis} (by the time in the change's id) are asked about, as pruning never forgets
     * a younger change; a mark whose id is no change id describes nothing and goes too. The delete syncs, as any
     * row's does: another device that keeps the change longer then shows it as the device's alone. Returns how
     * many went.
     */
    public static int forgetPruned(Db db, Duration keep, long nowMillis) {
        long cutoff = nowMillis - keep.toMillis();
        List<String> old = new ArrayList<>();
        for (Id row : db.query(Id.class, "SELECT id FROM change_origins")) {
            if (changeMillis(row.id()) < cutoff) {
                old.add(row.id());
            }
        }
        if (old.isEmpty()) {
            return 0;
        }
        Set<String> held = db.history().held(old);
        List<String> gone = old.stream().filter(id -> !held.contains(id)).toList();
        for (int from = 0; from < gone.size(); from += CHUNK) {
            List<String> slice = gone.subList(from, Math.min(gone.size(), from + CHUNK));
            db.transaction(tx -> slice.forEach(id -> tx.delete(ChangeOrigin.class, id)));
        }
        return gone.size();
    }

    /** The time in a change id (a UUIDv7's first 48 bits); the earliest there is for one that is not a UUID. */
    private static long changeMillis(String id) {
        try {
            return UUID.fromString(id).getMostSignificantBits() >>> 16;
        } catch (IllegalArgumentException | NullPointerException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The origins of {@code changes} that have one, by change id. */
    public Map<String, ChangeOrigin> of(List<Change> changes) {
        Map<String, ChangeOrigin> out = new HashMap<>();
        List<String> ids = changes.stream().map(Change::id).toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            String marks = String.join(",", Collections.nCopies(part.size(), "?"));
            for (ChangeOrigin o : store.db().query(ChangeOrigin.class,
                    "SELECT * FROM change_origins WHERE id IN (" + marks + ")", part.toArray())) {
                out.put(o.id(), o);
            }
        }
        return out;
    }

    /**
     * {@code device} (a device's label) with how the change came, when it has an origin this Tandem knows: "This
     * device via MCP (Claude Desktop)". The client's name is cleaned again, as a synced row may hold anything.
     */
    public static String label(String device, ChangeOrigin origin) {
        if (origin == null || !ChangeOrigin.MCP.equals(origin.via())) {
            return device;
        }
        String client = ChangeOrigin.clientName(origin.client());
        return client.isEmpty() ? Messages.text("common.origin.mcpUnnamed", device)
                : Messages.text("common.origin.mcp", device, client);
    }

    /** Labels for {@code changes}: each device's label ({@code deviceLabel}), with its origin where it has one. */
    public Function<Change, String> labels(List<Change> changes, Function<String, String> deviceLabel) {
        Map<String, ChangeOrigin> origins = of(changes);
        Map<String, String> devices = new HashMap<>();
        return c -> label(devices.computeIfAbsent(c.author(), deviceLabel), origins.get(c.id()));
    }
}

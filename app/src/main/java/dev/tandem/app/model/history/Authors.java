package dev.tandem.app.model.history;

import dev.tandem.app.model.ChangeOrigins;
import dev.tandem.app.model.DeviceName;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TreeRepair;
import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who made a change, by name. Each device saves its own display name (a {@link DeviceName} row, which
 * syncs), so an item's history and the conflicts on another device say "Phone" rather than a device id;
 * a device that never said its name is labelled by the end of its id.
 */
public final class Authors {
    private final TodoStore store;

    public Authors(TodoStore store) {
        this.store = store;
    }

    /** The longest display name a device may have, in characters. */
    public static final int MAX_NAME = 64;
    /** What is wrong with a name {@link #validName} refuses. */
    public static String nameProblem() {
        return Messages.text("common.device.nameProblem", String.valueOf(MAX_NAME));
    }

    /**
     * {@code raw} as a display name: stripped, 1 to {@link #MAX_NAME} characters (code points), no
     * control characters; empty when it is not one.
     */
    public static Optional<String> validName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        long n = s.codePointCount(0, s.length());
        if (n < 1 || n > MAX_NAME || s.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The name this device saved for itself (its {@link DeviceName} row), if any. */
    public Optional<String> ownName() {
        return store.db().get(DeviceName.class, store.db().deviceId()).map(DeviceName::name).filter(n -> !n.isBlank());
    }

    /** Saves this device's display name (only when it changed, so no change is recorded at each start). */
    public void register(String name) {
        String id = store.db().deviceId();
        Optional<DeviceName> cur = store.db().get(DeviceName.class, id);
        if (cur.isEmpty() || !Objects.equals(cur.get().name(), name)) {
            store.writeAll(tx -> tx.save(new DeviceName(id, name)));
        }
    }

    /** How {@link #label} names the device the store runs on, in the process's language. */
    public static String thisDevice() {
        return Messages.text("common.device.thisDevice");
    }

    /**
     * A short label for a device id: "This device", its saved name (the user's own devices), the
     * person it belongs to (another member of a shared list: "Alex"), or "Device 1a2b3c".
     */
    public String label(String deviceId) {
        if (deviceId == null) {
            return Messages.text("common.device.unknown");
        }
        if (deviceId.equals(store.db().deviceId())) {
            return thisDevice();
        }
        if (deviceId.equals(TreeRepair.AUTHOR)) {
            // Its synced name row is data, written once in whichever language; the label is said in this one.
            return Messages.text("common.device.treeRepair");
        }
        return store.db().get(DeviceName.class, deviceId).map(DeviceName::name).filter(n -> !n.isBlank())
                .or(() -> store.people().of(deviceId))
                .orElseGet(() -> Messages.text("common.device.fallback", deviceId.substring(Math.max(0, deviceId.length() - 6))));
    }

    /**
     * As {@link #label}, but the device the store runs on named {@code thisDevice} (its name) rather than "This
     * device": for a reader elsewhere, such as a web page on a phone, to whom "this device" is the phone.
     */
    public String label(String deviceId, String thisDevice) {
        return deviceId != null && deviceId.equals(store.db().deviceId()) ? thisDevice : label(deviceId);
    }

    /**
     * The item's changes, one entry per field, and each change to one of its tags as one entry
     * ({@link HistoryEntry#TAG_ADDED}, {@link HistoryEntry#TAG_REMOVED}), in the order they were made (by change id,
     * the clock's order); each labelled with the device that made it and, for a change made through
     * {@code tandem mcp}, the assistant it came from ({@link ChangeOrigins}).
     */
    public List<HistoryEntry> history(String itemId) {
        String me = store.db().deviceId();
        List<Change> changes = new ArrayList<>(store.db().history().changes("items", itemId));
        Map<String, String> tagOf = new HashMap<>();
        for (ItemTag t : store.db().query(ItemTag.class, "SELECT * FROM item_tags WHERE itemId = ?", itemId)) {
            for (Change c : store.db().history().changes("item_tags", t.id())) {
                changes.add(c);
                tagOf.put(c.id(), t.tag());
            }
        }
        changes.sort(Comparator.comparing(Change::id));
        List<HistoryEntry> out = new ArrayList<>();
        Function<Change, String> labels = new ChangeOrigins(store).labels(changes, this::label);
        for (Change c : changes) {
            String label = labels.apply(c);
            String tag = tagOf.get(c.id());
            if (tag != null) {
                String field = tagField(c);
                if (field != null) {
                    out.add(new HistoryEntry(c.id(), c.at(), label, me.equals(c.author()), field, tag));
                }
                continue;
            }
            for (FieldChange f : c.fields()) {
                out.add(new HistoryEntry(c.id(), c.at(), label, me.equals(c.author()), f.field(), f.value()));
            }
        }
        return out;
    }

    /**
     * What a change of a tag row did: set {@code removedAt} removed the tag, cleared it (or made the row) added it;
     * null for anything else (the row forgotten with its todo).
     */
    private static String tagField(Change c) {
        boolean made = false;
        for (FieldChange f : c.fields()) {
            if (f.field().equals(Change.DELETED_FIELD)) {
                return null;
            }
            if (f.field().equalsIgnoreCase("removedAt")) {
                return f.value() == null ? HistoryEntry.TAG_ADDED : HistoryEntry.TAG_REMOVED;
            }
            made |= f.field().equalsIgnoreCase("tag");
        }
        return made ? HistoryEntry.TAG_ADDED : null;
    }
}

package dev.tandem.app.model.history;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.ChangeOrigins;
import dev.tandem.app.model.DerivedIds;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Earlier versions of a todo or note, and bringing one back. A version is the item right after one of
 * its changes ({@link dev.tandem.engine.History#version}), or as it stood at a time ({@link dev.tandem.engine.History#asOf}); its tags are
 * the tag rows that stood then. Bringing it back is an ordinary save of the chosen fields, so it syncs
 * as a new edit and merges field by field: it never rewinds a later edit of a field not chosen, on
 * this device or any other.
 */
public final class ItemVersions {
    private final TodoStore store;
    private final Authors authors;

    public ItemVersions(TodoStore store, Authors authors) {
        this.store = store;
        this.authors = authors;
    }

    /**
     * One version: the item right after change {@code changeId}.
     *
     * @param number   1 for the first change, counting up; a version keeps its number as new ones come
     * @param fields   the fields the change set (empty for a delete or restore alone)
     * @param deletes  the change deleted the item for good; {@code restores}: brought it back
     */
    public record Version(int number, String changeId, Instant at, String device, boolean thisDevice,
                          Set<ItemField> fields, boolean deletes, boolean restores) {
        /** What the change did, in a few words: "Created", "Changed notes, title", "Deleted for good". */
        public String summary() {
            if (number == 1) {
                return Messages.text("editor.versions.what.created");
            }
            if (deletes) {
                return Messages.text("editor.versions.what.deleted");
            }
            if (restores) {
                return Messages.text("editor.versions.what.restored");
            }
            return fields.isEmpty() ? Messages.text("editor.versions.what.changed")
                    : Messages.text("editor.versions.what.changedFields", fields.stream().map(ItemField::inSentence)
                            .collect(Collectors.joining(", ")));
        }
    }

    /** The item's versions, oldest first, numbered from 1. */
    public List<Version> versions(String itemId) {
        String me = store.db().deviceId();
        List<Version> out = new ArrayList<>();
        List<Change> changes = store.db().history().changes("items", itemId);
        Function<Change, String> labels = new ChangeOrigins(store).labels(changes, authors::label);
        for (Change c : changes) {
            Set<ItemField> fields = EnumSet.noneOf(ItemField.class);
            boolean deletes = false;
            boolean restores = false;
            for (FieldChange f : c.fields()) {
                if (f.field().equals(Change.DELETED_FIELD)) {
                    deletes = Long.valueOf(1L).equals(f.value());
                    restores = !deletes;
                } else if (ItemField.ofColumn(f.field()) != null) {
                    fields.add(ItemField.ofColumn(f.field()));
                }
            }
            if (restores) {
                fields.clear(); // a restore writes every value again; it did one thing
            } else if (fields.isEmpty() && !deletes && !out.isEmpty() && c.fields().stream()
                    .allMatch(f -> f.field().equals("collapsed"))) {
                continue; // folding subtasks away or out is no version of the todo worth going back to
            }
            out.add(new Version(out.size() + 1, c.id(), c.at(), labels.apply(c),
                    me.equals(c.author()), fields, deletes, restores));
        }
        return out;
    }

    /** Versions a page holds: what {@code tandem history} prints at once, and the Versions dialog loads at once. */
    public static final int PAGE = 50;

    /**
     * Page {@code page} (1: the newest) of {@code all}, {@code size} versions each, oldest first within it;
     * {@code pages} how many there are (at least 1). A member can write 20,000 versions of a shared todo: what
     * costs per version (its files, its lines) is paid for one page.
     */
    public record Page(List<Version> versions, int page, int pages, int total) {
        public static Page of(List<Version> all, int page, int size) {
            int pages = Math.max(1, (all.size() + size - 1) / size);
            int p = Math.max(1, Math.min(page, pages));
            int to = all.size() - (p - 1) * size;
            return new Page(List.copyOf(all.subList(Math.max(0, to - size), Math.max(0, to))), p, pages, all.size());
        }
    }

    /** The version numbered {@code number} (from {@link #versions}), or one whose change id starts with it. */
    public Optional<Version> find(String itemId, String numberOrId) {
        List<Version> all = versions(itemId);
        String s = numberOrId.strip();
        if (s.matches("\\d{1,6}")) {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= all.size() ? Optional.of(all.get(n - 1)) : Optional.empty();
        }
        List<Version> matches = all.stream().filter(v -> s.length() >= 4 && v.changeId().startsWith(s)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * The item as it was right after {@code version}, with the tags it had while that version stood:
     * tags are rows of their own, added and removed apart from the item's changes, so they are read
     * as of just before the next version (or now, for the last one).
     */
    public Optional<Item> item(String itemId, Version version) {
        return item(itemId, versions(itemId), version);
    }

    /** As above, {@code all} the item's versions, read once for a page of them. */
    public Optional<Item> item(String itemId, List<Version> all, Version version) {
        Instant until = standing(all, version);
        return store.db().history().version(Item.class, itemId, version.changeId())
                .map(it -> it.withTags(tagsAsOf(itemId, until)));
    }

    /**
     * The files attached to the item while {@code version} stood, oldest first: attachments are rows
     * of their own, added and removed apart from the item's changes, so, like its tags, they are
     * read as of just before the next version (or now, for the last one). A file removed since is
     * listed; its bytes stay on the remote while a version names it.
     */
    public List<Attachment> attachments(String itemId, Version version) {
        return attachments(itemId, versions(itemId), version);
    }

    /** As above, {@code all} the item's versions, read once for a page of them. */
    public List<Attachment> attachments(String itemId, List<Version> all, Version version) {
        return attachmentsAsOf(itemId, standing(all, version));
    }

    /** The files attached to the item at {@code at}, oldest first. */
    public List<Attachment> attachmentsAsOf(String itemId, Instant at) {
        return store.db().history().asOf(Attachment.class, at).stream().filter(a -> itemId.equals(a.itemId()))
                .sorted(Comparator.comparing(Attachment::createdAt, Comparator.nullsFirst(
                        Comparator.naturalOrder())).thenComparing(Attachment::id))
                .toList();
    }

    /** The last moment {@code version} was the item's newest: just before the next version, or now. */
    private Instant standing(String itemId, Version version) {
        return standing(versions(itemId), version);
    }

    private Instant standing(List<Version> all, Version version) {
        return version.number() >= all.size() ? store.clock().instant()
                : Collections.max(List.of(version.at(), all.get(version.number()).at().minusMillis(1)));
    }

    /** The item as it stood at {@code at}, with its tags then; empty when it did not exist or was deleted. */
    public Optional<Item> itemAsOf(String itemId, Instant at) {
        return store.db().history().asOf(Item.class, itemId, at).map(it -> it.withTags(tagsAsOf(itemId, at)));
    }

    /** What bringing back {@code then} (a version or an as-of item) would change, field by field. */
    public VersionRestore plan(Item then, Instant since) {
        String id = then.id();
        Optional<Item> now = store.get(id).map(it -> it.withTags(String.join(" ", new TagStore(store).of(id))));
        Map<ItemField, String> changedBy = changedSince(id, since);
        List<VersionRestore.FieldDiff> diffs = new ArrayList<>();
        for (ItemField f : ItemField.values()) {
            Item current = now.orElse(null);
            if (current == null || f.differs(then, current)) {
                if (current == null && f.value(then) == null) {
                    continue;
                }
                diffs.add(new VersionRestore.FieldDiff(f, f.value(then), current == null ? null : f.value(current),
                        changedBy.get(f)));
            }
        }
        return new VersionRestore(id, then, now, diffs);
    }

    /**
     * Writes the chosen fields of the plan's version back, in one transaction: a deleted item comes
     * back first (with the links deleted with it). Returns the item as saved.
     */
    public Item restore(VersionRestore plan, Set<ItemField> fields) {
        return store.writeAll(tx -> {
            if (plan.deleted()) {
                tx.restore(Item.class, plan.itemId());
                ItemLink.SYSTEMS.forEach(system -> tx.restore(ItemLink.class, DerivedIds.link(plan.itemId(), system)));
            }
            Item current = tx.get(Item.class, plan.itemId()).orElseThrow(() -> new IllegalStateException(
                    "the item's history no longer holds it: " + plan.itemId()));
            return write(tx, current, plan.then(), fields, store.clock().millis());
        });
    }

    /**
     * Brings a list back as it stood at {@code at}, in one transaction: the list itself (back from a
     * delete, its old name) and each of {@code items} (the list's items then) with the fields planned
     * by {@link #plan} in their default choice. Returns the plans, for {@link #undoList}.
     */
    public List<VersionRestore> restoreList(TodoList then, List<Item> items, Instant at) {
        List<VersionRestore> plans = new ArrayList<>();
        for (Item it : items) {
            VersionRestore p = plan(it, at);
            if (!p.unchanged()) {
                plans.add(p);
            }
        }
        store.writeAll(tx -> {
            if (tx.get(TodoList.class, then.id()).isEmpty()) {
                tx.restore(TodoList.class, then.id());
            }
            tx.get(TodoList.class, then.id()).filter(l -> !Objects.equals(l.name(), then.name()))
                    .ifPresent(l -> tx.save(l.withName(then.name())));
            for (VersionRestore p : plans) {
                if (p.deleted()) {
                    tx.restore(Item.class, p.itemId());
                }
                tx.get(Item.class, p.itemId()).ifPresent(current -> write(tx, current, p.then(), p.defaultChoice(),
                        store.clock().millis()));
            }
            return null;
        });
        return plans;
    }

    /** Undoes {@link #restoreList}: each item's chosen fields as they were before; the list's name as {@code before}. */
    public void undoList(Optional<TodoList> before, String listId, List<VersionRestore> plans) {
        store.writeAll(tx -> {
            if (before.isEmpty()) {
                tx.delete(TodoList.class, listId);
            } else {
                tx.get(TodoList.class, listId).filter(l -> !Objects.equals(l.name(), before.get().name()))
                        .ifPresent(l -> tx.save(l.withName(before.get().name())));
            }
            for (VersionRestore p : plans) {
                Optional<Item> current = tx.get(Item.class, p.itemId());
                if (p.now().isPresent() && current.isPresent()) {
                    write(tx, current.get(), p.now().get(), p.defaultChoice(), store.clock().millis());
                } else if (p.deleted() && current.isPresent()) {
                    TodoStore.deleteItem(tx, p.itemId());
                }
            }
            return null;
        });
    }

    /** Undoes {@link #restore}: the chosen fields as they were before it, and a deleted item deleted again. */
    public void undo(VersionRestore plan, Set<ItemField> fields) {
        store.writeAll(tx -> {
            Optional<Item> current = tx.get(Item.class, plan.itemId());
            if (plan.now().isPresent() && current.isPresent()) {
                write(tx, current.get(), plan.now().get(), fields, store.clock().millis());
            } else if (plan.deleted() && current.isPresent()) {
                TodoStore.deleteItem(tx, plan.itemId());
            }
            return null;
        });
    }

    private static Item write(Tx tx, Item current, Item then, Set<ItemField> fields, long now) {
        Item next = current;
        for (ItemField f : fields) {
            next = f.take(next, then);
        }
        Item saved = next.equals(current) ? current : tx.save(next);
        if (fields.contains(ItemField.TAGS)) {
            Set<String> want = new TreeSet<>(split(then.tags()));
            Set<String> have = new TreeSet<>(TagStore.of(tx, current.id()));
            for (String t : have) {
                if (!want.contains(t)) {
                    TagStore.remove(tx, current.id(), t, now);
                }
            }
            for (String t : want) {
                if (!have.contains(t)) {
                    TagStore.add(tx, current.id(), t);
                }
            }
        }
        return saved;
    }

    /** For each field someone other than this device changed after {@code since}: the last such one's label. */
    private Map<ItemField, String> changedSince(String itemId, Instant since) {
        String me = store.db().deviceId();
        Map<ItemField, String> out = new HashMap<>();
        for (Change c : store.db().history().changes("items", itemId)) {
            if (!c.at().isAfter(since) || me.equals(c.author())) {
                continue;
            }
            for (FieldChange f : c.fields()) {
                ItemField field = ItemField.ofColumn(f.field());
                if (field != null) {
                    out.put(field, authors.label(c.author()));
                }
            }
        }
        return out;
    }

    /** The item's tags as they stood at {@code at}, space-separated in order; empty string for none. */
    private String tagsAsOf(String itemId, Instant at) {
        Set<String> tags = new TreeSet<>();
        for (ItemTag row : store.db().query(ItemTag.class, "SELECT * FROM item_tags WHERE itemId = ?", itemId)) {
            store.db().history().asOf(ItemTag.class, row.id(), at).filter(t -> !t.isRemoved()).ifPresent(t -> tags.add(t.tag()));
        }
        return String.join(" ", tags);
    }

    private static Set<String> split(String tags) {
        Set<String> out = new LinkedHashSet<>();
        if (tags != null) {
            for (String t : tags.split(" ")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}

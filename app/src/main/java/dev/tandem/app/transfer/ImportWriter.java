package dev.tandem.app.transfer;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.DerivedIds;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.ItemTag;

import dev.tandem.app.model.ItemTree;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.Tables;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes what an importer read, in one transaction through the store's save path, so the import
 * syncs like any edit and a failure leaves the profile as it was.
 *
 * <p>Idempotent: an item whose id this profile knows (as a row, or deleted for good: its history
 * remains) is skipped, so a second import of the same file adds nothing and never brings back what
 * the user deleted. A list is matched by id, then by name (ignoring case), and created only when
 * neither exists. An item's link ({@link ItemLink}, its iCalendar UID) is added where the item has
 * none of that system yet, also to an item imported before links were kept; never to an item deleted
 * for good. Smart lists go by {@link FilterImport}'s rule, the lists' own. Values are only ever bound
 * parameters: the engine builds its SQL from the schema's own names.
 */
public final class ImportWriter {
    private static final int PROGRESS_EVERY = 250;

    private ImportWriter() {
    }

    /** Bare id rows for the known-id check. */
    record RowId(String id) {
    }

    public static ImportReport write(TodoStore store, Incoming in, Progress progress) {
        return write(store, in, progress, -1);
    }

    /** As {@link #write(TodoStore, Incoming, Progress)}, the attached files within {@code filesBudget} bytes (-1: the disk's). */
    static ImportReport write(TodoStore store, Incoming in, Progress progress, long filesBudget) {
        Limits.itemCount(in.source(), in.items().size());
        long now = store.clock().millis();
        // Deleted for good: the row is gone, its history is not. Read before the write transaction
        // (history has no transactional form); a delete racing an import costs at most that entity.
        Tables tables = store.tables();
        Set<String> deleted = tables.deletedForGood("items", in.items().stream().map(Item::id).toList());
        Set<String> deletedLists = tables.deletedForGood("lists", in.lists().stream().map(TodoList::id).toList());
        Set<String> deletedSections = tables.deletedForGood("sections",
                in.sections().stream().map(Section::id).toList());
        Set<String> deletedFilters = tables.deletedForGood("saved_filters",
                in.filters().stream().map(f -> DerivedIds.savedFilter(f.name())).toList());
        int total = in.items().size();
        // Files only for the items this import adds: read before the transaction, as the known ids were.
        Set<String> skip = new HashSet<>(deleted);
        if (!in.attachments().isEmpty()) {
            skip.addAll(tables.ids("items"));
        }
        AttachmentImport.Result files = AttachmentImport.store(store, in, skip, progress, filesBudget);
        progress.update(Messages.text("common.progress.writing"), 0, total);
        int[] counts;
        try {
            counts = store.writeAll(tx -> {
                int[] written = write(tx, in, files, deleted, deletedLists, deletedSections, now, progress);
                int filters = FilterImport.write(new FilterImport.Rows(
                        () -> tx.query(SavedFilter.class, "SELECT * FROM saved_filters"), tx::save),
                        in.filters(), deletedFilters, now);
                return new int[] {written[0], written[1], written[2], filters};
            });
        } catch (RuntimeException e) {
            try {
                files.discardUnnamed(store);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        // Saved: only the files its rows name stay (an entry stored for a row the write then left out goes).
        files.discardUnnamed(store);
        progress.update(Messages.text("common.progress.writing"), total, total);
        List<String> warnings = new ArrayList<>(in.warnings());
        warnings.addAll(files.warnings());
        return new ImportReport(in.source(), counts[0], total - counts[0], counts[1], warnings, counts[2], counts[3]);
    }

    /** Returns {items added, lists created, attachments saved}. */
    private static int[] write(Tx tx, Incoming in, AttachmentImport.Result files, Set<String> deleted,
                               Set<String> deletedLists, Set<String> deletedSections, long now, Progress progress) {
        Set<String> known = new HashSet<>(deleted);
        for (RowId r : tx.query(RowId.class, "SELECT id FROM items")) {
            known.add(r.id());
        }
        Set<String> neededLists = new HashSet<>();
        Set<String> adding = new HashSet<>();
        for (Item it : in.items()) {
            if (!known.contains(it.id())) {
                adding.add(it.id());
                if (it.listId() != null) {
                    neededLists.add(it.listId());
                }
            }
        }
        Map<String, String> listIds = new HashMap<>();
        int listsCreated = resolveLists(tx, in.lists(), neededLists, deletedLists, now, listIds);
        Map<String, String> sectionIds = new HashMap<>();
        ImportStructure.Rows rows = rows(tx);
        ImportStructure.sections(rows, in, adding, listIds, deletedSections, now, sectionIds);
        ImportStructure structure = ImportStructure.place(rows, in, adding, listIds, sectionIds);
        int added = 0;
        int done = 0;
        Map<String, List<ItemTag>> tagRows = new HashMap<>();
        for (ItemTag t : in.tags()) {
            tagRows.computeIfAbsent(t.itemId(), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<ItemLink>> linkRows = new HashMap<>();
        for (ItemLink l : in.links()) {
            linkRows.computeIfAbsent(l.itemId(), k -> new ArrayList<>()).add(l);
        }
        int attached = 0;
        for (Item source : in.items()) {
            // known also holds what this file added already: duplicates inside a file keep the first.
            if (known.add(source.id())) {
                List<AttachmentImport.Stored> stored = files.of(source.id());
                Item raw = withAttachmentLinks(source, stored);
                // Attribute lines in the notes become real fields: priority, repeat rule, tags.
                RealFields.Applied applied = in.lossless() ? new RealFields.Applied(raw, List.of()) : RealFields.fromNotes(raw);
                // List resolved, section, parent and rank placed: ImportStructure.
                Item it = structure.of(applied.item());
                tx.save(it.withDoneFields(it.done() == null ? 0L : it.done(), it.doneAt())
                        .withCreatedAt(it.createdAt() == null ? now : it.createdAt()));
                for (String tag : applied.tags()) {
                    TagStore.add(tx, it.id(), tag);
                }
                for (ItemTag t : tagRows.getOrDefault(it.id(), List.of())) {
                    if (t.removedAt() == null) {
                        TagStore.add(tx, it.id(), t.tag());
                    }
                }
                for (AttachmentImport.Stored f : stored) {
                    IncomingAttachment a = f.from();
                    AttachmentStore.save(tx, it.id(), f.blob(), a.name(), a.type(),
                            a.createdAt() == null ? now : a.createdAt());
                    attached++;
                }
                added++;
            }
            // Removed once written: a duplicate inside the file does not look again.
            List<ItemLink> links = linkRows.remove(source.id());
            if (links != null && !deleted.contains(source.id())) {
                for (ItemLink l : links) {
                    addLink(tx, l);
                }
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.update(Messages.text("common.progress.writing"), done, in.items().size());
            }
        }
        return new int[] {added, listsCreated, attached};
    }

    /** The profile's rows as {@link ImportStructure} reads them, in this transaction. */
    private static ImportStructure.Rows rows(Tx tx) {
        return new ImportStructure.Rows(() -> tx.query(Section.class, "SELECT * FROM sections"),
                id -> tx.get(Item.class, id), id -> tx.get(Section.class, id).isPresent(),
                (listId, parentId, sectionId) -> ItemTree.nextRank(tx, listId, parentId, sectionId), tx::save);
    }

    /** The item with its notes' links to its files ({@code :/ID}, a relative path) pointing at their rows. */
    private static Item withAttachmentLinks(Item it, List<AttachmentImport.Stored> stored) {
        if (stored.isEmpty() || it.notes() == null) {
            return it;
        }
        Map<String, String> to = new HashMap<>();
        for (AttachmentImport.Stored f : stored) {
            f.from().links().forEach(l -> to.putIfAbsent(l, Attachment.SCHEME + f.id()));
        }
        return to.isEmpty() ? it : it.withNotes(AttachmentLinks.rewrite(it.notes(), to::get));
    }

    /** Saves the link unless the item has one of that system (one id per item and system): never two rows, never a change. */
    private static void addLink(Tx tx, ItemLink l) {
        ItemLink row = ItemLink.of(l.itemId(), l.system(), l.externalId());
        if (tx.get(ItemLink.class, row.id()).isEmpty()) {
            tx.save(row);
        }
    }

    /**
     * Fills {@code out} with each incoming list id's id in this profile, creating lists as needed;
     * returns how many were created. A list deleted here for good comes back only if a todo being
     * added needs it.
     */
    private static int resolveLists(Tx tx, List<TodoList> incoming, Set<String> needed, Set<String> deleted,
                                    long now, Map<String, String> out) {
        Map<String, TodoList> byId = new HashMap<>();
        Map<String, TodoList> byName = new HashMap<>();
        long maxPos = 0;
        Set<Long> positions = new HashSet<>();
        for (TodoList l : tx.query(TodoList.class, "SELECT * FROM lists")) {
            positions.add(l.position());
            byId.put(l.id(), l);
            if (l.name() != null) {
                byName.putIfAbsent(l.name().toLowerCase(Locale.ROOT), l);
            }
            maxPos = Math.max(maxPos, l.position() == null ? 0 : l.position());
        }
        int created = 0;
        for (TodoList l : incoming) {
            TodoList mine = byId.get(l.id());
            if (mine == null) {
                mine = byName.get(l.name().toLowerCase(Locale.ROOT));
            }
            if (mine != null) {
                out.put(l.id(), mine.id());
            } else if (!deleted.contains(l.id()) || needed.contains(l.id())) {
                // A backup's order is kept where it does not collide with this profile's lists.
                long pos = l.position() != null && !positions.contains(l.position()) ? l.position() : ++maxPos;
                maxPos = Math.max(maxPos, pos);
                positions.add(pos);
                TodoList saved = tx.save(new TodoList(l.id(), l.name(), pos, l.createdAt() == null ? now : l.createdAt(),
                        Rank.isValid(l.rank()) ? l.rank() : null));
                // By id only: two lists of one backup that share a name are two lists (a profile may
                // hold both), so only lists that were here before the import are matched by name.
                byId.put(saved.id(), saved);
                out.put(l.id(), saved.id());
                created++;
            }
        }
        return created;
    }
}

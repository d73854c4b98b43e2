package dev.tandem.app.model.backup;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemLink;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Restoring a backup into the profile as ordinary edits: every list, item, tag, link and attachment brought to
 * what the backup holds, writing only what differs from now (a save records only the fields it
 * changes), in one transaction. So a restore reaches other devices as edits, field by field, and
 * where someone changed the same field since, sync keeps a conflict as for any edit. Items made
 * since the backup are left as they are. {@link #apply} returns the restore that takes it back,
 * from the values it replaced: the app's undo runs that as one step.
 *
 * <p>An attachment's bytes are not in the database: a plain backup's are in {@value #FILES_FOLDER}/
 * beside it, an encrypted one's sealed in {@value BackupFiles#SEALED}/ ({@link BackupFiles}). {@link
 * #apply} copies those this device lacks into its attachment store first; one not there either stays a row
 * whose bytes the remote may hold, downloaded when shown, as on any device that never had them.
 */
public final class BackupRestore {
    private static final String INBOX = "Inbox";
    /** The folder beside the backup files that holds a plain backup's attached files' bytes ({@link BackupFiles}). */
    public static final String FILES_FOLDER = BackupFiles.PLAIN;

    /** One row to bring to {@code target}; a null target deletes it (only in a restore that takes one back). */
    private record Step(Class<? extends Record> type, String id, Record target) {
    }

    private final List<Step> steps;
    /** The folder of the backup, where the attachments' bytes are, or null (a restore that takes one back needs none). */
    private final Path files;
    /** The backup's passphrase, for its sealed files; null for a plain backup. */
    private final char[] passphrase;

    private BackupRestore(List<Step> steps, Path files, char[] passphrase) {
        this.steps = List.copyOf(steps);
        this.files = files;
        this.passphrase = passphrase == null ? null : passphrase.clone();
    }

    /**
     * Reads the backup file {@code backup} (encrypted with {@code passphrase}, or plain) for a
     * restore: its rows copied into a scratch copy in {@code scratchDir} (the profile's own folder,
     * which is private) made from this version's schema, read, and deleted.
     *
     * @throws dev.tandem.engine.BackupException for a wrong passphrase or a file cut short, altered
     *         or no backup; nothing was changed
     */
    public static BackupRestore read(Path backup, char[] passphrase, Path scratchDir) {
        Path copy = scratchDir.resolve("restore-" + UUID.randomUUID() + ".tmp");
        try {
            // Only the rows of this version's tables, in a copy built from its migrations: nothing of the file's schema runs.
            Backups.unpack(backup, passphrase, copy, Schema::create);
            try (Db db = Schema.database(copy).build()) {
                return new BackupRestore(of(db).steps, backup.toAbsolutePath().getParent(), passphrase);
            }
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                try {
                    Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
                } catch (IOException e) {
                    // A scratch copy left in the profile's folder is private and harmless.
                }
            }
        }
    }

    /** The restore of {@code backup}'s lists, items, tags, links and attachment rows. */
    public static BackupRestore of(Db backup) {
        List<Step> steps = new ArrayList<>();
        add(steps, TodoList.class, rows(backup, TodoList.class, "lists"), TodoList::id);
        add(steps, Item.class, rows(backup, Item.class, "items"), Item::id);
        add(steps, ItemTag.class, rows(backup, ItemTag.class, "item_tags"), ItemTag::id);
        add(steps, ItemLink.class, rows(backup, ItemLink.class, "item_links"), ItemLink::id);
        add(steps, Attachment.class, rows(backup, Attachment.class, "attachments"), Attachment::id);
        return new BackupRestore(steps, null, null);
    }

    private static <T extends Record> void add(List<Step> steps, Class<T> type, List<T> rows, Function<T, String> id) {
        for (T r : rows) {
            steps.add(new Step(type, id.apply(r), r));
        }
    }

    private static <T extends Record> List<T> rows(Db db, Class<T> type, String table) {
        return db.query(type, "SELECT * FROM " + table);
    }

    /** The rows written by this restore. */
    public int size() {
        return steps.size();
    }

    /** What {@link #apply} would change in {@code now}, per list; reads only. */
    public RestoreSummary summary(Db now) {
        Map<String, TodoList> listsNow = byId(rows(now, TodoList.class, "lists"), TodoList::id);
        Map<String, Item> itemsNow = byId(rows(now, Item.class, "items"), Item::id);
        Map<String, String> names = new HashMap<>();
        listsNow.values().forEach(l -> names.put(l.id(), l.name()));
        Map<String, int[]> perList = new LinkedHashMap<>();
        int listsChanged = 0;
        int listsBack = 0;
        Map<String, Boolean> inBackup = new HashMap<>();
        List<String> changedTitles = new ArrayList<>();
        List<String> backTitles = new ArrayList<>();
        for (Step s : steps) {
            if (s.target() instanceof TodoList l) {
                names.put(l.id(), l.name());
                perList.computeIfAbsent(l.name(), k -> new int[4]);
                TodoList current = listsNow.get(l.id());
                if (current == null) {
                    listsBack++;
                } else if (!current.equals(l)) {
                    listsChanged++;
                }
            }
        }
        for (Step s : steps) {
            if (s.target() instanceof Item b) {
                inBackup.put(b.id(), true);
                int[] c = perList.computeIfAbsent(listName(names, b.listId()), k -> new int[4]);
                Item current = itemsNow.get(b.id());
                if (current == null || current.trashedAt() != null && b.trashedAt() == null) {
                    c[1]++;
                    if (backTitles.size() < RestoreSummary.NAMED) {
                        backTitles.add(b.title());
                    }
                } else if (!current.equals(b)) {
                    c[0]++;
                    // Named as it is now: that is the title the person knows it by.
                    if (changedTitles.size() < RestoreSummary.NAMED) {
                        changedTitles.add(current.title());
                    }
                } else {
                    c[2]++;
                }
            }
        }
        for (Item i : itemsNow.values()) {
            if (!inBackup.containsKey(i.id())) {
                perList.computeIfAbsent(listName(names, i.listId()), k -> new int[4])[3]++;
            }
        }
        List<RestoreSummary.ListLine> lines = new ArrayList<>();
        perList.forEach((name, c) -> lines.add(new RestoreSummary.ListLine(name, c[0], c[1], c[2], c[3])));
        return new RestoreSummary(lines, listsChanged, listsBack, changedTitles, backTitles);
    }

    private static String listName(Map<String, String> names, String listId) {
        if (listId == null) {
            return INBOX;
        }
        return Objects.requireNonNullElse(names.get(listId), INBOX);
    }

    /** {@link #apply(Db)} to the store's database. */
    public BackupRestore apply(TodoStore now) {
        return apply(now.db());
    }

    /** {@link #summary(Db)} of the store's database. */
    public RestoreSummary summary(TodoStore now) {
        return summary(now.db());
    }

    /**
     * Writes the restore into {@code now} in one transaction: each row brought to its target where
     * it differs, one deleted since brought back first (so it keeps its history), then saved.
     * Returns the restore that takes this one back: the rows it changed as they were, and the rows
     * it made deleted again.
     */
    public BackupRestore apply(Db now) {
        if (files != null) {
            copyFiles(now);
        }
        return now.transactionResult(tx -> {
            Map<Class<?>, Map<String, Record>> current = new HashMap<>();
            List<Step> inverse = new ArrayList<>();
            for (Step s : steps) {
                Map<String, Record> rows = current.computeIfAbsent(s.type(), t -> currentRows(tx, s.type()));
                Record before = rows.get(s.id());
                if (s.target() == null) {
                    if (before != null) {
                        tx.delete(s.type(), s.id());
                        inverse.add(new Step(s.type(), s.id(), before));
                    }
                } else if (before == null) {
                    Optional<? extends Record> back = tx.restore(s.type(), s.id());
                    if (back.isEmpty() || !back.get().equals(s.target())) {
                        tx.save(s.target());
                    }
                    inverse.add(new Step(s.type(), s.id(), null));
                } else if (!before.equals(s.target())) {
                    tx.save(s.target());
                    inverse.add(new Step(s.type(), s.id(), before));
                }
            }
            return new BackupRestore(inverse, null, null);
        });
    }

    /**
     * Copies into {@code now}'s attachment store the bytes of the backup's attachments it lacks,
     * from {@link #files}; before the transaction, as disk work in it would hold other writers up.
     */
    private void copyFiles(Db now) {
        List<Attachment> wanted = new ArrayList<>();
        for (Step s : steps) {
            if (s.target() instanceof Attachment a) {
                wanted.add(a);
            }
        }
        BackupFiles.fill(now, wanted, files, passphrase);
    }

    private static Map<String, Record> currentRows(Tx tx, Class<? extends Record> type) {
        Map<String, Record> out = new HashMap<>();
        if (type == TodoList.class) {
            tx.query(TodoList.class, "SELECT * FROM lists").forEach(r -> out.put(r.id(), r));
        } else if (type == Item.class) {
            tx.query(Item.class, "SELECT * FROM items").forEach(r -> out.put(r.id(), r));
        } else if (type == ItemTag.class) {
            tx.query(ItemTag.class, "SELECT * FROM item_tags").forEach(r -> out.put(r.id(), r));
        } else if (type == ItemLink.class) {
            tx.query(ItemLink.class, "SELECT * FROM item_links").forEach(r -> out.put(r.id(), r));
        } else {
            tx.query(Attachment.class, "SELECT * FROM attachments").forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
        Map<String, T> out = new HashMap<>();
        rows.forEach(r -> out.put(id.apply(r), r));
        return out;
    }
}

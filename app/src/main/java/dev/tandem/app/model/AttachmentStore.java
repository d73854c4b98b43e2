package dev.tandem.app.model;

import dev.tandem.engine.Blob;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.Tx;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Files attached to items. Adding one copies it into the profile's attachment store first (the
 * engine's {@link Blobs}: streamed, fsynced, refused over the limit before
 * anything is kept), then saves its row; a sync uploads the bytes before the batch that names them.
 * Every call here does disk work: callers off the JavaFX thread.
 */
public final class AttachmentStore {
    /** The default largest file one may attach, in bytes (Settings can change it). */
    public static final long DEFAULT_LIMIT = 100L * 1000 * 1000;

    private static final String OF_ITEM = "SELECT * FROM attachments WHERE itemId = ? ORDER BY createdAt, name COLLATE NOCASE, name, id";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"), Map.entry("svg", "image/svg+xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"), Map.entry("json", "application/json"), Map.entry("zip", "application/zip"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("ics", "text/calendar"),
            Map.entry("eml", "message/rfc822"));

    /** The longest file name a row keeps, in characters. */
    public static final int MAX_NAME = 255;

    private final Db db;
    private final Clock clock;

    public AttachmentStore(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.clock = store.clock();
    }

    /** Attaches {@code file} to item {@code itemId}; the same file on the same item again returns the row it has. */
    public Attachment add(String itemId, Path file, long limit) {
        Blob blob = db.blobs().add(file, limit);
        String name = file.getFileName().toString();
        return save(itemId, blob, name, typeOf(name));
    }

    /** Attaches the bytes of {@code in} (a pasted image) under {@code name}. */
    public Attachment add(String itemId, InputStream in, String name, String type, long limit) {
        Blob blob = db.blobs().add(in, limit);
        return save(itemId, blob, name, type == null ? typeOf(name) : type);
    }

    private Attachment save(String itemId, Blob blob, String name, String type) {
        long now = clock.millis();
        return db.transactionResult(tx -> save(tx, itemId, blob, name, type, now));
    }

    /**
     * Saves the row of blob {@code blob} attached to {@code itemId} inside {@code tx} (an import's one
     * transaction), unless the item has it already: then that row is returned as it is.
     */
    public static Attachment save(Tx tx, String itemId, Blob blob, String name, String type, long createdAt) {
        String id = DerivedIds.attachment(itemId, blob.id());
        String n = name == null || name.isBlank() ? "file" : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return tx.get(Attachment.class, id).orElseGet(() -> tx.save(
                new Attachment(id, itemId, blob.id(), n, type == null ? typeOf(n) : type, blob.size(), createdAt)));
    }

    /** The id the row of blob {@code blobId} attached to {@code itemId} has, or will have. */
    public static String idOf(String itemId, String blobId) {
        return DerivedIds.attachment(itemId, blobId);
    }

    /** The attachments of an item, oldest first; files attached together in name order, as a person reads it. */
    public List<Attachment> of(String itemId) {
        return db.query(Attachment.class, OF_ITEM, itemId);
    }

    public Optional<Attachment> get(String id) {
        return db.get(Attachment.class, id);
    }

    /** The attachments of an item now and after every change to them. */
    public Subscription watch(String itemId, Consumer<List<Attachment>> onResult, Executor executor) {
        return db.querySubscribe(Attachment.class, OF_ITEM, List.of(itemId), onResult, executor);
    }

    /** Removes an attachment from its item; history keeps it, so an older version still shows it. */
    public boolean remove(String id) {
        return db.delete(Attachment.class, id);
    }

    /**
     * Puts a removed attachment back as it was (undo of {@link #remove}): its bytes are named by
     * content, so the row names them again whether or not this device still holds a copy.
     */
    public Attachment restore(Attachment a) {
        return db.transactionResult(tx -> tx.save(a));
    }

    /** The local copy of its bytes, if this device has them. */
    public Optional<Path> file(Attachment a) {
        return db.blobs().file(a.blob());
    }

    /** The rows that name {@code blob}: one file attached to several todos has several. */
    public List<Attachment> ofBlob(String blob) {
        return db.query(Attachment.class, "SELECT * FROM attachments WHERE blob = ?", blob);
    }

    /**
     * The lists whose items {@code blob} is attached to: a shared list's files live in its own space, so a
     * fetch asks that list's remote first. A file on Inbox items only (no list) has none.
     */
    public List<String> listsOf(String blob) {
        return Queries.ids(db, "SELECT DISTINCT i.listId AS id FROM attachments a JOIN items i ON i.id = a.itemId"
                + " WHERE a.blob = ? AND i.listId IS NOT NULL", blob);
    }

    /** How many attachment rows the profile has. */
    public long count() {
        return Queries.number(db, "SELECT count(*) FROM attachments");
    }

    /** The attached files' bytes on this device. */
    public Blobs blobs() {
        return db.blobs();
    }

    /** Every attachment the profile has (for "Keep attachments on this device" and backups). */
    public List<Attachment> all() {
        return db.query(Attachment.class, "SELECT * FROM attachments ORDER BY itemId, createdAt, id");
    }

    /**
     * Deletes the attachment rows of items that are gone for good (no row and no history left), as
     * {@link TagStore#forgetOrphans} does for tags; their files then leave the remote after the
     * sweep's grace period. Returns how many rows went.
     */
    public static int forgetOrphans(Db db) {
        List<Attachment> orphans = db.query(Attachment.class,
                "SELECT * FROM attachments WHERE itemId NOT IN (SELECT id FROM items)");
        Map<String, Boolean> forgotten = new HashMap<>();
        List<String> gone = orphans.stream()
                .filter(a -> forgotten.computeIfAbsent(a.itemId(), id -> db.history().changes("items", id).isEmpty()))
                .map(Attachment::id).toList();
        for (int from = 0; from < gone.size(); from += 500) {
            List<String> slice = gone.subList(from, Math.min(gone.size(), from + 500));
            db.transaction(tx -> slice.forEach(id -> tx.delete(Attachment.class, id)));
        }
        return gone.size();
    }

    /** A MIME type from a file name's extension; {@code application/octet-stream} when unknown. */
    public static String typeOf(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}

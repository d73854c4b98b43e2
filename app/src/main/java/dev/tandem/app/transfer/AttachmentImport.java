package dev.tandem.app.transfer;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Blob;
import dev.tandem.engine.BlobMismatchException;
import dev.tandem.engine.BlobTooLargeException;
import dev.tandem.engine.Blobs;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bytes of an import's attachments, copied into the profile's attachment store before the
 * import's one transaction (disk work there would hold every other writer up): each entry of the
 * source streamed once, however many items name it, checked while it streams against the SHA-256 a
 * backup gives for it (bytes that are not the named ones are never stored). A file that is
 * missing, damaged or over {@link Limits#MAX_ATTACHMENT_BYTES} is said in the report and left out;
 * its link in the notes stays as it was. All entries together may inflate to at most
 * {@link #budget} bytes, counted as they stream, never from what the archive declares: past it the
 * import is refused whole. The transaction then saves the rows ({@link ImportWriter}); whatever
 * this stored that no row names once the import is over or failed is removed
 * ({@link Result#discardUnnamed}), so an import leaves no bytes nothing uses.
 */
final class AttachmentImport {
    /** One attachment whose bytes are in the store now. */
    record Stored(IncomingAttachment from, Blob blob) {
        /** The id of its row on its item. */
        String id() {
            return AttachmentStore.idOf(from.itemId(), blob.id());
        }
    }

    /** The attachments stored, by item, what was left out, in words, and every blob this import stored. */
    record Result(Map<String, List<Stored>> byItem, int count, List<String> warnings, Set<String> added) {
        static final Result NONE = new Result(Map.of(), 0, List.of(), Set.of());

        List<Stored> of(String itemId) {
            return byItem.getOrDefault(itemId, List.of());
        }

        /** Removes what this import stored that no row names: after it, whether it saved its rows or failed. */
        void discardUnnamed(TodoStore store) {
            if (!added.isEmpty()) {
                store.attachments().blobs().removeUnnamed(added);
            }
        }
    }

    /** All the files one import may inflate to: {@link Limits#MAX_IMPORT_FILES_BYTES}, or the disk's usable space less the margin. */
    static long budget(long usableSpace) {
        return Math.max(0, Math.min(Limits.MAX_IMPORT_FILES_BYTES, usableSpace - Limits.DISK_MARGIN_BYTES));
    }

    /** The budget on the disk of {@code blobs}. */
    static long budget(Blobs blobs) {
        try {
            return budget(Files.getFileStore(blobs.directory()).getUsableSpace());
        } catch (IOException e) {
            throw new ImportException(blobs.directory().toString(), null, Messages.text("transfer.attachments.freeSpace",
                    e.getMessage()), e);
        }
    }

    private AttachmentImport() {
    }

    /**
     * Stores the bytes of {@code in}'s attachments whose item is not in {@code skip} (known
     * already), all of them within {@code budget} bytes, or -1 for {@link #budget(Blobs)}.
     */
    static Result store(TodoStore into, Incoming in, Set<String> skip, Progress progress, long budget) {
        Set<String> items = new HashSet<>();
        in.items().forEach(it -> items.add(it.id()));
        // Only files of items the import writes: never bytes for a row it would not save.
        List<IncomingAttachment> wanted = in.attachments().stream()
                .filter(a -> items.contains(a.itemId()) && !skip.contains(a.itemId())).toList();
        if (wanted.isEmpty()) {
            return Result.NONE;
        }
        Optional<Blobs> store = blobs(into);
        if (store.isEmpty()) {
            return new Result(Map.of(), 0, List.of(Messages.text("common.import.attachmentsNoStore", wanted.size())),
                    Set.of());
        }
        Blobs blobs = store.get();
        // The hash each entry must have: the one its rows name, when they all name one.
        Map<String, String> expected = new HashMap<>();
        Set<String> noSingleHash = new HashSet<>();
        for (IncomingAttachment a : wanted) {
            if (a.entry() != null) {
                if (a.blob() == null || (expected.containsKey(a.entry()) && !expected.get(a.entry()).equals(a.blob()))) {
                    noSingleHash.add(a.entry());
                }
                expected.putIfAbsent(a.entry(), a.blob());
            }
        }
        noSingleHash.forEach(expected::remove);
        Map<String, Blob> read = new HashMap<>();
        List<String> tooLarge = new ArrayList<>();
        Set<String> damagedEntries = new HashSet<>();
        Set<String> added = new LinkedHashSet<>();
        BoundedInput.Budget total = new BoundedInput.Budget(budget >= 0 ? budget : budget(blobs), in.source());
        List<String> entries = wantedEntries(wanted);
        progress.update(Messages.text("common.progress.copyingAttachments"), 0, entries.size());
        try {
            in.files().read(new LinkedHashSet<>(entries), (name, bytes) -> {
                try {
                    Blob b = blobs.add(new BoundedInput(bytes, total), Limits.MAX_ATTACHMENT_BYTES, expected.get(name));
                    added.add(b.id());
                    read.put(name, b);
                } catch (BlobTooLargeException e) {
                    tooLarge.add(name);
                } catch (BlobMismatchException e) {
                    damagedEntries.add(name);
                }
                progress.update(Messages.text("common.progress.copyingAttachments"), read.size() + tooLarge.size() + damagedEntries.size(),
                        entries.size());
            });
        } catch (RuntimeException e) {
            // Refused whole (past the budget, a disk error): nothing it stored stays.
            blobs.removeUnnamed(added);
            throw e;
        } catch (IOException e) {
            blobs.removeUnnamed(added);
            throw new ImportException(in.source(), null,
                    Messages.text("transfer.attachments.cannotRead", e.getMessage()), e);
        }
        Map<String, List<Stored>> byItem = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int count = 0;
        for (IncomingAttachment a : wanted) {
            Blob blob = a.entry() == null ? null : read.get(a.entry());
            if (a.entry() != null && damagedEntries.contains(a.entry())
                    || blob != null && a.blob() != null && !blob.id().equals(a.blob())) {
                damaged.add(a.name());
                continue;
            }
            if (blob == null && a.blob() != null) {
                blob = local(blobs, a.blob());
            }
            if (blob == null) {
                if (a.entry() == null || !tooLarge.contains(a.entry())) {
                    missing.add(a.name());
                }
                continue;
            }
            byItem.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(new Stored(a, blob));
            count++;
        }
        List<String> warnings = new ArrayList<>();
        if (!missing.isEmpty()) {
            warnings.add(Messages.text("common.import.attachmentsMissing", missing.size(), in.source(), names(missing)));
        }
        if (!tooLarge.isEmpty()) {
            warnings.add(Messages.text("common.import.attachmentsTooLarge", tooLarge.size(),
                    Limits.MAX_ATTACHMENT_BYTES / (1000 * 1000)));
        }
        if (!damaged.isEmpty()) {
            warnings.add(Messages.text("common.import.attachmentsDamaged", damaged.size(), names(damaged)));
        }
        return new Result(byItem, count, warnings, Set.copyOf(added));
    }

    private static List<String> wantedEntries(List<IncomingAttachment> wanted) {
        return wanted.stream().map(IncomingAttachment::entry).filter(e -> e != null).distinct().toList();
    }

    /** The store, or empty for a database built without one (an in-memory test profile). */
    private static Optional<Blobs> blobs(TodoStore store) {
        try {
            return Optional.of(store.attachments().blobs());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The copy this profile has of {@code id} already (a backup restored where it was made). */
    private static Blob local(Blobs blobs, String id) {
        if (!Blob.isId(id)) {
            return null;
        }
        Optional<Path> file = blobs.file(id);
        if (file.isEmpty()) {
            return null;
        }
        try {
            return new Blob(id, Files.size(file.get()));
        } catch (IOException e) {
            // Trimmed from the store since file() found it: as missing as if it never was here.
            return null;
        }
    }

    private static String names(List<String> names) {
        String shown = String.join(", ", names.stream().limit(5)
                .map(n -> n == null ? Messages.text("transfer.attachments.unnamed") : Limits.shorten(n)).toList());
        return names.size() > 5 ? Messages.text("transfer.attachments.andMore", shown, names.size() - 5) : shown;
    }
}

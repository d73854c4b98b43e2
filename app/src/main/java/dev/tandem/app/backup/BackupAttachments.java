package dev.tandem.app.backup;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.BackupRestore;
import dev.tandem.engine.Blob;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The attached files' bytes of plain backups: {@value BackupRestore#FILES_FOLDER}/ in the backup
 * folder holds one file per blob, named by its SHA-256, shared by every backup there (and every
 * profile backing up there), so each backup copies only the files new since the last. A file
 * appears under its name only whole: copied to a temporary name, fsynced, renamed. Files are never
 * deleted here: a pruned backup's files may be the only copy of what a kept one names.
 *
 * <p>An encrypted backup copies none: a plain copy beside it would undo its encryption, and the
 * encrypted remote keeps every file a row or a version names (docs/APP.md, "Backups").
 */
final class BackupAttachments {
    private static final String TEMP = ".partial-";

    private BackupAttachments() {
    }

    /** Copies the bytes of every attachment {@code db} has locally and {@code folder} lacks; returns how many. */
    static int copy(Db db, Path folder) {
        Set<String> blobs = new LinkedHashSet<>();
        for (Attachment a : db.query(Attachment.class, "SELECT * FROM attachments")) {
            if (Blob.isId(a.blob())) {
                blobs.add(a.blob());
            }
        }
        if (blobs.isEmpty()) {
            return 0;
        }
        Path dir = folder.resolve(BackupRestore.FILES_FOLDER);
        Blobs local = db.blobs();
        int copied = 0;
        try {
            Files.createDirectories(dir);
            for (String blob : blobs) {
                Optional<Path> source = local.file(blob);
                Path target = dir.resolve(blob);
                if (source.isEmpty() || Files.isRegularFile(target)) {
                    continue; // only on the remote (it keeps it), or backed up before
                }
                Path temp = dir.resolve(TEMP + UUID.randomUUID());
                try {
                    Files.copy(source.get(), temp);
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copied++;
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the attached files into " + dir + ": " + e.getMessage(), e);
        }
        return copied;
    }

    /**
     * Fills the attachment store of the profile in {@code newDb} (just unpacked from a backup in
     * {@code backupFolder}) with the bytes the folder holds for its rows; returns how many.
     */
    static int restoreInto(Db newDb, Path backupFolder) {
        Path dir = backupFolder.resolve(BackupRestore.FILES_FOLDER);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int copied = 0;
        for (Attachment a : newDb.query(Attachment.class, "SELECT * FROM attachments")) {
            Path f = dir.resolve(a.blob() == null ? "" : a.blob());
            if (Blob.isId(a.blob()) && !newDb.blobs().has(a.blob()) && Files.isRegularFile(f)
                    && newDb.blobs().add(f, Long.MAX_VALUE).id().equals(a.blob())) {
                copied++;
            }
        }
        return copied;
    }
}

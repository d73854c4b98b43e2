package dev.tandem.app.backup;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.backup.BackupFiles;
import dev.tandem.app.model.backup.BackupRestore;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Blob;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.SealedFiles;
import dev.tandem.ui.messages.Messages;
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
 * <p>An encrypted backup seals them instead ({@link Backups#sealedFiles}) into
 * {@value BackupFiles#SEALED}/, under its passphrase: a plain copy beside it would undo its
 * encryption (docs/APP.md, "Backups").
 */
final class BackupAttachments {
    private static final String TEMP = ".partial-";

    private BackupAttachments() {
    }

    /**
     * Copies the bytes of every attachment {@code db} has locally and {@code folder} lacks, sealed
     * under {@code passphrase} when it is given (an encrypted backup), else plain; returns how many.
     */
    static int copy(AttachmentStore attachments, Path folder, char[] passphrase) {
        Set<String> blobs = new LinkedHashSet<>();
        for (Attachment a : attachments.all()) {
            if (Blob.isId(a.blob())) {
                blobs.add(a.blob());
            }
        }
        if (blobs.isEmpty()) {
            return 0;
        }
        Blobs local = attachments.blobs();
        if (passphrase != null && passphrase.length > 0) {
            int sealedCount = 0;
            try (SealedFiles sealed = Backups.sealedFiles(folder.resolve(BackupFiles.SEALED), passphrase)) {
                for (String blob : blobs) {
                    Optional<Path> source = local.file(blob);
                    if (source.isPresent() && sealed.put(blob, source.get())) {
                        sealedCount++;
                    }
                }
            }
            return sealedCount;
        }
        Path dir = folder.resolve(BackupRestore.FILES_FOLDER);
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
            throw new UncheckedIOException(Messages.text("common.backup.cannotCopyAttachments", dir.toString(),
                    e.getMessage()), e);
        }
        return copied;
    }
}

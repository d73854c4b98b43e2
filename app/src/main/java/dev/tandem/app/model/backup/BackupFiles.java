package dev.tandem.app.model.backup;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.BackupException;
import dev.tandem.engine.Backups;
import dev.tandem.engine.Blob;
import dev.tandem.engine.Blobs;
import dev.tandem.engine.Db;
import dev.tandem.engine.SealedFiles;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where a restore finds attached files' bytes beside a backup: {@value #PLAIN}/ holds a plain
 * backup's, one file per blob named by its SHA-256; {@value #SEALED}/ an encrypted backup's, sealed
 * under the backup's passphrase ({@link Backups#sealedFiles}). Both are shared by every backup in
 * the folder.
 */
public final class BackupFiles {
    public static final String PLAIN = "tandem-attachments";
    public static final String SEALED = "tandem-attachments-sealed";

    private BackupFiles() {
    }

    /**
     * Copies into {@code db}'s attachment store the bytes it lacks of {@code wanted}, from the
     * folder {@code backupFolder}: plain copies first, then sealed ones when a passphrase is given.
     * A copy that is damaged is left out (its row stays without bytes, as sync would leave it);
     * returns how many were copied.
     */
    /** {@link #fill(Db, Iterable, Path, char[])} for every attachment of {@code store}. */
    public static int fill(TodoStore store, Path backupFolder, char[] passphrase) {
        return fill(store.db(), store.attachments().all(), backupFolder, passphrase);
    }

    static int fill(Db db, Iterable<Attachment> wanted, Path backupFolder, char[] passphrase) {
        Blobs blobs;
        try {
            blobs = db.blobs();
        } catch (IllegalStateException e) {
            return 0; // a database without an attachment store (in memory): rows only
        }
        int copied = 0;
        Path plain = backupFolder.resolve(PLAIN);
        Path sealedDir = backupFolder.resolve(SEALED);
        boolean trySealed = passphrase != null && passphrase.length > 0 && Files.isDirectory(sealedDir);
        SealedFiles sealed = null;
        try {
            for (Attachment a : wanted) {
                if (!Blob.isId(a.blob()) || blobs.has(a.blob())) {
                    continue;
                }
                Path f = plain.resolve(a.blob());
                if (Files.isRegularFile(f)) {
                    if (blobs.add(f, Long.MAX_VALUE).id().equals(a.blob())) {
                        copied++;
                        continue;
                    }
                    System.getLogger("tandem").log(System.Logger.Level.WARNING,
                            "the backup's copy of attachment " + a.name() + " is damaged: " + f);
                }
                if (trySealed) {
                    if (sealed == null) {
                        sealed = Backups.sealedFiles(sealedDir, passphrase);
                    }
                    if (unseal(sealed, a, blobs)) {
                        copied++;
                    }
                }
            }
        } finally {
            if (sealed != null) {
                sealed.close();
            }
        }
        return copied;
    }

    private static boolean unseal(SealedFiles sealed, Attachment a, Blobs blobs) {
        // The plaintext passes through a file beside the store (the profile's own folder), never a shared temp folder.
        Path temp = blobs.directory().resolveSibling("." + blobs.directory().getFileName() + "-restore-" + UUID.randomUUID());
        try {
            if (!sealed.get(a.blob(), temp)) {
                return false;
            }
            return blobs.add(temp, Long.MAX_VALUE).id().equals(a.blob());
        } catch (BackupException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING,
                    "the backup's sealed copy of attachment " + a.name() + " cannot be used: " + e.getMessage());
            return false;
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(Messages.text("common.backup.cannotRemoveCopy", temp.toString(),
                        e.getMessage()), e);
            }
        }
    }
}

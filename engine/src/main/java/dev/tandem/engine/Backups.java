package dev.tandem.engine;

import dev.tandem.engine.internal.backup.FileBackups;
import dev.tandem.engine.internal.backup.SealedFolder;
import java.nio.file.Path;

/**
 * Backups of a database file ({@link Db#backups()}): a consistent copy taken while the database is
 * open and written to, by this program or another, without stopping any writer; each copy is read
 * back and checked before it counts. A backup is one file: the database as of one commit, or,
 * with a passphrase, the same bytes encrypted (Argon2id from the passphrase, AES-256-GCM in
 * authenticated chunks, so a file cut short, reordered or altered is refused whole). The format is
 * in docs/ARCHITECTURE.md, "Backups".
 */
public interface Backups {

    /**
     * Writes a copy of the database as it stood at one commit to {@code target}, a new file in an
     * existing folder, readable by its owner only, fsynced; then checks the copy (SQLite's
     * integrity check, the schema version, every table's row count equal to what was copied).
     * Saves meanwhile, here or in another program, neither wait nor appear in the copy in part.
     * The plain copy is made beside the database first, so the target's folder never holds a
     * half-written or unencrypted file: on any failure {@code target} does not exist.
     *
     * @param passphrase encrypts the file with it; null for a plain database file
     * @throws BackupException when the copy cannot be written or does not check out
     * @throws IllegalArgumentException when {@code target} exists
     */
    BackupFile write(Path target, char[] passphrase);

    /**
     * Whether {@code backup} is an encrypted backup (needs a passphrase to read). Reads its first
     * bytes only.
     *
     * @throws BackupException when it is neither a backup nor a database, or cannot be read
     */
    static boolean isEncrypted(Path backup) {
        return FileBackups.isEncrypted(backup);
    }

    /**
     * Reads {@code backup} into {@code target}, a new database file that {@link Db#open} opens as
     * it was when backed up, schema and all (for checking a backup; a profile is made with
     * {@link #unpack(Path, char[], Path, java.util.function.Consumer)}), after checking it as {@link #write} does. The copy has a device id of
     * its own, made now, so it never writes as the device it was copied from; the changes it holds
     * keep their authors, and it syncs as a copied profile does (docs/SYNC_FORMAT.md).
     *
     * @param passphrase for an encrypted backup; ignored for a plain one
     * @throws BackupException for a wrong or missing passphrase, a file cut short or altered, or
     *         one that is no backup; {@code target} then does not exist
     * @throws IllegalArgumentException when {@code target} exists
     */
    static BackupFile unpack(Path backup, char[] passphrase, Path target) {
        return FileBackups.unpack(backup, passphrase, target);
    }

    /**
     * Reads {@code backup} into {@code target}, a new database whose schema is Tandem's own, never
     * the file's: {@code schema} makes {@code target} (opens it with the program's migrations and
     * closes it), then the rows of those tables, and only of those, are copied from the checked
     * backup. A trigger, view or index the file holds is neither kept nor run. For a profile made
     * from a backup, and for reading one into a scratch copy to restore from. Otherwise as
     * {@link #unpack(Path, char[], Path)}; the backup's unpacked bytes never outlive the call.
     *
     * @throws BackupException as {@link #unpack(Path, char[], Path)}, or when the rows do not fit
     *         the schema; {@code target} then does not exist
     */
    static BackupFile unpack(Path backup, char[] passphrase, Path target, java.util.function.Consumer<Path> schema) {
        return FileBackups.unpack(backup, passphrase, target, schema);
    }

    /**
     * The sealed files in {@code dir} (made if missing) under {@code passphrase}: the key its
     * earlier files were sealed with if the passphrase opens one, else a new one (Argon2id, once per
     * call). Files sealed under another passphrase stay, unreadable with this one.
     *
     * @throws BackupException ({@code IO}) when the folder cannot be read or written
     */
    static SealedFiles sealedFiles(Path dir, char[] passphrase) {
        return SealedFolder.open(dir, passphrase);
    }
}

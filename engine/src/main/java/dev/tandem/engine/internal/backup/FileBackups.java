package dev.tandem.engine.internal.backup;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupException.Reason;
import dev.tandem.engine.BackupFile;
import dev.tandem.engine.Backups;
import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.changelog.DeviceIds;
import dev.tandem.engine.internal.changelog.InternalSchema;
import dev.tandem.engine.internal.keys.PassphraseKey;
import dev.tandem.engine.internal.store.StatementCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * {@link Backups} of one database file. A backup is first copied and checked beside the database
 * (in the profile's own, private folder), then streamed, encrypted or as it is, into the target
 * and read back whole: the target's folder, often a synced or shared one, never holds plaintext
 * of an encrypted backup or a copy that did not check out. A copy left beside the database by a
 * process killed mid-backup is removed by a later backup once it is an hour old (another process
 * may be backing up right now).
 */
public final class FileBackups implements Backups {
    private static final String TEMP_INFIX = ".backup-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Duration STALE = Duration.ofHours(1);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path database;

    private FileBackups(Path database) {
        this.database = database.toAbsolutePath();
    }

    public static FileBackups of(Path database) {
        return new FileBackups(database);
    }

    @Override
    public BackupFile write(Path target, char[] passphrase) {
        requireNew(target);
        removeStaleCopies();
        Path copy = database.resolveSibling(database.getFileName() + TEMP_INFIX + UUID.randomUUID() + TEMP_SUFFIX);
        boolean sealed = passphrase != null && passphrase.length > 0;
        try {
            OnlineCopy.Contents contents = OnlineCopy.copy(database, copy);
            OnlineCopy.check(copy, contents, "The copy of " + database);
            try (PassphraseKey key = sealed ? PassphraseKey.create(passphrase) : null;
                 OutputStream out = newPrivateFile(target)) {
                try {
                    long written = writeTarget(copy, out, key);
                    out.close();
                    force(target);
                    force(target.toAbsolutePath().getParent());
                    if (written != readBack(target, key, "The backup " + target)) {
                        throw new BackupException(Reason.DAMAGED, "The backup " + target + " reads back other than"
                                + " written: the disk or folder altered it");
                    }
                } catch (IOException | RuntimeException e) {
                    // Only a file this backup made is removed: never one that appeared under its name.
                    deleteQuietly(target, e);
                    throw e;
                }
            } catch (IOException e) {
                throw new BackupException(Reason.IO, "Writing the backup " + target + " failed: " + e.getMessage(), e);
            }
            return new BackupFile(target, size(target), sealed, contents.schemaVersion(), contents.rows());
        } finally {
            deleteQuietly(copy, null);
            deleteQuietly(copy.resolveSibling(copy.getFileName() + "-journal"), null);
            deleteQuietly(copy.resolveSibling(copy.getFileName() + "-wal"), null);
            deleteQuietly(copy.resolveSibling(copy.getFileName() + "-shm"), null);
        }
    }

    /** See {@link Backups#isEncrypted}. */
    public static boolean isEncrypted(Path backup) {
        byte[] start = start(backup);
        if (SealedFile.isSealed(start)) {
            return true;
        }
        if (isDatabase(start)) {
            return false;
        }
        throw new BackupException(Reason.NOT_A_BACKUP, backup + " is not a Tandem backup");
    }

    /** See {@link Backups#unpack(Path, char[], Path)}. */
    public static BackupFile unpack(Path backup, char[] passphrase, Path target) {
        requireNew(target);
        boolean sealed = isEncrypted(backup);
        try {
            unpackBytes(backup, passphrase, target, sealed);
            OnlineCopy.Contents contents = OnlineCopy.check(target, null, "The backup " + backup);
            freshDeviceId(target);
            return new BackupFile(target, size(target), sealed, contents.schemaVersion(), contents.rows());
        } catch (RuntimeException e) {
            deleteWithJournals(target, e);
            throw e;
        }
    }

    /**
     * See {@link Backups#unpack(Path, char[], Path, Consumer)}. The file's bytes go to a scratch
     * copy beside {@code target}, which is checked, has the engine's own tables brought up to date,
     * is then attached read-only to be copied from, and is always deleted; {@code target} is built
     * by {@code schema} and gets the rows ({@link CleanCopy}). Nothing of the scratch copy's schema
     * reaches {@code target}; what runs in the scratch copy (its triggers, on the upgrade's writes)
     * changes only rows, which are the file's to choose anyway.
     */
    public static BackupFile unpack(Path backup, char[] passphrase, Path target, Consumer<Path> schema) {
        requireNew(target);
        boolean sealed = isEncrypted(backup);
        Path scratch = target.resolveSibling(target.getFileName() + TEMP_INFIX + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            unpackBytes(backup, passphrase, scratch, sealed);
            int backedUp = OnlineCopy.check(scratch, null, "The backup " + backup).schemaVersion();
            internalUpToDate(scratch, backup);
            schema.accept(target);
            int ours = OnlineCopy.check(target, null, "The new database " + target).schemaVersion();
            if (backedUp > ours) {
                // Its rows may sit in columns this version has never heard of: copied, they would be lost.
                throw new BackupException(Reason.UNSUPPORTED_FORMAT, "The backup " + backup + " was written by a newer"
                        + " Tandem (schema version " + backedUp + ", this one knows " + ours + ")");
            }
            CleanCopy.copy(scratch, target);
            freshDeviceId(target);
            OnlineCopy.Contents contents = OnlineCopy.check(target, null, "The restored copy " + target);
            return new BackupFile(target, size(target), sealed, contents.schemaVersion(), contents.rows());
        } catch (RuntimeException e) {
            for (String suffix : new String[] {"-wal", "-shm"}) {
                deleteQuietly(target.resolveSibling(target.getFileName() + suffix), e);
            }
            deleteWithJournals(target, e);
            throw e;
        } finally {
            deleteWithJournals(scratch, null);
        }
    }

    /**
     * Brings the engine's own tables of the scratch copy to this version, as opening it would
     * (an older backup's changelog is laid out otherwise), so its rows fit the target's tables.
     * Only the scratch copy is written, which is then only read and deleted.
     */
    private static void internalUpToDate(Path scratch, Path backup) {
        try (Connection c = OnlineCopy.connect(scratch)) {
            c.setAutoCommit(false);
            InternalSchema.install(c);
            c.commit();
        } catch (StorageException e) {
            throw new BackupException(Reason.UNSUPPORTED_FORMAT, "The backup " + backup + " cannot be read here: "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException(Reason.DAMAGED, "The backup " + backup + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void unpackBytes(Path backup, char[] passphrase, Path file, boolean sealed) {
        try {
            try (InputStream in = Files.newInputStream(backup); OutputStream out = newPrivateFile(file)) {
                if (sealed) {
                    SealedFile.open(in, out, passphrase, "The backup " + backup);
                } else {
                    in.transferTo(out);
                }
            }
            force(file);
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Reading " + backup + " into " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteWithJournals(Path file, Exception primary) {
        deleteQuietly(file, primary);
        deleteQuietly(file.resolveSibling(file.getFileName() + "-journal"), primary);
    }

    /**
     * Streams {@code copy} into {@code out}, sealed when a key is given; returns the CRC-32C of the
     * copy's bytes (with the length in its high half), which the read-back must match.
     */
    private static long writeTarget(Path copy, OutputStream out, PassphraseKey key) throws IOException {
        CRC32C crc = new CRC32C();
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(copy), crc)) {
            if (key != null) {
                SealedFile.seal(in, out, key);
            } else {
                in.transferTo(out);
            }
        }
        return crc.getValue() ^ (Files.size(copy) << 32);
    }

    /**
     * What {@code file} holds, read back as {@link #writeTarget} summed it: decrypted, and so
     * authenticated whole, when sealed. A CRC, not a cryptographic hash: it looks for a disk or a
     * synced folder that altered or cut the file, and a sealed file's chunks are authenticated too.
     */
    private static long readBack(Path file, PassphraseKey key, String what) throws IOException {
        CRC32C crc = new CRC32C();
        long[] length = {0};
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new CheckedOutputStream(OutputStream.nullOutputStream(), crc) {
                 @Override
                 public void write(byte[] b, int off, int len) throws IOException {
                     super.write(b, off, len);
                     length[0] += len;
                 }
             }) {
            if (key != null) {
                SealedFile.open(in, out, key, what);
            } else {
                in.transferTo(out);
            }
        }
        return crc.getValue() ^ (length[0] << 32);
    }

    /** A new id for an unpacked copy, as for a copied profile ({@link DeviceIds#rotate}), before anything opens it. */
    private static void freshDeviceId(Path file) {
        try (Connection c = OnlineCopy.connect(file)) {
            c.setAutoCommit(false);
            try (StatementCache sql = new StatementCache(c)) {
                DeviceIds.rotate(sql, DeviceIds.current(c), false);
            }
            c.commit();
        } catch (SQLException e) {
            throw new BackupException(Reason.DAMAGED, "The backup's copy " + file + " has no device id to replace: "
                    + e.getMessage(), e);
        }
    }

    private void removeStaleCopies() {
        Path dir = database.getParent();
        String prefix = database.getFileName() + TEMP_INFIX;
        Instant before = Instant.now().minus(STALE);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix)).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    // Another process's copy, gone meanwhile, or not ours to remove: left.
                }
            });
        } catch (IOException e) {
            // Cleaning is a courtesy; the backup itself needs none of it.
        }
    }

    private static void requireNew(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("target: " + target + " exists already");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupException(Reason.IO, "The folder " + parent + " does not exist");
        }
    }

    private static OutputStream newPrivateFile(Path file) throws IOException {
        FileAttribute<?>[] owner = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(file, owner);
        return Channels.newOutputStream(FileChannel.open(file, StandardOpenOption.WRITE));
    }

    /** fsync; a folder, where the platform allows it (not Windows), so a new name in it lasts too. */
    static void force(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw new BackupException(Reason.IO, "Could not flush " + path + " to disk: " + e.getMessage(), e);
            }
        }
    }

    private static byte[] start(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SQLITE_MAGIC.length);
        } catch (NoSuchFileException e) {
            throw new BackupException(Reason.IO, "No such backup: " + file, e);
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDatabase(byte[] start) {
        return Arrays.equals(start, SQLITE_MAGIC);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupException(Reason.IO, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file, Exception primary) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }
}

package dev.tandem.engine;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * This database's store of attached files ({@link Db#blobs()}): a folder of complete, checked
 * copies named by content, beside the database file. A column of the database names blobs by id
 * ({@link Db.Builder#blobs}); sync uploads a blob before the first batch that names it and another
 * device downloads it when asked ({@link dev.tandem.engine.sync.RemoteBlobs#fetch}).
 *
 * <p><b>Durability.</b> When {@link #add} returns, the file's bytes and its name in the folder are
 * on disk (fsynced): a crash afterwards keeps the blob, a crash before leaves at most a temporary
 * file that the next open removes, never a partial file under a blob's name. Copies are written
 * and read as streams, so memory does not grow with a file's size.
 */
public interface Blobs {
    /**
     * Copies {@code in} (read to its end, not closed) into the store.
     *
     * @throws BlobTooLargeException when more than {@code limit} bytes arrive; nothing is kept
     * @throws StorageException when the disk refuses (full, permissions)
     */
    Blob add(InputStream in, long limit);

    /**
     * Copies {@code in} into the store as {@link #add(InputStream, long)} does, checking while it
     * streams that the bytes are blob {@code expected} (their SHA-256): bytes that are not are
     * never stored under any name.
     *
     * @throws BlobMismatchException when the bytes are another blob's; nothing is kept
     * @throws BlobTooLargeException when more than {@code limit} bytes arrive; nothing is kept
     */
    Blob add(InputStream in, long limit, String expected);

    /**
     * Removes the local copies among {@code ids} that nothing in the database names (no row of the
     * blob column, no change its history keeps): what an import stored and then did not save.
     * Decided and done inside a write transaction, so no save of this database names one meanwhile.
     * Returns the ids removed.
     */
    Set<String> removeUnnamed(Set<String> ids);

    /** Copies a file into the store; refused before reading when it is larger than {@code limit}. */
    Blob add(Path file, long limit);

    /** The complete local copy of blob {@code id}, if this device has it. */
    Optional<Path> file(String id);

    /** Whether this device holds a complete copy of blob {@code id}. */
    default boolean has(String id) {
        return file(id).isPresent();
    }

    /** Bytes the local copies take. */
    long localBytes();

    /**
     * Removes local copies that a remote is known to hold, least recently used first, until the
     * copies take at most {@code maxBytes}; never one in {@code keep} or one not yet uploaded.
     * Returns the bytes freed. A removed copy is downloaded again when it is next shown.
     */
    long trim(long maxBytes, Set<String> keep);

    /** Whether a remote is known to hold blob {@code id} (it was uploaded or downloaded here). */
    boolean onRemote(String id);

    /** The folder of the copies. */
    Path directory();
}

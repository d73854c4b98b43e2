package dev.tandem.engine;

import java.nio.file.Path;

/**
 * Attached files' bytes kept encrypted in a folder beside encrypted backups ({@link
 * Backups#sealedFiles}): each file sealed as a backup is (AES-256-GCM in authenticated chunks,
 * under a key made from the passphrase), under a name keyed by that passphrase, so the folder
 * tells nothing of the files but their number and sizes, and each is stored once for every backup
 * beside it. A file appears under its name only whole.
 */
public interface SealedFiles extends AutoCloseable {

    /** Whether the folder holds the file whose content has SHA-256 {@code id} (hex). */
    boolean has(String id);

    /**
     * Seals {@code file}, whose content has SHA-256 {@code id}, into the folder unless it is there;
     * true when this call wrote it. Written to a temporary name, fsynced, renamed.
     *
     * @throws BackupException ({@code IO}) when it cannot be written
     */
    boolean put(String id, Path file);

    /**
     * Opens the file {@code id} into {@code target} (a new file); false when the folder lacks it.
     * The bytes are authenticated and must hash to {@code id}.
     *
     * @throws BackupException when the sealed file was cut short or altered ({@code target} then
     *         does not exist), or cannot be read
     */
    boolean get(String id, Path target);

    @Override
    void close();
}

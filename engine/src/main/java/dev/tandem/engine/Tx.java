package dev.tandem.engine;

import java.util.List;
import java.util.Optional;

/**
 * The operations that read and write records. {@link Db} runs each in its own transaction; inside
 * {@link Db#transaction} they share one.
 */
public interface Tx {
    /**
     * Saves a record as a row, recording each changed attribute in the changelog in the same
     * transaction. A null or empty {@code id} gets a new UUIDv7. Components without a matching
     * column are ignored.
     *
     * @return the record as it now reads from the table
     */
    <T extends Record> T save(T record);

    <T extends Record> Optional<T> get(Class<T> type, String id);

    <T extends Record> List<T> query(Class<T> type, String sql, Object... params);

    /**
     * Deletes the row and records a last-write-wins tombstone. Returns false when there was no
     * such row.
     */
    <T extends Record> boolean delete(Class<T> type, String id);

    /** Brings back a deleted entity with its last known attribute values. */
    <T extends Record> Optional<T> restore(Class<T> type, String id);

    /** The conflict operations that join this transaction: values from outside Tandem's sync that lost. */
    TxConflicts conflicts();

    /**
     * Claims an idempotency key for this transaction's writes: true the first time this database sees
     * {@code key}, false ever after. The claim commits or rolls back with the transaction, so a writer
     * from outside Tandem that retries a request (a web page replaying what it queued offline) finds
     * out whether the first attempt landed, and its writes apply exactly once. Claims stay on this
     * device, never synced; they are kept {@value #CLAIM_DAYS} days.
     *
     * @param key at most {@value #CLAIM_KEY_CHARS} characters, not blank
     */
    boolean claim(String key);

    /** How long a {@link #claim} is remembered. */
    int CLAIM_DAYS = 180;

    /** The longest key {@link #claim} takes. */
    int CLAIM_KEY_CHARS = 200;
}

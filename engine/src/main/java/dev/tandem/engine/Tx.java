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
}

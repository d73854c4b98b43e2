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

    /**
     * Keeps a value written outside Tandem's sync (a CalDAV server) that lost {@code field} of entity
     * {@code id} to the value it has now, by the rule that the later change wins: Conflicts lists it
     * as an edit-edit conflict whose lost side is {@code author}'s change at {@code at}, and
     * {@link Db#useLostValue} takes it back. The value stays on this device; it is no device's change
     * and is never pushed.
     *
     * @param author a UUID naming where the value came from (the caller names it for people)
     * @throws IllegalArgumentException when the field has no value here yet, or {@code author} is no UUID
     */
    void keepOutsideLoser(String table, String id, String field, Object lostValue, String author, java.time.Instant at);

    /**
     * Records that the entity's earlier change {@code changeId} (an id from {@link Db#history}) lost
     * {@code field} to the value this transaction saved from outside Tandem's sync, as the later
     * change. Conflicts names {@code author} as the kept value's author for as long as that saved
     * value is the field's winner (the save itself is this device's change, which syncs as usual).
     * Returns false when the changelog no longer holds that change (compacted away).
     *
     * @param author a UUID naming where the saved value came from, as for {@link #keepOutsideLoser}
     * @throws IllegalArgumentException when {@code author} is no UUID
     */
    boolean keepReplacedChange(String table, String id, String field, String changeId, String author);
}

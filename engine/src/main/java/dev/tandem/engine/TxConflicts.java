package dev.tandem.engine;

import java.time.Instant;

/**
 * The conflict operations that join a transaction, from {@link Tx#conflicts()}: recording values
 * written outside Tandem's sync (a CalDAV server) that lost a field, so Conflicts lists them as it
 * lists clashes between devices. On a {@link Db} ({@link Db#conflicts()}) each call runs in a
 * transaction of its own.
 */
public interface TxConflicts {

    /**
     * Keeps a value written outside Tandem's sync (a CalDAV server) that lost {@code field} of entity
     * {@code id} to the value it has now, by the rule that the later change wins: Conflicts lists it
     * as an edit-edit conflict whose lost side is {@code author}'s change at {@code at}, and
     * {@link Conflicts#useLostValue} takes it back. The value stays on this device; it is no device's
     * change and is never pushed.
     *
     * @param author a UUID naming where the value came from (the caller names it for people)
     * @throws IllegalArgumentException when the field has no value here yet, or {@code author} is no UUID
     */
    void keepOutsideLoser(String table, String id, String field, Object lostValue, String author, Instant at);

    /**
     * Records that the entity's earlier change {@code changeId} (an id from {@link History#changes}) lost
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

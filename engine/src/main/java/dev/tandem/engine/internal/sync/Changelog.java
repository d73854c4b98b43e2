package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.PushTally;
import dev.tandem.engine.internal.wire.Batch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A changelog as sync sees it: for each device, a gap-free sequence of immutable batches. The
 * local database and the remote are both changelogs, and {@link Synchronizer} moves batches
 * between two of them without knowing what either is stored in.
 */
interface Changelog {
    /** For every device this changelog holds batches of, the number of its last batch. */
    Map<UUID, Long> heads();

    /** Devices retired from this changelog, as its last {@link #heads()} showed; only a remote has any. */
    default Set<UUID> retired() {
        return Set.of();
    }

    /** Batch {@code seq} of {@code device}, or empty when this changelog does not hold it (yet). */
    Optional<Batch> batch(UUID device, long seq);

    /**
     * Stores the batch unless its slot is taken, and returns the batch the slot holds afterwards:
     * the given one, or the one an earlier attempt stored there.
     */
    Batch append(Batch batch);

    /**
     * Appends other devices' batches, each the next of its device, as {@link #append} would one by
     * one; a local changelog merges them in one transaction, so a device far behind pays one commit
     * for many batches. A crash loses the whole group, which the next sync pulls again.
     */
    default void appendAll(List<Batch> batches) {
        for (Batch b : batches) {
            append(b);
        }
    }

    /**
     * Declares that {@code device}'s batches 1..seq are all stored: the remote publishes a head, and
     * the local changelog records that it was published.
     */
    void publishHead(UUID device, long seq, Map<UUID, Long> cursors);

    /**
     * The last head of {@code device} this changelog knows was published to the remote it syncs
     * with; 0 for none, or for a changelog that does not keep track.
     */
    default long publishedHead(UUID device) {
        return 0;
    }

    /**
     * Notes that {@code device}'s batch {@code seq} is missing although its head lists it, and says
     * whether it has been missing too long to keep waiting for it (then sync sets it aside).
     */
    default boolean missingTooLong(UUID device, long seq) {
        return false;
    }

    /**
     * Own batches of {@code device} pushed since the remote was last seen holding them as pushed
     * ({@link OwnBatchCheck}), or null when there are none or this changelog does not keep track.
     */
    default Unconfirmed unconfirmed(UUID device) {
        return null;
    }

    /** Records that the remote holds the batches of {@code checked} exactly as they were pushed. */
    default void confirm(UUID device, Unconfirmed checked) {
    }

    /**
     * Own batches {@code fromBatch..toBatch}, pushed after the last confirmed one, up to local change
     * seq {@code toChange}: together they hold changes of {@code own} (this database's changes in
     * that range) and no others, exactly those {@code pushed} tallies.
     */
    record Unconfirmed(long fromBatch, long toBatch, long toChange, Set<UUID> own, PushTally pushed) {
    }

    /** Where this changelog lives, for messages. */
    default String describe() {
        return "the remote";
    }

    /** One batch slot: {@code device}'s batch {@code seq}. */
    record Slot(UUID device, long seq) {
    }

    /**
     * Sets aside {@code device}'s batch {@code seq}, which cannot be read ({@code problem} says
     * why), and moves past it: another device's cursor moves over it, and for this device's own
     * slot the next batch takes the next number. So one bad object stops nothing after it. Setting
     * aside a slot that already is counts another failed read. Only a local changelog keeps a
     * quarantine (docs/SYNC_FORMAT.md, "Unreadable objects").
     */
    default void setAside(UUID device, long seq, String problem) {
        throw new UnsupportedOperationException("only a local changelog sets batches aside");
    }

    /** Set-aside slots due for another read. */
    default List<Slot> setAsideDue() {
        return List.of();
    }

    /** A set-aside batch that reads now: merges it and ends its quarantine. */
    default void recover(Batch batch) {
        throw new UnsupportedOperationException("only a local changelog sets batches aside");
    }
}

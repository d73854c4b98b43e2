package dev.tandem.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conflicts of a database, from {@link Db#conflicts()}: the attribute values last write wins
 * let lose, to list, watch, dismiss and take back. Each call runs in a transaction of its own, as
 * {@link Db}'s record operations do; inside {@link Db#transaction} use {@link Tx#conflicts()}.
 */
public interface Conflicts extends TxConflicts {

    /** The conflicts last write wins resolved, newest first, excluding dismissed ones. */
    List<Conflict> list();

    /** The conflict {@code conflictId} as {@link #list()} would show it; empty once dismissed or unknown. */
    Optional<Conflict> get(long conflictId);

    /**
     * Calls back with the conflict list ({@link #list()}) now and whenever it changes, on the
     * database's callback executor.
     */
    Subscription subscribe(Consumer<List<Conflict>> onResult);

    /** Every conflict listed so far stops counting as new ({@link Conflict#seen()}). */
    void markSeen();

    /** Hides the conflict from the list; the value that was kept stays. */
    void dismiss(long conflictId);

    /** Writes the conflict's lost value back as a new change, which then wins, and dismisses it. */
    void useLostValue(long conflictId);
}

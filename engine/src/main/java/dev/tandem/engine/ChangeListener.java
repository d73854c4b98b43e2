package dev.tandem.engine;

import java.util.List;

/** Receives the row events of each committed transaction, once per commit, in commit order. */
@FunctionalInterface
public interface ChangeListener {
    void onCommit(List<ChangeEvent> events);

    /**
     * Rows changed that no event names: another program committed to the same file, or a migration
     * ran, after this listener subscribed (like a commit, one that came before is not heard of).
     * Called in order with {@link #onCommit}; a listener that keeps derived state re-reads it.
     */
    default void onUnknownChanges() {
    }
}

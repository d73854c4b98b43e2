package dev.tandem.engine;

import java.util.List;
import java.util.Set;

/** Receives the row events of each committed transaction, once per commit, in commit order. */
@FunctionalInterface
public interface ChangeListener {
    void onCommit(List<ChangeEvent> events);

    /**
     * A commit wrote rows of {@code tables} (among {@link #tablesWatched()}, lower case) that its events do not all
     * name: a trigger's, a cascade's, plain SQL's or bulk work's writes. Called before {@link #onCommit} of the same
     * commit, or alone when it has no event; a listener that keeps state per row re-reads those tables whole.
     */
    default void onUnnamedWrites(Set<String> tables) {
    }

    /** The tables whose unnamed writes this listener hears of ({@link #onUnnamedWrites}): none by default. */
    default Set<String> tablesWatched() {
        return Set.of();
    }

    /**
     * Rows changed that no event names: another program committed to the same file, or a migration
     * ran, after this listener subscribed (like a commit, one that came before is not heard of).
     * Called in order with {@link #onCommit}; a listener that keeps derived state re-reads it.
     */
    default void onUnknownChanges() {
    }
}

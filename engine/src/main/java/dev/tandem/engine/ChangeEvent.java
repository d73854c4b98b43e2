package dev.tandem.engine;

import java.util.Objects;

/** One row that a committed transaction inserted, updated or deleted, by a local save or by sync. */
public record ChangeEvent(Kind kind, String table, String id) {
    public enum Kind { INSERT, UPDATE, DELETE }

    /**
     * Where a commit's changes came from, for a listener that reacts to one kind only
     * ({@link Db#subscribe(Origin, ChangeListener)}): a sync service pushes after local commits, and
     * must not count the commits its own merges make, or each sync would ask for the next.
     */
    public enum Origin {
        /**
         * The commit recorded changes made here (a save, delete or restore, a lost value taken back),
         * which the changelog now holds for sync to push.
         */
        LOCAL,
        /**
         * The commit recorded no change of this device's: it applied changes from elsewhere, merged by
         * sync or held back until a migration added what they needed.
         */
        SYNC
    }

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
    }
}

package dev.tandem.engine;

import java.util.Objects;

/** One row that a committed transaction inserted, updated or deleted, by a local save or by sync. */
public record ChangeEvent(Kind kind, String table, String id) {
    public enum Kind { INSERT, UPDATE, DELETE }

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
    }
}

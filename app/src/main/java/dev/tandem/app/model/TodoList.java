package dev.tandem.app.model;

import dev.tandem.engine.Table;

/**
 * A user list ("Work", "Groceries"). The built-in views (Inbox, Today, ...) are not rows. Lists are ordered by
 * {@code rank} (a fractional key, {@link Rank}, set when the user moves one), then {@code position} (the order
 * they were made in), then name.
 */
@Table("lists")
public record TodoList(String id, String name, Long position, Long createdAt, String rank) {
    public TodoList(String id, String name, Long position, Long createdAt) {
        this(id, name, position, createdAt, null);
    }

    public TodoList withName(String v) {
        return new TodoList(id, v, position, createdAt, rank);
    }

    public TodoList withRank(String v) {
        return new TodoList(id, name, position, createdAt, v);
    }
}

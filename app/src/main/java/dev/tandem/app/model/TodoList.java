package dev.tandem.app.model;

import dev.tandem.engine.Table;

/** A user list ("Work", "Groceries"). The smart lists (Inbox, Today, ...) are not rows. */
@Table("lists")
public record TodoList(String id, String name, Long position, Long createdAt) {
    public TodoList withName(String v) {
        return new TodoList(id, v, position, createdAt);
    }
}

package dev.tandem.app.text;

import java.time.LocalDate;

/**
 * What the quick-add field understood: the title, an optional due date, an optional list name, and
 * whether it is a plain note ("note: …") rather than a todo.
 */
public record QuickAdd(String title, LocalDate due, String listName, boolean note) {
    /** A todo. */
    public QuickAdd(String title, LocalDate due, String listName) {
        this(title, due, listName, false);
    }
}

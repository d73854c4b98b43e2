package dev.tandem.app.text;

import java.time.LocalDate;

/** What the quick-add field understood: the title, an optional due date and an optional list name. */
public record QuickAdd(String title, LocalDate due, String listName) {
}

package dev.tandem.app.model;

import dev.tandem.engine.Table;

/**
 * A part of a list ("This week", "Later") that top-level todos can be put in. Sections are ordered by
 * {@code rank} ({@link Rank}) within their list; {@code collapsed} (1 or null) folds its todos away and syncs
 * like the rest, as a list's shape is the same on every device. Deleting a section keeps its todos: they move
 * to the top of the list, outside any section.
 */
@Table("sections")
public record Section(String id, String listId, String name, String rank, Long collapsed, Long createdAt) {
    public Section withName(String v) {
        return new Section(id, listId, v, rank, collapsed, createdAt);
    }

    public Section withRank(String v) {
        return new Section(id, listId, name, v, collapsed, createdAt);
    }

    public Section withCollapsed(boolean v) {
        return new Section(id, listId, name, rank, v ? Long.valueOf(1) : null, createdAt);
    }

    public boolean isCollapsed() {
        return collapsed != null && collapsed != 0;
    }
}

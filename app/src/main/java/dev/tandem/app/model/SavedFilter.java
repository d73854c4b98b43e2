package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.Table;

/**
 * A smart list: a name, its query ({@link Filter#text}), a colour (a
 * {@code #rrggbb} or empty) and its place among the others ({@code rank}, a fractional key). A row,
 * so it syncs as lists do.
 */
@Table("saved_filters")
public record SavedFilter(String id, String name, String query, String color, String rank, Long createdAt) {
    /** This filter at another place among the others. */
    public SavedFilter withRank(String newRank) {
        return new SavedFilter(id, name, query, color, newRank, createdAt);
    }
}

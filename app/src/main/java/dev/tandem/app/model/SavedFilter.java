package dev.tandem.app.model;

import dev.tandem.engine.Table;

/**
 * A smart list: a name, its query ({@link dev.tandem.app.model.filter.Filter#text}), a colour (a
 * {@code #rrggbb} or empty) and its place among the others ({@code rank}, a fractional key). A row,
 * so it syncs as lists do.
 */
@Table("saved_filters")
public record SavedFilter(String id, String name, String query, String color, String rank, Long createdAt) {
    /**
     * Whether {@code color} is a colour a smart list may show: {@code #} and six ASCII hex digits, nothing
     * else. A synced row, a backup or the phone page may hold anything here, and the colour ends up in a
     * JavaFX style and the page's CSS; this is the one check every place that takes one from outside uses.
     * The length is checked first, so a megabyte costs no more than seven characters.
     */
    public static boolean isColor(String color) {
        if (color == null || color.length() != 7 || color.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < 7; i++) {
            char c = color.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** This filter at another place among the others. */
    public SavedFilter withRank(String newRank) {
        return new SavedFilter(id, name, query, color, newRank, createdAt);
    }
}

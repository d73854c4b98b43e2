package dev.tandem.engine.internal.merge;

import java.util.Locale;

/**
 * The hidden attribute that records a merge's second parent. A merge change sets the merged field
 * (replacing the version that won) and {@code _merged_<field>}, whose value is the 16-byte id of the
 * concurrent version it folded in. It never becomes a column or a winner; it exists so that every
 * device can tell that later versions have seen both sides, and so never brings a merged-away line
 * back or reports a conflict that the merge already settled.
 */
public final class TextMergeField {
    public static final String PREFIX = "_merged_";

    private TextMergeField() {
    }

    public static boolean isHidden(String field) {
        return field.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static String hiddenFor(String field) {
        return PREFIX + field.toLowerCase(Locale.ROOT);
    }
}

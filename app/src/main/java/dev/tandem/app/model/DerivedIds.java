package dev.tandem.app.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids that two devices compute alike without talking to each other: a name-based UUID (RFC 4122
 * version 5, SHA-1) in a namespace of Tandem's own. Two devices that add the same tag to a todo, or
 * complete the same occurrence of a series, write the same row id, so sync merges their rows into one
 * instead of keeping two.
 */
public final class DerivedIds {
    // Never change: these ids are stored and synced, and a new namespace would give every row a new id.
    private static final UUID NAMESPACE = UUID.fromString("0b8f5f0e-4c2a-4e55-9a7c-3d2b1e6f7a91");

    private DerivedIds() {
    }

    /** The row of tag {@code normalizedTag} on item {@code itemId}. */
    public static String tag(String itemId, String normalizedTag) {
        return of("tag\u0000" + itemId + "\u0000" + normalizedTag);
    }

    /** The row linking item {@code itemId} to its id in {@code system} ({@link ItemLink}). */
    public static String link(String itemId, String system) {
        return of("link\u0000" + itemId + "\u0000" + system);
    }

    /** The occurrence of series {@code seriesId} due on {@code isoDate}. */
    public static String occurrence(String seriesId, String isoDate) {
        return of("occurrence\u0000" + seriesId + "\u0000" + isoDate);
    }

    /**
     * The fresh copy of subtask {@code childId} under the next occurrence {@code nextParentId}: two devices
     * completing the same occurrence make the same fresh subtasks, as they make the same next occurrence.
     */
    public static String freshChild(String nextParentId, String childId) {
        return of("child\u0000" + nextParentId + "\u0000" + childId);
    }

    /** The attachment of blob {@code blobId} to item {@code itemId}: the same file attached twice is one row. */
    public static String attachment(String itemId, String blobId) {
        return of("attachment\u0000" + itemId + "\u0000" + blobId);
    }

    /**
     * The list named {@code name}, as quick add, the command line or "New list" make it: the same name
     * in any case, Unicode form or spacing is the same list.
     */
    public static String list(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return of("list\u0000" + n);
    }

    /** A saved filter's id from its name, so two devices that save "Work this week" save one filter. */
    public static String savedFilter(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return of("filter\u0000" + n);
    }

    static String of(String name) {
        return NameUuid.of(NAMESPACE, name).toString();
    }
}

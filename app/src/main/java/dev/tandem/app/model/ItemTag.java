package dev.tandem.app.model;

import dev.tandem.engine.Table;
import java.text.Normalizer;
import java.util.Locale;

/**
 * One tag on one todo, as its own row: tags are a set, and a set kept in one column would lose a tag
 * when two devices add different tags at once (last write wins per attribute). The id is derived from
 * the item and the normalized tag ({@link DerivedIds#tag}), so two devices adding the same tag write the
 * same row and different tags are different rows. Removing sets {@code removedAt}; adding again clears it.
 */
@Table("item_tags")
public record ItemTag(String id, String itemId, String tag, Long removedAt) {

    /** The longest tag kept; longer ones are cut. */
    public static final int MAX_LENGTH = 64;

    public static ItemTag of(String itemId, String tag) {
        String t = normalize(tag);
        return new ItemTag(DerivedIds.tag(itemId, t), itemId, t, null);
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    /**
     * The tag as stored: without a leading '@', trimmed, Unicode NFC, lower case, inner white space as
     * '-'. Empty when nothing is left.
     */
    public static String normalize(String tag) {
        if (tag == null) {
            return "";
        }
        String t = tag.strip();
        while (t.startsWith("@")) {
            t = t.substring(1);
        }
        t = Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", "-");
        return t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) : t;
    }
}

package dev.tandem.app.model.history;

import dev.tandem.app.model.Item;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What bringing back an earlier version of an item would change, field by field, before anything is
 * written: only fields that differ from now are listed. A field someone else changed since that
 * version is marked with who, and left out of the default choice, so that restoring one field never
 * rewinds another person's later edit of another; when every differing field is such a one, the
 * default takes them all (the person asked for that version after all).
 *
 * @param itemId  the item
 * @param then    the item as it was in that version, its tags in {@link Item#tags()}
 * @param now     the item now, its tags in {@link Item#tags()}; empty when it is deleted for good
 * @param fields  the fields that differ, in {@link ItemField} order
 */
public record VersionRestore(String itemId, Item then, Optional<Item> now, List<FieldDiff> fields) {
    public VersionRestore {
        fields = List.copyOf(fields);
    }

    /**
     * One field that differs.
     *
     * @param changedBy who changed this field after the version, when it was another device or
     *                  person (their label); null when only this device did, or nobody
     */
    public record FieldDiff(ItemField field, Object then, Object now, String changedBy) {
    }

    /** Whether the item is deleted for good now, so a restore brings it back whole. */
    public boolean deleted() {
        return now.isEmpty();
    }

    /** Whether restoring would change nothing. */
    public boolean unchanged() {
        return now.isPresent() && fields.isEmpty();
    }

    /** The fields chosen unless the person says otherwise. */
    public Set<ItemField> defaultChoice() {
        Set<ItemField> mine = EnumSet.noneOf(ItemField.class);
        Set<ItemField> all = EnumSet.noneOf(ItemField.class);
        for (FieldDiff d : fields) {
            all.add(d.field());
            if (d.changedBy() == null) {
                mine.add(d.field());
            }
        }
        return mine.isEmpty() ? all : mine;
    }
}

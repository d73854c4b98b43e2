package dev.tandem.engine.internal.history;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.merge.TextMergeField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity's attributes folded from its changes, fed oldest first (clock order): each attribute
 * holds the value of the newest change that set it, which is the value last write wins gave it.
 * A text merge's hidden bookkeeping attribute is left out; {@code _deleted} is read as the entity's
 * deleted flag, not as an attribute.
 */
final class EntityFold {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private boolean deleted;
    private boolean seen;

    void apply(List<FieldData> change) {
        seen = true;
        for (FieldData f : change) {
            if (f.name().equals(Change.DELETED_FIELD)) {
                deleted = f.value() instanceof Number n && n.longValue() == 1L;
            } else if (!TextMergeField.isHidden(f.name())) {
                fields.put(f.name(), f.value());
            }
        }
    }

    /** Whether any change was folded in: false for an entity that had no change yet. */
    boolean seen() {
        return seen;
    }

    boolean deleted() {
        return deleted;
    }

    /** The attributes, by the column names the changes used. */
    Map<String, Object> fields() {
        return fields;
    }
}

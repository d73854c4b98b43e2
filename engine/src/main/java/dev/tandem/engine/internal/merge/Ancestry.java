package dev.tandem.engine.internal.merge;

import java.util.UUID;

/** Looks up, for a change this device has, the versions its write of {@code field} follows. */
@FunctionalInterface
public interface Ancestry {
    /** The replaced id, or null when the change is unknown here or replaced nothing. */
    UUID replaced(UUID change, String field);

    /**
     * The second parent of a merge: the concurrent version a merge change folded into the one it
     * replaced ({@link TextMergeField}); null for any other change or when the change is unknown here.
     */
    default UUID merged(UUID change, String field) {
        return null;
    }
}

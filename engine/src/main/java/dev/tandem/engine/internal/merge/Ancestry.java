package dev.tandem.engine.internal.merge;

import java.util.UUID;

/** Looks up, for a change this device has, the id its write of {@code field} replaced. */
@FunctionalInterface
public interface Ancestry {
    /** The replaced id, or null when the change is unknown here or replaced nothing. */
    UUID replaced(UUID change, String field);
}

package dev.tandem.engine.internal.changelog;

import java.util.Map;
import java.util.UUID;

/**
 * An entity's winning change per attribute, without the values: all a local save needs to write
 * the change that replaces them ({@link ChangelogStore#winnerIds}). Reading the values too would
 * join {@code _tandem_field} and fetch columns a save never looks at, on every save.
 *
 * @param byField lower-case field name to its winner
 * @param deleted whether the winning {@code _deleted} is 1
 */
public record WinnerIds(Map<String, Id> byField, boolean deleted) {
    /** An entity no change has touched. */
    public static final WinnerIds NONE = new WinnerIds(Map.of(), false);

    /** One attribute's winning change. */
    public record Id(String field, UUID id) implements WinningChange {
    }
}

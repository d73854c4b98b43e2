package dev.tandem.engine.internal.changelog;

import java.util.Map;

/**
 * An entity's winning change per attribute, without the values: all a local save needs to write
 * the change that replaces them ({@link ChangelogStore#winnerIds}).
 *
 * @param map     the winners as stored
 * @param deleted whether the winning {@code _deleted} is 1
 */
public record WinnerIds(WinnerMap map, boolean deleted) {
    /** An entity no change has touched. */
    public static final WinnerIds NONE = new WinnerIds(WinnerMap.empty(), false);

    /** Lower-case field name to its winner. */
    public Map<String, WinnerMap.Entry> byField() {
        return map.byField();
    }
}

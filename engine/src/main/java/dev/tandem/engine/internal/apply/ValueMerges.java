package dev.tandem.engine.internal.apply;

import dev.tandem.engine.MergeRule;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The attributes a database settles by a rule ({@code Db.Builder#mergeBy}): when {@link RemoteApply}
 * finds two concurrent versions of one with different values, they settle on the rule's pick
 * ({@link dev.tandem.engine.internal.merge.ValueRule}) with no conflict, written as a merge change when
 * last write wins kept the other value ({@link MergeChanges}).
 */
public final class ValueMerges {
    private final Map<String, MergeRule> rules;

    /** {@code rules}: per "table.column" name, compared ignoring case. */
    public ValueMerges(Map<String, MergeRule> rules) {
        Map<String, MergeRule> lower = new HashMap<>();
        rules.forEach((tc, rule) -> lower.put(tc.toLowerCase(Locale.ROOT), rule));
        this.rules = Map.copyOf(lower);
    }

    /** The rule of {@code table.field}, or null when it merges by last write wins. */
    MergeRule rule(String table, String field) {
        return rules.isEmpty() ? null : rules.get((table + "." + field).toLowerCase(Locale.ROOT));
    }
}

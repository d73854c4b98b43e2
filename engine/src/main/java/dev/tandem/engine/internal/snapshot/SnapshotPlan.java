package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** How a snapshot maps onto this schema before the bulk apply writes it: ordered changes, per-table targets. */
final class SnapshotPlan {
    private SnapshotPlan() {
    }

    /** A change of the snapshot, with the name its table has here (the schema's spelling, if known). */
    record Placed(String table, SnapshotEntry entry) {
        String entity() {
            return entry.change().entity();
        }

        /** Whether the change sets an attribute (it does, unless all its fields are ignored). */
        boolean wins() {
            for (FieldData f : entry.change().fields()) {
                if (!SnapshotLocal.skippedInSnapshot(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Table, then entity, then clock order: the order of every key the bulk insert fills. */
    static final Comparator<Placed> PLACEMENT = (a, b) -> {
        int c = a.table == b.table ? 0 : a.table.compareTo(b.table);
        if (c == 0) {
            c = a.entity().compareTo(b.entity());
        }
        return c != 0 ? c : Uuid7.ORDER.compare(a.entry.change().id(), b.entry.change().id());
    };

    /** A local table the snapshot writes rows to, with the column each field name maps to. */
    static final class Target {
        final TableInfo table;
        final List<Column> columns;
        final Map<String, Integer> byField = new HashMap<>();
        /** Per column, the last entity (by number) that named it: finds two fields naming one column. */
        final int[] claimed;

        Target(TableInfo table) {
            this.table = table;
            this.columns = new ArrayList<>(table.columns().values());
            this.claimed = new int[columns.size()];
        }

        /** The index in {@link #columns} of the column {@code field} fills, or -1 when it has none. */
        int column(String field) {
            Integer i = byField.get(field);
            if (i == null) {
                i = table.column(field).map(columns::indexOf).orElse(-1);
                byField.put(field, i);
            }
            return i;
        }
    }

    /**
     * A snapshot laid out for the bulk insert: its changes sorted by (table, entity, change id), so
     * every b-tree the insert fills grows at its end, and each entity's changes adjacent.
     * {@link #of} returns null when the snapshot is not as a writer makes it (a change id or an
     * attribute twice, one table spelled in two cases, two fields of one entity naming one column, a
     * field naming the id column): such a snapshot goes through the normal merge.
     */
    static final class Plan {
        final Placed[] changes;
        /** Where each entity's changes start in {@link #changes}, and {@code changes.length} last. */
        final int[] entities;
        final Map<String, Target> targets;
        final UUID maxId;

        private Plan(Placed[] changes, int[] entities, Map<String, Target> targets, UUID maxId) {
            this.changes = changes;
            this.entities = entities;
            this.targets = targets;
            this.maxId = maxId;
        }

        static Plan of(SchemaSnapshot schema, List<SnapshotEntry> entries) {
            Map<String, String> canonical = new HashMap<>();
            Map<String, String> spelling = new HashMap<>();
            Map<String, Target> targets = new HashMap<>();
            Set<UUID> ids = new HashSet<>(entries.size() * 2);
            Placed[] changes = new Placed[entries.size()];
            UUID max = null;
            int n = 0;
            for (SnapshotEntry e : entries) {
                ChangeData c = e.change();
                if (!ids.add(c.id())) {
                    return null;
                }
                if (max == null || Uuid7.ORDER.compare(c.id(), max) > 0) {
                    max = c.id();
                }
                String table = canonical.get(c.table());
                if (table == null) {
                    TableInfo t = schema.table(c.table()).orElse(null);
                    table = t == null ? c.table() : t.name();
                    String seen = spelling.putIfAbsent(table.toLowerCase(Locale.ROOT), table);
                    if (seen != null && !seen.equals(table)) {
                        return null;
                    }
                    canonical.put(c.table(), table);
                    // Only user tables with an id key get rows: never a full-text index's shadow table.
                    if (t != null && schema.syncTarget(t.name()).isPresent()) {
                        targets.putIfAbsent(table, new Target(t));
                    }
                }
                changes[n++] = new Placed(table, e);
            }
            // Both cores: a returning device's catch-up sorts a few hundred thousand changes here,
            // on a JVM that runs C1 only (app/tandem, the installed CLI).
            Arrays.parallelSort(changes, 0, n, PLACEMENT);
            int[] starts = new int[n + 1];
            int count = 0;
            List<FieldData> fields = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Placed p = changes[i];
                if (i > 0 && p.table.equals(changes[i - 1].table) && p.entity().equals(changes[i - 1].entity())) {
                    continue;
                }
                starts[count++] = i;
            }
            starts[count] = n;
            int[] entities = Arrays.copyOf(starts, count + 1);
            for (int g = 0; g < count; g++) {
                fields.clear();
                for (int i = entities[g]; i < entities[g + 1]; i++) {
                    for (FieldData f : changes[i].entry.change().fields()) {
                        if (!SnapshotLocal.skippedInSnapshot(f)) {
                            fields.add(f);
                        }
                    }
                }
                if (!distinctNames(fields) || !distinctColumns(targets.get(changes[entities[g]].table), fields, g + 1)) {
                    return null;
                }
            }
            return new Plan(changes, entities, targets, max);
        }

        /** Whether entity number {@code g} has a winning attribute (a change with only ignored fields has none). */
        boolean wins(int g) {
            for (int i = entities[g]; i < entities[g + 1]; i++) {
                if (changes[i].wins()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether entity number {@code g} is deleted: its {@code _deleted} winner is 1. */
        boolean deleted(int g) {
            for (int i = entities[g]; i < entities[g + 1]; i++) {
                for (FieldData f : changes[i].entry.change().fields()) {
                    if (f.name().equals(Change.DELETED_FIELD) && Long.valueOf(1L).equals(f.value())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether no two fields have the same name, ignoring case. */
        private static boolean distinctNames(List<FieldData> fields) {
            int n = fields.size();
            if (n > 16) {
                Set<String> names = new HashSet<>();
                for (FieldData f : fields) {
                    if (!names.add(f.name().toLowerCase(Locale.ROOT))) {
                        return false;
                    }
                }
                return true;
            }
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (fields.get(i).name().equalsIgnoreCase(fields.get(j).name())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Whether no two fields of entity number {@code stamp} name one column, and none the id. */
        private static boolean distinctColumns(Target target, List<FieldData> fields, int stamp) {
            if (target == null) {
                return true;
            }
            for (FieldData f : fields) {
                if (f.name().equals(Change.DELETED_FIELD)) {
                    continue;
                }
                int column = target.column(f.name());
                if (column >= 0) {
                    if (target.claimed[column] == stamp || target.columns.get(column).name().equalsIgnoreCase("id")) {
                        return false;
                    }
                    target.claimed[column] = stamp;
                }
            }
            return true;
        }
    }
}

package dev.tandem.engine.internal.capture;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.MappingException;
import dev.tandem.engine.internal.apply.HeldRows;
import dev.tandem.engine.internal.apply.Materializer;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.changelog.WinnerIds;
import dev.tandem.engine.internal.changelog.WinningChange;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns local saves, deletes and restores into row writes plus changelog entries, in the caller's
 * transaction. A save diffs the stored row against the record and records one change carrying
 * only the attributes that differ (an insert records every column, defaults included, so other
 * devices build the same row). Each attribute notes the change it replaced, which is how merge
 * later tells a concurrent edit from a sequential one.
 */
public final class ChangeCapture {
    private final ChangelogStore log;
    private final Materializer materializer;
    private final HybridClock clock;
    /** Written under the write lock only, when the database takes a new device id. */
    private volatile UUID author;
    private final HeldRows held;
    /** Only used under the write lock, like everything here. */
    private final Map<RecordType<?>, SavePlan<?>> plans = new HashMap<>();

    public ChangeCapture(ChangelogStore log, Materializer materializer, HybridClock clock, UUID author) {
        this.log = log;
        this.materializer = materializer;
        this.held = new HeldRows(log, materializer);
        this.clock = clock;
        this.author = author;
    }

    /** The device id new changes are authored by, from now on. */
    public void author(UUID author) {
        this.author = author;
    }

    /**
     * Saves the record; returns it as the table now holds it (defaults filled in, a new id given).
     *
     * <p>Order: read the stored row and the entity's winners (one statement); write the row; record
     * the change (its fields replace those winners); then, for an insert, settle the entity's
     * pending state and retry held children. The returned row comes from the write itself
     * ({@code RETURNING *}, or for an edit of values stored as given the old row with the new values
     * in place) unless a trigger could change it later in the transaction; then it is read back
     * after all of that.
     */
    public <T extends Record> T save(WriteSession s, RecordType<T> type, T record) throws SQLException {
        SavePlan<T> plan = plan(s.schema(), type);
        TableInfo table = plan.table();
        String id = type.id(record);
        // An id this clock just made names nothing yet: no row and no changes to look up.
        boolean fresh = id == null || id.isEmpty();
        if (fresh) {
            id = clock.nextRandom().toString();
        }
        Object[] values = plan.values(record);
        StatementCache sql = s.sql();
        SavePlan.Probe probe = fresh ? null : plan.probe(sql, id);
        Object[] old = fresh ? null : probe.row();
        WinnerIds winners = fresh ? WinnerIds.NONE : probe.winnersRead() ? log.winnerIds(sql, probe.winners())
                : log.winnerIds(sql, table.name(), id);
        Map<String, Object> changed = new LinkedHashMap<>();
        Object[] row;
        if (old == null) {
            row = plan.insert(sql, id, values);
            String[] names = plan.rowNames();
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equals("id")) {
                    changed.put(names[i], row[i]);
                }
            }
            if (winners.deleted()) {
                changed.put(Change.DELETED_FIELD, 0L);
            }
        } else {
            boolean[] differs = new boolean[values.length];
            for (int j = 0; j < values.length; j++) {
                if (!SqlValues.same(plan.stored(old, j), values[j])) {
                    differs[j] = true;
                    changed.put(plan.column(j), values[j]);
                }
            }
            if (changed.isEmpty()) {
                return plan.toRecord(old);
            }
            row = plan.update(sql, id, old, differs, values);
        }
        record(s, table, id, changed, winners);
        s.event(old == null ? ChangeEvent.Kind.INSERT : ChangeEvent.Kind.UPDATE, table.name(), id);
        if (old == null) {
            // The row shows now, so the entity is no longer held back (a merge may have held it for
            // a missing parent); it stays pending only for columns this schema lacks. An entity
            // without winners never came through a merge, so it cannot be pending.
            if (!winners.byField().isEmpty()) {
                materializer.setPending(sql, table.name(), id, winners.byField().values().stream().anyMatch(w ->
                        !w.field().equals(Change.DELETED_FIELD) && !w.field().equalsIgnoreCase("id")
                                && table.column(w.field()).isEmpty()));
            }
            // A new parent row: children a merge held back for want of it can show now.
            held.retryChildrenOf(s, Set.of(table.name()));
        }
        if (!plan.returnsFinalRow()) {
            row = plan.read(sql, id);
        }
        return plan.toRecord(row);
    }

    /** The save plan for {@code type} against the current schema; rebuilt after a migration. */
    @SuppressWarnings("unchecked")
    private <T extends Record> SavePlan<T> plan(SchemaSnapshot schema, RecordType<T> type) {
        SavePlan<T> plan = (SavePlan<T>) plans.get(type);
        if (plan == null || !plan.isFor(schema)) {
            plan = new SavePlan<>(type, table(schema, type), schema);
            plans.put(type, plan);
        }
        return plan;
    }

    /** Deletes the row and records a tombstone; false when there was no row. */
    public boolean delete(WriteSession s, RecordType<?> type, String id) throws SQLException {
        TableInfo table = table(s.schema(), type);
        PreparedStatement ps = s.sql().get("DELETE FROM " + table.quoted() + " WHERE \"id\" = ?");
        ps.setString(1, id);
        if (ps.executeUpdate() == 0) {
            return false;
        }
        record(s, table, id, Map.of(Change.DELETED_FIELD, 1L), log.winnerIds(s.sql(), table.name(), id));
        s.event(ChangeEvent.Kind.DELETE, table.name(), id);
        return true;
    }

    /**
     * Restores a deleted entity from its winning attributes; false when it was not deleted. The
     * restore carries every winning value, not just {@code _deleted = 0}: a device that has already
     * forgotten the deleted entity ({@code TombstoneHorizon}), or only ever saw it deleted, gets the
     * whole entity back with it instead of a row of empty columns.
     */
    public boolean restore(WriteSession s, RecordType<?> type, String id) throws SQLException {
        TableInfo table = table(s.schema(), type);
        WinnerIds winners = log.winnerIds(s.sql(), table.name(), id);
        if (!winners.deleted()) {
            return false;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Change.DELETED_FIELD, 0L);
        for (Winner w : log.winners(s.sql(), table.name(), id).values()) {
            if (!w.field().equals(Change.DELETED_FIELD) && !w.field().equalsIgnoreCase("id")
                    && !TextMergeField.isHidden(w.field())) {
                fields.put(w.field(), w.value());
            }
        }
        record(s, table, id, fields, winners);
        ChangeEvent.Kind kind = materializer.materialize(s, table, id, log.winners(s.sql(), table.name(), id));
        if (kind != null) {
            s.event(kind, table.name(), id);
        }
        held.retryChildrenOf(s, Set.of(table.name()));
        return true;
    }

    /** Writes one local change that sets {@code fields}, each replacing its current winner. */
    public void record(WriteSession s, TableInfo table, String id, Map<String, Object> fields, WinnerIds winners)
            throws SQLException {
        SyncLimits.checkLocal(table.name(), id, fields);
        int n = fields.size();
        String[] names = new String[n];
        Object[] values = new Object[n];
        UUID[] replaces = new UUID[n];
        // Greater than every value it replaces, even one from a device whose clock ran ahead.
        UUID newest = null;
        int i = 0;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            WinningChange replaced = winners.map().get(f.getKey());
            names[i] = f.getKey();
            values[i] = f.getValue();
            replaces[i] = replaced == null ? null : replaced.id();
            if (replaced != null && (newest == null || Uuid7.ORDER.compare(replaced.id(), newest) > 0)) {
                newest = replaced.id();
            }
            i++;
        }
        log.appendLocal(s.sql(), clock.nextAfter(newest), author, table.name(), id, names, values, replaces, winners.map());
        s.recordedLocal();
    }

    private static TableInfo table(SchemaSnapshot schema, RecordType<?> type) {
        TableInfo table = schema.requireTable(type.table(), " for record " + type.type().getSimpleName());
        Column id = table.column("id").orElse(null);
        if (id == null || !id.primaryKey()) {
            throw new MappingException("Table '" + table.name() + "' needs an 'id' PRIMARY KEY column to store "
                    + type.type().getSimpleName());
        }
        return table;
    }
}

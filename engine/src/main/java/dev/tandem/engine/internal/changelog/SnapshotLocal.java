package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.TxSession;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.Schema.Column;
import dev.tandem.engine.internal.store.Schema.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import dev.tandem.engine.internal.sync.Snapshot.Entry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local side of snapshots: reading this database's winners for a snapshot, and merging a
 * snapshot into this database.
 *
 * <p>Reading happens in one read transaction, together with the cursors and the push state, so the
 * snapshot is exactly the merged state as of those cursors. It refuses (returns null) while own
 * changes are unpushed: they would be in the state but in no batch the cursors name.
 *
 * <p>Merging has two paths with the same result. An empty changelog (a new device) takes the fast
 * path: changes, fields and winners are inserted as they come (a snapshot holds exactly one winner
 * per attribute, so there is nothing to decide), then each entity's row is written once, with
 * column names from the schema only. Otherwise, or if the snapshot holds the same attribute twice
 * (which a well-formed snapshot never does), the entries go through {@link RemoteApply} like any
 * pulled batch, so unpushed local edits survive and last write wins holds. Either way the cursors
 * move to the snapshot's in the same transaction.
 */
public final class SnapshotLocal {
    /** A snapshot as read from this database. */
    public record Capture(Map<UUID, Long> cursors, List<Entry> entries) {
    }

    /** What applying did. */
    public record Stats(int pulled, int merged, int conflicts, boolean fast) {
    }

    private final ChangelogStore log;
    private final Materializer materializer;
    private final RemoteApply apply;
    private final HybridClock clock;
    private final SyncState state = new SyncState();

    public SnapshotLocal(ChangelogStore log, Materializer materializer, RemoteApply apply, HybridClock clock) {
        this.log = log;
        this.materializer = materializer;
        this.apply = apply;
        this.clock = clock;
    }

    /**
     * Whether batches of other devices are set aside (unreadable, see QuarantineStore): the cursors
     * pass them but their changes are not in this state, so a snapshot written now would let
     * cleanup delete them and hand new devices a state without them.
     */
    private static boolean missesSetAsideBatches(Connection c, UUID self, String remote) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM _tandem_quarantine WHERE remote = ? AND device <> ? LIMIT 1")) {
            ps.setString(1, remote);
            ps.setBytes(2, Uuid7.toBytes(self));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Inside one read transaction: the winners and cursors, or null while own changes are unpushed
     * or batches of other devices are set aside.
     */
    public Capture read(Connection c, UUID self, String remote) throws SQLException {
        SyncState.Pushed pushed = state.pushed(c, remote);
        if (state.countOwn(c, self, pushed.changeSeq()) > 0 || missesSetAsideBatches(c, self, remote)) {
            return null;
        }
        Map<UUID, Long> cursors = new HashMap<>(state.cursors(c, remote));
        cursors.put(self, pushed.batchSeq());
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.seq, c.id, c.author, w.tbl, w.entity, f.field,"
                + " f.value, f.prev FROM _tandem_winner w JOIN _tandem_change c ON c.seq = w.seq"
                + " JOIN _tandem_field f ON f.seq = w.seq AND f.field = w.field ORDER BY w.seq, f.field");
             ResultSet rs = ps.executeQuery()) {
            long current = -1;
            UUID id = null;
            UUID author = null;
            String table = null;
            String entity = null;
            List<FieldData> fields = new ArrayList<>();
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != current) {
                    if (id != null) {
                        entries.add(new Entry(author, new ChangeData(id, table, entity, fields)));
                    }
                    current = seq;
                    id = Uuid7.fromBytes(rs.getBytes(2));
                    author = Uuid7.fromBytes(rs.getBytes(3));
                    table = rs.getString(4);
                    entity = rs.getString(5);
                    fields = new ArrayList<>();
                }
                fields.add(new FieldData(rs.getString(6), SqlValues.normalize(rs.getObject(7)),
                        ChangelogStore.uuidOrNull(rs.getBytes(8))));
            }
            if (id != null) {
                entries.add(new Entry(author, new ChangeData(id, table, entity, fields)));
            }
        }
        return new Capture(cursors, entries);
    }

    /** Merges the snapshot and moves this database's cursors up to {@code cursors}; in the caller's transaction. */
    public Stats apply(TxSession s, UUID self, String remote, Map<UUID, Long> cursors, List<Entry> entries,
                       long nowMillis) throws SQLException {
        Stats stats = empty(s.sql()) && distinct(entries) ? fast(s, entries) : slow(s, entries, nowMillis);
        Map<UUID, Long> local = state.cursors(s.sql().connection(), remote);
        for (Map.Entry<UUID, Long> e : cursors.entrySet()) {
            if (!e.getKey().equals(self) && e.getValue() > local.getOrDefault(e.getKey(), 0L)) {
                state.setCursor(s.sql(), remote, e.getKey(), e.getValue());
            }
        }
        return stats;
    }

    private static boolean empty(StatementCache sql) throws SQLException {
        try (ResultSet rs = sql.get("SELECT EXISTS(SELECT 1 FROM _tandem_change)").executeQuery()) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /** Whether every change id and every (table, entity, field) occurs once, as a writer makes them. */
    private static boolean distinct(List<Entry> entries) {
        Set<UUID> ids = new HashSet<>(entries.size() * 2);
        Set<String> attributes = new HashSet<>(entries.size() * 8);
        for (Entry e : entries) {
            ChangeData c = e.change();
            if (!ids.add(c.id())) {
                return false;
            }
            for (FieldData f : c.fields()) {
                String key = c.table().toLowerCase(Locale.ROOT) + '\0' + c.entity() + '\0' + f.name().toLowerCase(Locale.ROOT);
                if (!attributes.add(key)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Stats slow(TxSession s, List<Entry> entries, long nowMillis) throws SQLException {
        Map<UUID, List<ChangeData>> byAuthor = new LinkedHashMap<>();
        for (Entry e : entries) {
            byAuthor.computeIfAbsent(e.author(), k -> new ArrayList<>()).add(e.change());
        }
        int pulled = 0;
        int merged = 0;
        int conflicts = 0;
        for (Map.Entry<UUID, List<ChangeData>> e : byAuthor.entrySet()) {
            RemoteApply.Stats st = apply.apply(s, e.getKey(), e.getValue(), nowMillis);
            pulled += st.pulled();
            merged += st.merged();
            conflicts += st.conflicts();
        }
        return new Stats(pulled, merged, conflicts, false);
    }

    private static boolean skipped(FieldData f) {
        return f.name().equalsIgnoreCase("id") || (f.name().equals(Change.DELETED_FIELD)
                && !(Long.valueOf(0L).equals(f.value()) || Long.valueOf(1L).equals(f.value())));
    }

    private Stats fast(TxSession s, List<Entry> entries) throws SQLException {
        long t0 = System.nanoTime();
        StatementCache sql = s.sql();
        Schema schema = s.schema();
        try (var st = sql.connection().createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
        PreparedStatement change = sql.get("INSERT INTO _tandem_change(seq, id, author, tbl, entity) VALUES(?, ?, ?, ?, ?)");
        PreparedStatement field = sql.get("INSERT INTO _tandem_field(seq, field, value, prev) VALUES(?, ?, ?, ?)");
        PreparedStatement winner = sql.get("INSERT INTO _tandem_winner(tbl, entity, field, seq) VALUES(?, ?, ?, ?)");
        // table -> entity -> lower-case field -> value: the rows to write, in arrival order
        Map<String, Map<String, Map<String, Object[]>>> rows = new LinkedHashMap<>();
        long seq = 0;
        UUID max = null;
        int pending = 0;
        for (Entry e : entries) {
            ChangeData c = e.change();
            String table = schema.table(c.table()).map(TableInfo::name).orElse(c.table());
            seq++;
            change.setLong(1, seq);
            change.setBytes(2, Uuid7.toBytes(c.id()));
            change.setBytes(3, Uuid7.toBytes(e.author()));
            change.setString(4, table);
            change.setString(5, c.entity());
            change.addBatch();
            if (max == null || Uuid7.ORDER.compare(c.id(), max) > 0) {
                max = c.id();
            }
            Map<String, Object[]> row = rows.computeIfAbsent(table, k -> new HashMap<>())
                    .computeIfAbsent(c.entity(), k -> new HashMap<>());
            for (FieldData f : c.fields()) {
                if (skipped(f)) {
                    continue;
                }
                field.setLong(1, seq);
                field.setString(2, f.name());
                field.setObject(3, f.value());
                field.setBytes(4, f.replaces() == null ? null : Uuid7.toBytes(f.replaces()));
                field.addBatch();
                winner.setString(1, table);
                winner.setString(2, c.entity());
                winner.setString(3, f.name());
                winner.setLong(4, seq);
                winner.addBatch();
                row.put(f.name().toLowerCase(Locale.ROOT), new Object[] {f.name(), f.value()});
            }
            if (++pending == 2000) {
                change.executeBatch();
                field.executeBatch();
                winner.executeBatch();
                pending = 0;
            }
        }
        change.executeBatch();
        field.executeBatch();
        winner.executeBatch();
        if (max != null) {
            clock.observe(max);
        }
        long tInserted = System.nanoTime();
        List<String> tables = new ArrayList<>(rows.keySet());
        tables.sort(Comparator.comparingInt(t -> RemoteApply.depth(schema, t, 0)));
        int merged = 0;
        HeldRows held = new HeldRows(log, materializer);
        for (String name : tables) {
            // Only user tables with an id key: never a full-text index's shadow table, say.
            TableInfo t = schema.syncTarget(name).orElse(null);
            for (Map.Entry<String, Map<String, Object[]>> row : rows.get(name).entrySet()) {
                boolean[] written = new boolean[1];
                if (t == null) {
                    materializer.setPending(sql, name, row.getKey(), true);
                } else if (held.writeOrHold(s, t, row.getKey(), () -> written[0] = insert(s, t, row.getKey(), row.getValue()))
                        && written[0]) {
                    // A row the table refuses (NOT NULL, CHECK, a STRICT type) is held, not fatal.
                    merged++;
                }
            }
        }
        long tRows = System.nanoTime();
        apply.holdOrphans(s);
        if (Boolean.getBoolean("tandem.debugSnapshots")) {
            System.err.printf("fast: changelog %d ms, rows %d ms, fk %d ms%n", (tInserted - t0) / 1_000_000,
                    (tRows - tInserted) / 1_000_000, (System.nanoTime() - tRows) / 1_000_000);
        }
        return new Stats((int) seq, merged, 0, true);
    }

    /** Writes one entity's row unless it is deleted; marks it pending when it has unknown columns. */
    private boolean insert(TxSession s, TableInfo table, String entity, Map<String, Object[]> fields)
            throws SQLException {
        Object[] deleted = fields.get(Change.DELETED_FIELD);
        if (deleted != null && Long.valueOf(1L).equals(deleted[1])) {
            return false;
        }
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table.quoted()).append("(\"id\"");
        StringBuilder params = new StringBuilder("?");
        List<Object> values = new ArrayList<>();
        boolean unknown = false;
        List<String> names = new ArrayList<>(fields.keySet());
        names.sort(null);
        for (String lower : names) {
            if (lower.equals(Change.DELETED_FIELD)) {
                continue;
            }
            Column c = table.column((String) fields.get(lower)[0]).orElse(null);
            if (c == null) {
                unknown = true;
                continue;
            }
            insert.append(", ").append(Schema.quote(c.name()));
            params.append(", ?");
            values.add(fields.get(lower)[1]);
        }
        if (unknown) {
            materializer.setPending(s.sql(), table.name(), entity, true);
        }
        insert.append(") VALUES(").append(params).append(") ON CONFLICT(\"id\") DO NOTHING");
        PreparedStatement ps = s.sql().get(insert.toString());
        ps.setString(1, entity);
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 2, values.get(i));
        }
        ps.executeUpdate();
        s.event(ChangeEvent.Kind.INSERT, table.name(), entity);
        return true;
    }
}

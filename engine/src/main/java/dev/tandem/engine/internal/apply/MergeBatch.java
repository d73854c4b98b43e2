package dev.tandem.engine.internal.apply;

import dev.tandem.engine.Change;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.StoredChange;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One pulled batch as {@link RemoteApply} merges it: what the batch needs from the changelog, read
 * up front by a few set-wise queries, and what it writes, buffered and written with
 * {@code executeBatch}. Merging change by change with a lookup per question cost about fifteen
 * statements a change; this costs a handful of statements a batch plus three batched rows a change.
 *
 * <p>Invariants, and what must happen before what:
 * <ul>
 *   <li>{@link #load} runs first: it keys the batch's changes in a temporary table and reads, for
 *       all of them at once, which are here already, each entity's winners, the changes that win
 *       the fields the batch sets (and {@code _deleted}), whether the entity is held back, and
 *       whether its row exists.</li>
 *   <li>An entity's {@link Entity} is the truth about its winners for the rest of the batch: it
 *       starts from what was read and follows every move; it is written back at {@link #flush}.</li>
 *   <li>Every change this batch appends stays in memory until the batch ends, so merge decisions,
 *       replace-chain walks ({@link #ancestry}) and winner values never need unflushed rows from
 *       SQL. Anything that reads the changelog through SQL (a text merge's base, {@link HeldRows})
 *       runs after {@link #flush}.</li>
 *   <li>Seqs are given here, from the greatest one upwards in append order, which is what SQLite
 *       would pick for the {@code INTEGER PRIMARY KEY}; nothing else appends while a batch merges
 *       (merge changes of text come through {@link #append} too).</li>
 * </ul>
 */
final class MergeBatch {
    /** Where a batch's change keys sit while it merges; WITHOUT ROWID, so the update hook stays silent. */
    private static final String KEYS_DDL = "CREATE TEMP TABLE IF NOT EXISTS _tandem_merge_keys(tbl TEXT NOT NULL,"
            + " entity TEXT NOT NULL, key BLOB NOT NULL, PRIMARY KEY(tbl, entity, key)) WITHOUT ROWID";
    private static final String ENTITIES = "(SELECT DISTINCT tbl, entity FROM temp._tandem_merge_keys)";

    /**
     * Entities in about the order SQLite keeps their rows: String.compareTo orders by UTF-16 units,
     * SQLite by UTF-8 bytes, which differ only past U+D7FF; the order is for page locality only.
     */
    private static final Comparator<Entity> ENTITY_ORDER = Comparator.<Entity, String>comparing(e -> e.table)
            .thenComparing(e -> e.entity);
    private static final Comparator<Object[]> HISTORY_ORDER = (a, b) -> Arrays.compareUnsigned((byte[]) a[2], (byte[]) b[2]);

    /**
     * An entity's key. Its equals and hashCode are written out: a record's are linked through
     * {@code ObjectMethods} at their first call, and that first link cost a new device's first pull
     * 15–20 ms of method-handle setup in a fresh command-line process.
     */
    record Key(String table, String entity) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(table, k.table) && Objects.equals(entity, k.entity);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(table) + Objects.hashCode(entity);
        }
    }

    /** A change of an entity (ids are unique per entity, not per database). */
    private record Held(String table, String entity, UUID id) {
    }

    /** One entity the batch touches: its winners as they move, and its changes appended by the batch. */
    static final class Entity {
        final String table;
        final String entity;
        /** The winners before the batch; never changed. */
        final WinnerMap before;
        final boolean pending;
        final boolean rowExisted;
        private WinnerMap winners;
        private long movedBy = -1;
        private boolean dirty;
        private final Map<UUID, List<FieldData>> appended = new HashMap<>(2);
        /** History rows appended and not yet flushed. */
        private final List<Object[]> history = new ArrayList<>(1);

        private Entity(String table, String entity, WinnerMap before, boolean pending, boolean rowExisted) {
            this.table = table;
            this.entity = entity;
            this.before = before;
            this.winners = before;
            this.pending = pending;
            this.rowExisted = rowExisted;
        }

        /** The winners now. */
        WinnerMap winners() {
            return winners;
        }

        /** Makes {@code next} the entity's winners; {@code seq} is the change that moved them. */
        void moveTo(WinnerMap next, long seq) {
            winners = next;
            movedBy = seq;
            dirty = true;
        }
    }

    private final StatementCache sql;
    private final Map<Key, Entity> entities = new HashMap<>();
    private final Map<Long, StoredChange> changes = new HashMap<>();
    private final Set<Held> held = new HashSet<>();
    private final List<Object[]> changeRows = new ArrayList<>();
    private final List<Object[]> entityRows = new ArrayList<>();
    private long nextSeq;
    /** The seq of the batch's first append: winners from it on are this batch's changes. */
    private long firstAppended;

    private MergeBatch(StatementCache sql) {
        this.sql = sql;
    }

    /**
     * Reads what merging {@code changes} needs; {@code tables[i]} is the table name change {@code i}
     * is merged under. Fields are looked up ignoring case, as the winners key them.
     */
    static MergeBatch load(StatementCache sql, List<ChangeData> changes, String[] tables,
                           Map<String, String> rowTables) throws SQLException {
        MergeBatch b = new MergeBatch(sql);
        try (Statement st = sql.connection().createStatement()) {
            st.execute(KEYS_DDL);
        }
        PreparedStatement keys = sql.get("INSERT OR IGNORE INTO temp._tandem_merge_keys(tbl, entity, key) VALUES(?, ?, ?)");
        for (int i = 0; i < changes.size(); i++) {
            keys.setString(1, tables[i]);
            keys.setString(2, changes.get(i).entity());
            keys.setBytes(3, Uuid7.toBytes(changes.get(i).id()));
            keys.addBatch();
        }
        keys.executeBatch();
        try {
            b.read(changes, tables, rowTables);
        } finally {
            sql.get("DELETE FROM temp._tandem_merge_keys").executeUpdate();
        }
        return b;
    }

    private void read(List<ChangeData> batch, String[] tables, Map<String, String> rowTables) throws SQLException {
        // One pass in key order: each entity's winners row and its history rows share pages.
        Map<Key, byte[]> winners = new HashMap<>();
        try (ResultSet rs = sql.get("SELECT k.tbl, k.entity, k.key, e.winners, EXISTS(SELECT 1 FROM _tandem_entity h"
                + " WHERE h.tbl = k.tbl AND h.entity = k.entity AND h.key = k.key) FROM temp._tandem_merge_keys k"
                + " LEFT JOIN _tandem_entity e ON e.tbl = k.tbl AND e.entity = k.entity AND e.key = ''").executeQuery()) {
            Key last = null;
            while (rs.next()) {
                Key key = new Key(rs.getString(1), rs.getString(2));
                if (!key.equals(last)) {
                    winners.put(key, rs.getBytes(4));
                    last = key;
                }
                if (rs.getInt(5) != 0) {
                    held.add(new Held(key.table(), key.entity(), Uuid7.fromBytes(rs.getBytes(3))));
                }
            }
        }
        Set<Key> pending = keys("SELECT p.tbl, p.entity FROM _tandem_pending p WHERE EXISTS(SELECT 1 FROM"
                + " temp._tandem_merge_keys k WHERE k.tbl = p.tbl AND k.entity = p.entity)", null);
        Set<Key> rows = new HashSet<>();
        for (Map.Entry<String, String> t : rowTables.entrySet()) {
            // The table's name comes from the schema, never from a change.
            rows.addAll(keys("SELECT k.tbl, k.entity FROM " + ENTITIES + " k JOIN " + t.getValue()
                    + " r ON r.\"id\" = k.entity WHERE k.tbl = ?", t.getKey()));
        }
        Map<Key, Set<String>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ChangeData c = batch.get(i);
            Key key = new Key(tables[i], c.entity());
            Set<String> fields = wanted.computeIfAbsent(key, k -> new HashSet<>());
            for (FieldData f : c.fields()) {
                fields.add(f.name().toLowerCase(Locale.ROOT));
            }
        }
        StringBuilder seqs = new StringBuilder("[");
        for (Map.Entry<Key, Set<String>> e : wanted.entrySet()) {
            Key key = e.getKey();
            WinnerMap before = WinnerMap.decode(winners.get(key));
            entities.put(key, new Entity(key.table(), key.entity(), before, pending.contains(key), rows.contains(key)));
            Set<Long> mine = new HashSet<>();
            for (String field : e.getValue()) {
                WinnerMap.Entry w = before.get(field);
                if (w != null) {
                    mine.add(w.seq());
                }
            }
            WinnerMap.Entry deleted = before.get(Change.DELETED_FIELD);
            if (deleted != null) {
                mine.add(deleted.seq());
            }
            for (long seq : mine) {
                seqs.append(seqs.length() == 1 ? "" : ",").append(seq);
            }
        }
        try (PreparedStatement ps = sql.connection().prepareStatement("SELECT seq, author, fields FROM _tandem_change"
                + " WHERE seq IN (SELECT value FROM json_each(?))")) {
            ps.setString(1, seqs.append(']').toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.put(rs.getLong(1), StoredChange.ofBlob(Uuid7.fromBytes(rs.getBytes(2)), rs.getBytes(3)));
                }
            }
        }
        try (ResultSet rs = sql.get("SELECT coalesce(max(seq), 0) FROM _tandem_change").executeQuery()) {
            rs.next();
            nextSeq = rs.getLong(1) + 1;
            firstAppended = nextSeq;
        }
    }

    private Set<Key> keys(String query, String table) throws SQLException {
        Set<Key> found = new HashSet<>();
        PreparedStatement ps = sql.get(query);
        if (table != null) {
            ps.setString(1, table);
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Key(rs.getString(1), rs.getString(2)));
            }
        }
        return found;
    }

    /** The entity {@code table}/{@code entity} of a change of this batch. */
    Entity entity(String table, String entity) {
        Entity e = entities.get(new Key(table, entity));
        if (e == null) {
            throw new IllegalArgumentException("not in this batch: " + table + "/" + entity);
        }
        return e;
    }

    /** Whether this database holds change {@code id} of {@code e} already. */
    boolean has(Entity e, UUID id) {
        return e.appended.containsKey(id) || held.contains(new Held(e.table, e.entity, id));
    }

    /** Appends change {@code id} of {@code e} (written at {@link #flush}) and returns its seq. */
    long append(Entity e, UUID id, UUID author, List<FieldData> fields) {
        long seq = nextSeq++;
        byte[] blob = FieldCodec.encode(fields);
        changeRows.add(new Object[] {seq, Uuid7.toBytes(id), Uuid7.toBytes(author), e.table, e.entity, blob});
        e.history.add(new Object[] {e.table, e.entity, Uuid7.toBytes(id), seq, null});
        e.appended.put(id, fields);
        changes.put(seq, StoredChange.of(author, fields));
        return seq;
    }

    /**
     * The winner of {@code field} of {@code e} with its author and value, or null when nothing set
     * it. A winner the load did not read is read now.
     */
    Winner winner(Entity e, String field) throws SQLException {
        return winner(e, e.winners, field);
    }

    /** {@link #winner(Entity, String)} as of {@code winners}, an earlier state of {@code e}'s. */
    Winner winner(Entity e, WinnerMap winners, String field) throws SQLException {
        WinnerMap.Entry w = winners.get(field);
        return w == null ? null : stored(w.seq()).asWinner(e.table, e.entity, w);
    }

    /** Every winner of {@code e} as of {@code winners}, keyed by lower-case field name. */
    Map<String, Winner> winners(Entity e, WinnerMap winners) throws SQLException {
        Map<String, Winner> all = new HashMap<>();
        for (String field : winners.byField().keySet()) {
            all.put(field, winner(e, winners, field));
        }
        return all;
    }

    /** Whether every winner of {@code e} was set by a change this batch appended (so its value is in memory). */
    boolean allWinnersAppended(Entity e) {
        for (WinnerMap.Entry w : e.winners.byField().values()) {
            if (w.seq() < firstAppended) {
                return false;
            }
        }
        return true;
    }

    private StoredChange stored(long seq) throws SQLException {
        StoredChange c = changes.get(seq);
        if (c == null) {
            c = StoredChange.read(sql, seq);
            changes.put(seq, c);
        }
        return c;
    }

    /** Replace chains of {@code e}'s attributes: this batch's changes from memory, older ones from the changelog. */
    Ancestry ancestry(ChangelogStore log, Entity e) {
        return new Ancestry() {
            @Override
            public UUID replaced(UUID change, String field) {
                List<FieldData> fields = e.appended.get(change);
                if (fields != null) {
                    FieldData f = exactly(fields, field);
                    return f == null ? null : f.replaces();
                }
                try {
                    return log.replaced(sql, e.table, e.entity, change, field);
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            }

            @Override
            public UUID merged(UUID change, String field) {
                List<FieldData> fields = e.appended.get(change);
                if (fields != null) {
                    return ChangelogStore.mergedParent(exactly(fields, TextMergeField.hiddenFor(field)));
                }
                try {
                    return log.merged(sql, e.table, e.entity, change, field);
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
    }

    private static FieldData exactly(List<FieldData> fields, String name) {
        for (FieldData f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Writes what the batch appended and moved so far, so that SQL reads of the changelog see it. */
    void flush() throws SQLException {
        batch("INSERT INTO _tandem_change(seq, id, author, tbl, entity, fields) VALUES(?, ?, ?, ?, ?, ?)", changeRows);
        // Winners and history rows in key order, so that each entity's page is loaded and dirtied once.
        List<Entity> written = new ArrayList<>();
        for (Entity e : entities.values()) {
            if (e.dirty || !e.history.isEmpty()) {
                written.add(e);
            }
        }
        written.sort(ENTITY_ORDER);
        for (Entity e : written) {
            if (e.dirty) {
                entityRows.add(new Object[] {e.table, e.entity, "", e.movedBy, e.winners.encode()});
                e.dirty = false;
            }
            e.history.sort(HISTORY_ORDER);
            entityRows.addAll(e.history);
            e.history.clear();
        }
        batch("INSERT INTO _tandem_entity(tbl, entity, key, seq, winners) VALUES(?, ?, ?, ?, ?)"
                + " ON CONFLICT(tbl, entity, key) DO UPDATE SET seq = excluded.seq, winners = excluded.winners", entityRows);
    }

    private void batch(String statement, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        PreparedStatement ps = sql.get(statement);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
            ps.addBatch();
        }
        ps.executeBatch();
        rows.clear();
    }
}

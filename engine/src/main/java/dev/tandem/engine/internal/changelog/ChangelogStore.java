package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.FieldChange;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads and writes the changelog tables (see {@link InternalSchema}). Writes go through the
 * writer's statement cache and must run inside the caller's transaction: a change, its history
 * row and the winners it moves commit together with the row they describe, or not at all.
 */
public final class ChangelogStore {
    /**
     * An SQL expression: the winners blob ({@link WinnerMap}) of entity {@code ?1} of table
     * {@code ?2}, NULL when no change has touched it; for a statement that reads the entity's row too.
     */
    public static final String WINNERS_OF = "(SELECT e.winners FROM _tandem_entity e WHERE e.tbl = ?2 AND e.entity = ?1"
            + " AND e.key = '')";

    /** All winning attributes of one entity, keyed by lower-case field name, with their values. */
    public Map<String, Winner> winners(StatementCache sql, String table, String entity) throws SQLException {
        WinnerMap map = WinnerMap.decode(winnersBlob(sql, table, entity));
        Map<String, Winner> winners = new HashMap<>();
        Map<Long, StoredChange> changes = new HashMap<>();
        for (Map.Entry<String, WinnerMap.Entry> e : map.byField().entrySet()) {
            WinnerMap.Entry w = e.getValue();
            StoredChange c = changes.get(w.seq());
            if (c == null) {
                c = StoredChange.read(sql, w.seq());
                changes.put(w.seq(), c);
            }
            winners.put(e.getKey(), c.asWinner(table, entity, w));
        }
        return winners;
    }

    private static byte[] winnersBlob(StatementCache sql, String table, String entity) throws SQLException {
        PreparedStatement ps = sql.get("SELECT winners FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ''");
        ps.setString(1, table);
        ps.setString(2, entity);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /** The winning change of each of the entity's attributes, and whether it is deleted. */
    public WinnerIds winnerIds(StatementCache sql, String table, String entity) throws SQLException {
        return winnerIds(sql, winnersBlob(sql, table, entity));
    }

    /**
     * {@link #winnerIds} from the entity's winners blob, read along with its row ({@link #WINNERS_OF}).
     * A change's attributes are read only for a winning {@code _deleted}, whose value is the one a
     * save needs.
     */
    public WinnerIds winnerIds(StatementCache sql, byte[] winnersBlob) throws SQLException {
        WinnerMap map = WinnerMap.decode(winnersBlob);
        WinnerMap.Entry deleted = map.get(Change.DELETED_FIELD);
        if (deleted == null) {
            return new WinnerIds(map, false);
        }
        FieldData f = StoredChange.read(sql, deleted.seq()).field(Change.DELETED_FIELD);
        return new WinnerIds(map, f != null && Long.valueOf(1L).equals(f.value()));
    }

    /** For a change of this entity that this device has, the id its write of {@code field} replaced. */
    public UUID replaced(StatementCache sql, String table, String entity, UUID change, String field)
            throws SQLException {
        FieldData f = field(sql, table, entity, change, field);
        return f == null ? null : f.replaces();
    }

    /** For a merge change of this entity that this device has, the version of {@code field} it folded in. */
    public UUID merged(StatementCache sql, String table, String entity, UUID change, String field)
            throws SQLException {
        return mergedParent(field(sql, table, entity, change, TextMergeField.hiddenFor(field)));
    }

    /** What a change of this entity that this device has wrote to {@code field}, or null. */
    public FieldData field(StatementCache sql, String table, String entity, UUID change, String field)
            throws SQLException {
        PreparedStatement ps = sql.get("SELECT c.fields FROM _tandem_entity e JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.entity = ? AND e.key = ?");
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setBytes(3, Uuid7.toBytes(change));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? FieldCodec.find(rs.getBytes(1), field) : null;
        }
    }

    /** The id a hidden merge attribute holds; null for none or for a value that is not an id. */
    public static UUID mergedParent(FieldData hidden) {
        return hidden != null && hidden.value() instanceof byte[] b && b.length == 16 ? Uuid7.fromBytes(b) : null;
    }

    /**
     * Appends a change authored here, makes it the winner of every field it sets (replacing the
     * entity's winners {@code current}), and returns its seq. Two statements: the change row, then
     * one upsert of the entity's two rows, its history row and its winners, which share a page.
     */
    public long appendLocal(StatementCache sql, UUID id, UUID author, String table, String entity, String[] fields,
                            Object[] values, UUID[] replaces, WinnerMap current) throws SQLException {
        long seq = insertChange(sql, id, author, table, entity, FieldCodec.encode(fields, values, replaces));
        WinnerMap next = current.copy();
        for (String f : fields) {
            next.put(f, seq, id);
        }
        PreparedStatement ps = sql.get("INSERT INTO _tandem_entity(tbl, entity, key, seq, winners)"
                + " VALUES(?1, ?2, ?3, ?4, NULL), (?1, ?2, '', ?4, ?5) ON CONFLICT(tbl, entity, key)"
                + " DO UPDATE SET seq = excluded.seq, winners = excluded.winners");
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.setBytes(3, Uuid7.toBytes(id));
        ps.setLong(4, seq);
        ps.setBytes(5, next.encode());
        ps.executeUpdate();
        return seq;
    }

    /**
     * Appends a change that wins nothing: a value from outside Tandem's sync that lost to the
     * current winner, kept only so Conflicts can show it and take it back. Its author is no device
     * here, so it is never pushed, and no winner or row changes.
     */
    public long appendLoser(StatementCache sql, UUID id, UUID author, String table, String entity, String field,
                            Object value) throws SQLException {
        return insertChange(sql, id, author, table, entity, FieldCodec.encode(new String[] {field},
                new Object[] {value}, new UUID[] {null}));
    }

    /** The seq of change {@code id} of the entity, or -1 when the changelog no longer holds it. */
    public long seqOf(StatementCache sql, String table, String entity, UUID id) throws SQLException {
        PreparedStatement ps = sql.get("SELECT seq FROM _tandem_change WHERE id = ? AND tbl = ? AND entity = ?");
        ps.setBytes(1, Uuid7.toBytes(id));
        ps.setString(2, table);
        ps.setString(3, entity);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static long insertChange(StatementCache sql, UUID id, UUID author, String table, String entity,
                                     byte[] fields) throws SQLException {
        PreparedStatement ps = sql.get("INSERT INTO _tandem_change(id, author, tbl, entity, fields)"
                + " VALUES(?, ?, ?, ?, ?) RETURNING seq");
        ps.setBytes(1, Uuid7.toBytes(id));
        ps.setBytes(2, Uuid7.toBytes(author));
        ps.setString(3, table);
        ps.setString(4, entity);
        ps.setBytes(5, fields);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The greatest change id in the changelog, which the clock must stay ahead of: the greater of
     * the last change appended and the high-water mark merges leave ({@link #noteHigh}), so it costs
     * two lookups rather than a scan. Why that is the maximum: a local change is appended with an id
     * above every id the clock has seen, and the clock has seen the maximum (it starts from it and
     * observes every merged id); a merge, which appends ids in any order, raises the mark to the
     * maximum before it plus every id it appended, in its own transaction.
     *
     * <p>One gap, shared with the id order itself: when two programs write the same file, one may
     * append before it has noticed the other's newest change, with a lower id. Last write wins is
     * unaffected, as a local change always orders after the winners it replaces
     * ({@link dev.tandem.engine.internal.clock.HybridClock#nextAfter}).
     */
    public UUID maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(coalesce((SELECT value FROM _tandem_meta"
                + " WHERE key = 'clock_high'), x''), coalesce((SELECT id FROM _tandem_change ORDER BY seq DESC LIMIT 1), x''))");
             ResultSet rs = ps.executeQuery()) {
            byte[] b = rs.next() ? rs.getBytes(1) : null;
            return b == null || b.length == 0 ? null : Uuid7.fromBytes(b);
        }
    }

    /** Raises the high-water mark of {@link #maxId} to {@code id}; in the caller's transaction. */
    public static void noteHigh(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _tandem_meta(key, value) VALUES('clock_high', ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)")) {
            ps.setBytes(1, Uuid7.toBytes(id));
            ps.executeUpdate();
        }
    }

    /**
     * When each attribute of one entity got its winning value (the time in the winning change's id), by lower-case
     * field; a merge's hidden bookkeeping left out. Only the winners row is read, never a change's values.
     */
    public Map<String, Instant> changedAt(Connection c, String table, String entity) throws SQLException {
        byte[] blob;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT winners FROM _tandem_entity WHERE tbl = ? AND entity = ? AND key = ''")) {
            ps.setString(1, table);
            ps.setString(2, entity);
            try (ResultSet rs = ps.executeQuery()) {
                blob = rs.next() ? rs.getBytes(1) : null;
            }
        }
        Map<String, Instant> out = new TreeMap<>();
        for (Map.Entry<String, WinnerMap.Entry> e : WinnerMap.decode(blob).byField().entrySet()) {
            if (!TextMergeField.isHidden(e.getValue().field())) {
                out.put(e.getKey(), Instant.ofEpochMilli(Uuid7.millis(e.getValue().id())));
            }
        }
        return out;
    }

    /**
     * Which of {@code ids} the changelog holds. The change table has no index on the id (every other read goes
     * through an entity), so this is one scan of its ids, compared as bytes.
     */
    public Set<UUID> held(Connection c, Set<UUID> ids) throws SQLException {
        Set<ByteBuffer> asked = new HashSet<>();
        for (UUID id : ids) {
            asked.add(ByteBuffer.wrap(Uuid7.toBytes(id)));
        }
        Set<UUID> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM _tandem_change");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next() && out.size() < asked.size()) {
                byte[] b = rs.getBytes(1);
                if (b != null && asked.contains(ByteBuffer.wrap(b))) {
                    out.add(Uuid7.fromBytes(b));
                }
            }
        }
        return out;
    }

    /** The changes of one entity, in clock order. */
    public List<Change> history(Connection c, String table, String entity) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ChangeRows.COLUMNS
                + " FROM _tandem_entity e JOIN _tandem_change c ON c.seq = e.seq"
                + " WHERE e.tbl = ? AND e.entity = ? AND e.key >= x'' ORDER BY e.key")) {
            ps.setString(1, table);
            ps.setString(2, entity);
            try (ResultSet rs = ps.executeQuery()) {
                ChangeRows.read(rs, (seq, author, change) -> changes.add(change(author, change)));
            }
        }
        return changes;
    }

    private static Change change(UUID author, ChangeData c) {
        List<FieldChange> fields = new ArrayList<>(c.fields().size());
        for (FieldData f : c.fields()) {
            if (TextMergeField.isHidden(f.name())) {
                continue; // a merge's bookkeeping, not something the entity's history shows
            }
            fields.add(new FieldChange(f.name(), f.value(), f.replaces() == null ? null : f.replaces().toString()));
        }
        return new Change(c.id().toString(), author.toString(), Instant.ofEpochMilli(Uuid7.millis(c.id())), c.table(),
                c.entity(), fields);
    }
}

package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The conflicts last write wins resolved, kept so a person can see them and take the lost value
 * back. A conflict row points at the losing change; the kept value is always read from the current
 * winner, so it stays true as later changes arrive.
 */
public final class ConflictStore {
    private final ChangelogStore log;

    public ConflictStore(ChangelogStore log) {
        this.log = log;
    }

    /** Records that {@code loserSeq} lost {@code field} to {@code winnerSeq}; once per loser and field. */
    public boolean record(WriteSession s, Conflict.Kind kind, String table, String entity, String field,
                          long winnerSeq, long loserSeq, long nowMillis) throws SQLException {
        return record(s, kind, table, entity, field, winnerSeq, loserSeq, null, nowMillis);
    }

    /**
     * As above, with {@code keptAuthor} (null: the winning change's own author) named as the kept
     * side's author while {@code winnerSeq} is the field's winner: a value from outside Tandem's sync
     * saved here is this device's change, but came from elsewhere.
     */
    public boolean record(WriteSession s, Conflict.Kind kind, String table, String entity, String field,
                          long winnerSeq, long loserSeq, UUID keptAuthor, long nowMillis) throws SQLException {
        PreparedStatement ps = s.sql().get("INSERT OR IGNORE INTO _tandem_conflict(kind, tbl, entity, field,"
                + " winner_seq, loser_seq, detected_at, kept_author) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, kind.name());
        ps.setString(2, table);
        ps.setString(3, entity);
        ps.setString(4, field);
        ps.setLong(5, winnerSeq);
        ps.setLong(6, loserSeq);
        ps.setLong(7, nowMillis);
        ps.setBytes(8, keptAuthor == null ? null : Uuid7.toBytes(keptAuthor));
        return ps.executeUpdate() > 0;
    }

    public List<Conflict> list(Connection c) throws SQLException {
        return select(c, null);
    }

    /** The conflict {@code id} if it is still listed (not dismissed), read by its key alone. */
    public Optional<Conflict> get(Connection c, long id) throws SQLException {
        return select(c, id).stream().findFirst();
    }

    /** The listed conflicts, newest first; only {@code id} when it is given. */
    private List<Conflict> select(Connection c, Long id) throws SQLException {
        List<Conflict> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.kind, k.tbl, k.entity, k.field,"
                + " w.winners, lc.fields, lc.id, lc.author, k.detected_at, k.seen, k.winner_seq, k.kept_author"
                + " FROM _tandem_conflict k"
                + " JOIN _tandem_change lc ON lc.seq = k.loser_seq"
                + " LEFT JOIN _tandem_entity w ON w.tbl = k.tbl AND w.entity = k.entity AND w.key = ''"
                + " WHERE k.dismissed = 0" + (id == null ? "" : " AND k.id = ?") + " ORDER BY k.id DESC");
             PreparedStatement kept = c.prepareStatement("SELECT id, author, fields FROM _tandem_change WHERE seq = ?")) {
            if (id != null) {
                ps.setLong(1, id);
            }
            read(ps, kept, list);
        }
        return list;
    }

    private static void read(PreparedStatement ps, PreparedStatement kept, List<Conflict> list) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String field = rs.getString(5);
                FieldData lostField = FieldCodec.find(rs.getBytes(7), field);
                if (lostField == null) {
                    continue; // nothing to show or take back
                }
                // The kept value is always the current winner's, so it stays true as changes arrive.
                // An edit of a deleted entity lost to the delete, not to another edit of its field
                // (which is the edit itself): the kept side is the winning tombstone.
                Conflict.Kind kind = Conflict.Kind.valueOf(rs.getString(2));
                String keptField = kind == Conflict.Kind.EDIT_DELETE ? Change.DELETED_FIELD : field;
                WinnerMap.Entry winner = WinnerMap.decode(rs.getBytes(6)).get(keptField);
                Object keptValue = null;
                String keptId = null;
                String keptAuthor = null;
                if (winner != null) {
                    kept.setLong(1, winner.seq());
                    try (ResultSet k = kept.executeQuery()) {
                        if (k.next()) {
                            for (FieldData f : FieldCodec.decode(k.getBytes(3))) {
                                keptValue = f.name().equalsIgnoreCase(keptField) ? f.value() : keptValue;
                            }
                            keptId = Uuid7.fromBytes(k.getBytes(1)).toString();
                            keptAuthor = Uuid7.fromBytes(k.getBytes(2)).toString();
                        }
                    }
                    // A value from outside Tandem's sync is named by where it came from, until a
                    // later change takes the field over.
                    byte[] outside = rs.getBytes(13);
                    if (outside != null && winner.seq() == rs.getLong(12)) {
                        keptAuthor = Uuid7.fromBytes(outside).toString();
                    }
                }
                UUID lost = Uuid7.fromBytes(rs.getBytes(8));
                list.add(new Conflict(rs.getLong(1), kind, rs.getString(3),
                        rs.getString(4), field, keptValue, keptId, keptAuthor, lostField.value(), lost.toString(),
                        Uuid7.fromBytes(rs.getBytes(9)).toString(), Instant.ofEpochMilli(Uuid7.millis(lost)),
                        Instant.ofEpochMilli(rs.getLong(10)), rs.getInt(11) != 0));
            }
        }
    }

    public void markSeen(WriteSession s) throws SQLException {
        s.sql().get("UPDATE _tandem_conflict SET seen = 1 WHERE seen = 0").executeUpdate();
    }

    public void dismiss(WriteSession s, long id) throws SQLException {
        PreparedStatement ps = s.sql().get("UPDATE _tandem_conflict SET dismissed = 1, seen = 1 WHERE id = ?");
        ps.setLong(1, id);
        ps.executeUpdate();
    }

    /** A conflict's losing attribute, as {@link #lost} reads it. */
    public record Lost(Conflict.Kind kind, String table, String entity, String field, Object value) {
    }

    /** The losing value of conflict {@code id}; writing it back is the capture layer's job. */
    public Lost lost(WriteSession s, long id) throws SQLException {
        PreparedStatement ps = s.sql().get("SELECT k.kind, k.tbl, k.entity, k.field, c.fields FROM _tandem_conflict k"
                + " JOIN _tandem_change c ON c.seq = k.loser_seq WHERE k.id = ?");
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            FieldData lost = rs.next() ? FieldCodec.find(rs.getBytes(5), rs.getString(4)) : null;
            if (lost == null) {
                throw new IllegalArgumentException("conflictId: no conflict " + id);
            }
            return new Lost(Conflict.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                    lost.value());
        }
    }
}

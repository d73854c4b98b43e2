package dev.tandem.engine.internal.apply;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SchemaSnapshot.Column;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an entity's row from its winning attributes: the user tables are a projection of the
 * entities' winners. Used by restore and by merge; a local save writes its row directly.
 * Column names in the SQL come from the {@link SchemaSnapshot}, never from a change.
 */
public final class Materializer {

    /** Writes or removes the row; returns the event a reader would see, or null for none. */
    public ChangeEvent.Kind materialize(WriteSession s, TableInfo table, String entity, Map<String, Winner> winners)
            throws SQLException {
        StatementCache sql = s.sql();
        boolean exists = rowExists(sql, table, entity);
        Winner deleted = winners.get(Change.DELETED_FIELD);
        if (deleted != null && Long.valueOf(1L).equals(deleted.value())) {
            // A deleted entity shows no row, so there is nothing to hold back either.
            setPending(sql, table.name(), entity, false);
            if (!exists) {
                return null;
            }
            PreparedStatement ps = sql.get("DELETE FROM " + table.quoted() + " WHERE \"id\" = ?");
            ps.setString(1, entity);
            ps.executeUpdate();
            return ChangeEvent.Kind.DELETE;
        }
        List<Column> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        boolean unknown = false;
        for (Winner w : winners.values()) {
            if (w.field().equals(Change.DELETED_FIELD) || w.field().equalsIgnoreCase("id")) {
                continue;
            }
            Column c = table.column(w.field()).orElse(null);
            if (c == null) {
                unknown = true;
                continue;
            }
            columns.add(c);
            values.add(w.value());
        }
        setPending(sql, table.name(), entity, unknown);
        PreparedStatement ps = sql.get(upsert(table, columns));
        ps.setString(1, entity);
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 2, values.get(i));
        }
        ps.executeUpdate();
        return exists ? ChangeEvent.Kind.UPDATE : ChangeEvent.Kind.INSERT;
    }

    /** The statement that writes a row of {@code table}: its id, then {@code columns}, inserted or updated. */
    static String upsert(TableInfo table, List<Column> columns) {
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table.quoted()).append("(\"id\"");
        StringBuilder params = new StringBuilder("?");
        StringBuilder update = new StringBuilder();
        for (Column c : columns) {
            String q = SchemaSnapshot.quote(c.name());
            insert.append(", ").append(q);
            params.append(", ?");
            update.append(update.length() == 0 ? "" : ", ").append(q).append(" = excluded.").append(q);
        }
        insert.append(") VALUES(").append(params).append(") ON CONFLICT(\"id\") DO ");
        insert.append(columns.isEmpty() ? "NOTHING" : "UPDATE SET " + update);
        return insert.toString();
    }

    /** Remembers an entity whose changes name a table or column this schema lacks. */
    public void setPending(StatementCache sql, String table, String entity, boolean pending) throws SQLException {
        PreparedStatement ps = sql.get(pending
                ? "INSERT OR IGNORE INTO _tandem_pending(tbl, entity) VALUES(?, ?)"
                : "DELETE FROM _tandem_pending WHERE tbl = ? AND entity = ?");
        ps.setString(1, table);
        ps.setString(2, entity);
        ps.executeUpdate();
    }

    private static boolean rowExists(StatementCache sql, TableInfo table, String entity) throws SQLException {
        PreparedStatement ps = sql.get("SELECT 1 FROM " + table.quoted() + " WHERE \"id\" = ?");
        ps.setString(1, entity);
        try (var rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}

package dev.tandem.engine.internal;

import dev.tandem.engine.QueryBudget;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.BoundedRead;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.store.SqlFunction;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.tx.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads records. Inside a transaction it reads through the writer, so the transaction sees its own
 * writes; outside, through a pooled reader that sees the last commit and never waits for one.
 */
final class Reader {
    private final Writer writer;
    private final Connections connections;

    Reader(Writer writer, Connections connections) {
        this.writer = writer;
        this.connections = connections;
    }

    <R> R read(SqlFunction<R> work) {
        WriteSession s = writer.currentSession();
        if (s != null) {
            try {
                return work.apply(s.sql().connection());
            } catch (SQLException e) {
                throw SqlErrors.wrap("Reading", e);
            }
        }
        return connections.read(work);
    }

    /**
     * {@link #read}, with every statement of {@code work} seeing the same commit: a pooled reader
     * otherwise takes a fresh snapshot per statement, so a commit between two reads could show an
     * entity in both or in neither. Inside a transaction the transaction is that snapshot.
     */
    <R> R readOneSnapshot(SqlFunction<R> work) {
        if (writer.currentSession() != null) {
            return read(work);
        }
        return connections.readOneSnapshot(work);
    }

    <T extends Record> Optional<T> get(Class<T> type, String id) {
        RecordType<T> rt = RecordType.of(type);
        SchemaSnapshot.TableInfo table = writer.schema().requireTable(rt.table(), " for record " + type.getSimpleName());
        String sql = "SELECT * FROM " + table.quoted() + " WHERE \"id\" = ?";
        WriteSession s = writer.currentSession();
        List<T> rows;
        if (s != null) {
            // Inside a transaction (e.g. the read-back of every save) reuse the writer's statements.
            try {
                PreparedStatement ps = s.sql().get(sql);
                ps.setString(1, id);
                rows = map(ps, rt);
            } catch (SQLException e) {
                throw SqlErrors.wrap("Reading " + table.name() + " " + id, e);
            }
        } else {
            rows = read(c -> query(c, rt, sql, new Object[] {id}));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T extends Record> List<T> query(Class<T> type, String sql, Object... params) {
        RecordType<T> rt = RecordType.of(type);
        return read(c -> query(c, rt, sql, params));
    }

    /** As {@link #query(Class, String, Object...)}, stopped at {@code budget} ({@link BoundedRead}). */
    <T extends Record> List<T> query(QueryBudget budget, Class<T> type, String sql, Object... params) {
        RecordType<T> rt = RecordType.of(type);
        return read(c -> BoundedRead.run(c, budget, b -> query(b, rt, sql, params)));
    }

    static <T extends Record> List<T> query(Connection c, RecordType<T> rt, String sql, Object[] params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, SqlValues.toSql(params[i], "parameter " + (i + 1)));
            }
            return map(ps, rt);
        }
    }

    static <T extends Record> List<T> map(PreparedStatement ps, RecordType<T> rt) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            int[] mapping = rt.columnMapping(rs.getMetaData());
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rt.read(rs, mapping));
            }
            return rows;
        }
    }
}

package dev.tandem.engine.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows collected and written by multi-row {@code INSERT … VALUES (…), (…)} statements of up to
 * {@link #ROWS} rows (or as many as asked, within SQLite's parameter limit); {@link #finish}
 * writes the rest. Values are bound, never spliced into SQL.
 */
public final class BulkInsert implements AutoCloseable {
    static final int ROWS = 256;
    /** Under SQLite's default limit of 32,766 parameters. */
    private static final int MAX_PARAMETERS = 32_000;

    private final Connection connection;
    private final String head;
    private final String tail;
    private final int width;
    private final Object[] values;
    private int filled;
    private long changed;
    private PreparedStatement full;

    public BulkInsert(Connection connection, String head, int width, String tail) {
        this(connection, head, width, tail, ROWS);
    }

    public BulkInsert(Connection connection, String head, int width, String tail, int maxRows) {
        this.connection = connection;
        this.head = head;
        this.tail = tail;
        this.width = width;
        this.values = new Object[Math.max(1, Math.min(maxRows, MAX_PARAMETERS / width)) * width];
    }

    /** Adds one row of {@code width} values. */
    public void add(Object... row) throws SQLException {
        for (Object v : row) {
            put(v);
        }
    }

    /** Adds the next value; every {@code width} values make a row. */
    public void put(Object value) throws SQLException {
        values[filled++] = value;
        if (filled == values.length) {
            if (full == null) {
                full = connection.prepareStatement(sql(filled / width));
            }
            run(full);
        }
    }

    private String sql(int rows) {
        StringBuilder b = new StringBuilder(head.length() + tail.length() + rows * (width * 3 + 3));
        b.append(head).append(" VALUES");
        for (int r = 0; r < rows; r++) {
            b.append(r == 0 ? "(" : ", (");
            for (int i = 0; i < width; i++) {
                b.append(i == 0 ? "?" : ", ?");
            }
            b.append(')');
        }
        return b.append(tail).toString();
    }

    private void run(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < filled; i++) {
            ps.setObject(i + 1, values[i]);
            values[i] = null;
        }
        changed += ps.executeUpdate();
        filled = 0;
    }

    /** The rows the statements run so far changed directly (SQLite's changes(), without triggers'). */
    public long changed() {
        return changed;
    }

    /** Writes the rows not written yet. */
    public void finish() throws SQLException {
        if (filled % width != 0) {
            throw new IllegalStateException("incomplete row");
        }
        if (filled > 0) {
            try (PreparedStatement rest = connection.prepareStatement(sql(filled / width))) {
                run(rest);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}

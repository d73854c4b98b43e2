package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads changes out of {@code _tandem_change} rows, one result row per change, its attributes
 * decoded from the {@code fields} blob. Every such query selects the same columns, in this order:
 * seq, id, author, tbl, entity, fields.
 */
public final class ChangeRows {
    /** The columns every query read here must select, in order, from {@code c} (change). */
    public static final String COLUMNS = "c.seq, c.id, c.author, c.tbl, c.entity, c.fields";
    /**
     * Appended to every DELETE of change rows: the newest row stays. {@code seq} is an INTEGER
     * PRIMARY KEY, which SQLite numbers max + 1, so deleting the newest row would hand its number
     * to the next change; the push cursor counts that number as pushed already, and the change
     * would never leave this device. A row kept this way wins nothing and no history lists it; it
     * only holds the number, and merging its change again finds it known.
     */
    public static final String NOT_NEWEST = " AND seq < (SELECT max(seq) FROM _tandem_change)";

    /** Receives each change as it is read. */
    @FunctionalInterface
    interface Sink {
        void accept(long seq, UUID author, ChangeData change) throws SQLException;
    }

    private ChangeRows() {
    }

    static void read(ResultSet rs, Sink sink) throws SQLException {
        while (rs.next()) {
            sink.accept(rs.getLong(1), author(rs), change(rs));
        }
    }

    /** The change at the result's current row. */
    public static ChangeData change(ResultSet rs) throws SQLException {
        return new ChangeData(Uuid7.fromBytes(rs.getBytes(2)), rs.getString(4), rs.getString(5),
                FieldCodec.decode(rs.getBytes(6)));
    }

    /** The author of the change at the result's current row. */
    public static UUID author(ResultSet rs) throws SQLException {
        return Uuid7.fromBytes(rs.getBytes(3));
    }
}

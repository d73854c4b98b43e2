package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads changes out of a join of {@code _tandem_change} with its {@code _tandem_field} rows: one
 * result row per field, ordered so that a change's fields are adjacent. Every such query selects
 * the same columns, in this order: seq, id, author, tbl, entity, field, value, prev.
 */
final class ChangeRows {
    /** The columns every query read here must select, in order, from {@code c} (change) and {@code f} (field). */
    static final String COLUMNS = "c.seq, c.id, c.author, c.tbl, c.entity, f.field, f.value, f.prev";

    /** Receives each change as soon as its last field has been read. */
    @FunctionalInterface
    interface Sink {
        void accept(long seq, UUID author, ChangeData change) throws SQLException;
    }

    private ChangeRows() {
    }

    static void read(ResultSet rs, Sink sink) throws SQLException {
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
                    sink.accept(current, author, new ChangeData(id, table, entity, fields));
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
            sink.accept(current, author, new ChangeData(id, table, entity, fields));
        }
    }
}

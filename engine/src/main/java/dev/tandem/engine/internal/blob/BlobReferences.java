package dev.tandem.engine.internal.blob;

import dev.tandem.engine.Blob;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Every blob a database names: in a row of the blob column now, or in any change to it its history
 * keeps, which covers every version history can show, rows in the Trash (still rows) and both
 * sides of a conflict (each a change), and changes set aside as refused. The table and column come
 * from the database's own configuration, checked as plain names when it was built, never from a
 * remote.
 */
public final class BlobReferences {
    private BlobReferences() {
    }

    public static Set<String> all(Connection c, String table, String column) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"" + column + "\" FROM \"" + table + "\"")) {
            while (rs.next()) {
                add(ids, rs.getObject(1));
            }
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("no such table")) {
                throw e;
            }
            // Not migrated yet: no rows name anything.
        }
        for (String source : new String[] {"_tandem_change", "_tandem_refused"}) {
            try (PreparedStatement ps = c.prepareStatement("SELECT fields FROM " + source + " WHERE lower(tbl) = lower(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (FieldData f : FieldCodec.decode(rs.getBytes(1))) {
                            if (f.name().equalsIgnoreCase(column)) {
                                add(ids, f.value());
                            }
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static void add(Set<String> ids, Object value) {
        if (value instanceof String s && Blob.isId(s)) {
            ids.add(s);
        }
    }
}

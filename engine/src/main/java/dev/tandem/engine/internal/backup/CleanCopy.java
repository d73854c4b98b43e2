package dev.tandem.engine.internal.backup;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.BackupException.Reason;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of an unpacked backup, copied into a database whose schema Tandem built itself: a
 * backup file is outside input, and its schema may hold a trigger, view or index someone added
 * (a trigger that renames every todo typed after the restore, and syncs). So nothing of the file's
 * schema is kept or run: the target's tables and columns come from the target's own schema (the
 * caller's migrations and the engine's tables), the source is attached read-only and only its
 * tables of those names are read, column by column as the target names them (a column the backup
 * lacks, from an older version, stays at its default). Table and column names in the SQL are the
 * target's own; the source's names are only ever bound as values. Virtual tables are not copied:
 * their own triggers in the target fill them from the rows. The schema and internal versions are
 * the target's, which describe the tables the rows are now in.
 */
final class CleanCopy {
    /** The keys of {@code _tandem_meta} that stay the target's: they describe its tables. */
    private static final String TARGET_KEYS = "('schema_version', 'internal_version')";

    private CleanCopy() {
    }

    /** Replaces every row of {@code target}'s own tables with the rows of those tables in {@code source}, in one transaction. */
    static void copy(Path source, Path target) {
        try (Connection c = OnlineCopy.connect(target)) {
            try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS src")) {
                attach.setString(1, source.toAbsolutePath().toUri() + "?mode=ro");
                attach.execute();
            }
            try {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    // The target's rows are rewritten whole: its own links between tables hold again once all are in.
                    s.execute("PRAGMA defer_foreign_keys=ON");
                    for (String table : ownTables(c)) {
                        copyTable(c, s, table);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DETACH DATABASE src");
                }
            }
        } catch (SQLException e) {
            throw new BackupException(Reason.DAMAGED, "The backup's rows cannot be copied into a new database: "
                    + e.getMessage(), e);
        }
    }

    /** The target's ordinary tables: not SQLite's, not virtual ones nor their shadow tables. */
    private static List<String> ownTables(Connection c) throws SQLException {
        List<String> virtual = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                String sql = rs.getString(2);
                (sql != null && sql.regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, 20) ? virtual : tables)
                        .add(rs.getString(1));
            }
        }
        tables.removeIf(t -> virtual.stream().anyMatch(v -> t.startsWith(v + "_")));
        return tables;
    }

    private static void copyTable(Connection c, Statement s, String table) throws SQLException {
        String quoted = SchemaSnapshot.quote(table);
        if ("_tandem_meta".equals(table)) {
            s.execute("DELETE FROM main._tandem_meta WHERE key NOT IN " + TARGET_KEYS);
        } else {
            s.execute("DELETE FROM main." + quoted);
        }
        if (!sourceHasTable(c, table)) {
            return;
        }
        Set<String> columns = columns(c, "main", table);
        columns.retainAll(columns(c, "src", table));
        if (columns.isEmpty()) {
            return;
        }
        String list = String.join(", ", columns.stream().map(SchemaSnapshot::quote).toList());
        String sql = "INSERT INTO main." + quoted + " (" + list + ") SELECT " + list + " FROM src." + quoted;
        if ("_tandem_meta".equals(table)) {
            sql += " WHERE key NOT IN " + TARGET_KEYS;
        }
        s.execute(sql);
    }

    private static boolean sourceHasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The columns of {@code table} in {@code schema}, hidden ones (a virtual table's) left out. */
    private static Set<String> columns(Connection c, String schema, String table) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name FROM pragma_table_info(?, ?)")) {
            p.setString(1, table);
            p.setString(2, schema);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}

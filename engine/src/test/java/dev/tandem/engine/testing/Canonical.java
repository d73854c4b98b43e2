package dev.tandem.engine.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.Uuid7;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A canonical text of what a replica holds, for comparing replicas: every user table's rows in id
 * order with typed values (so 1 and '1' differ), without rowids, which each replica assigns in its
 * own arrival order. FTS shadow tables and virtual tables are left out for the same reason; the
 * engine's own tables have {@link #winners} and {@link #pending}.
 */
public final class Canonical {
    private Canonical() {
    }

    /** Table name to its canonical rows. */
    public static Map<String, String> userTables(Db db) {
        return SyncPort.of(db).read(Canonical::userTables);
    }

    /** SHA-256 over {@link #userTables}: equal hashes, equal user data. */
    public static String hash(Db db) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : userTables(db).entrySet()) {
                sha.update((e.getKey() + "\n" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "table/entity/field" to the winning change id. */
    public static Map<String, UUID> winners(Db db) {
        return SyncPort.of(db).read(c -> {
            Map<String, UUID> winners = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tbl, entity, winners FROM _tandem_entity WHERE key = ''");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Map.Entry<String, WinnerMap.Entry> w : WinnerMap.decode(rs.getBytes(3)).byField().entrySet()) {
                        winners.put(rs.getString(1) + "/" + rs.getString(2) + "/" + w.getKey(), w.getValue().id());
                    }
                }
            }
            return winners;
        });
    }

    /** Per entity of {@code table}: how many of its changes set {@code field}. */
    public static Map<String, Integer> changesSetting(Db db, String table, String field) {
        return SyncPort.of(db).read(c -> {
            Map<String, Integer> byEntity = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entity, fields FROM _tandem_change WHERE tbl = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (FieldCodec.decode(rs.getBytes(2)).stream().anyMatch(f -> f.name().equals(field))) {
                            byEntity.merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                }
            }
            return byEntity;
        });
    }

    /** Entities held back ("table/entity"), sorted. */
    public static List<String> pending(Db db) {
        return SyncPort.of(db).read(c -> strings(c, "SELECT tbl || '/' || entity FROM _tandem_pending ORDER BY 1"));
    }

    /** The keys of the batches this database has set aside as unreadable, for any remote. */
    public static List<String> setAside(Db db) {
        return SyncPort.of(db).read(c -> strings(c, "SELECT object_key FROM _tandem_quarantine ORDER BY 1"));
    }

    /** Every change id in the changelog, with duplicates if there were any. */
    public static List<UUID> changeIds(Db db) {
        return SyncPort.of(db).read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM _tandem_change ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(Uuid7.fromBytes(rs.getBytes(1)));
                }
            }
            return ids;
        });
    }

    /** The one-word answer of {@code PRAGMA integrity_check}. */
    public static String integrity(Db db) {
        return SyncPort.of(db).read(c -> String.join("; ", strings(c, "PRAGMA integrity_check")));
    }

    private static Map<String, String> userTables(Connection c) throws SQLException {
        List<String> virtual = strings(c, "SELECT lower(name) FROM sqlite_schema WHERE type = 'table'"
                + " AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%'");
        Map<String, String> tables = new TreeMap<>();
        for (String table : strings(c, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_tandem%' ESCAPE '\\' ORDER BY name")) {
            String lower = table.toLowerCase(Locale.ROOT);
            if (virtual.stream().anyMatch(v -> lower.equals(v) || lower.startsWith(v + "_"))) {
                continue;
            }
            tables.put(table, rows(c, table));
        }
        return tables;
    }

    private static String rows(Connection c, String table) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(i == 1 ? "" : " | ").append(md.getColumnName(i).toLowerCase(Locale.ROOT)).append('=');
                    Object v = rs.getObject(i);
                    if (v == null) {
                        out.append("null");
                    } else if (v instanceof byte[] b) {
                        out.append("x'").append(HexFormat.of().formatHex(b)).append('\'');
                    } else if (v instanceof String s) {
                        out.append('\'').append(s.replace("'", "''")).append('\'');
                    } else {
                        out.append(v.getClass().getSimpleName().charAt(0)).append(v);
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

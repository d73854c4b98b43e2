package dev.tandem.engine.internal.store;

import dev.tandem.engine.MappingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the database schema: user tables with their columns, the root page of
 * every b-tree (so query dependencies can be read off {@code EXPLAIN}), virtual tables, and foreign
 * keys. It is read once at open and again after each migration; names from a remote are only ever
 * looked up here, and SQL is built from the names this snapshot holds, never from the remote's.
 */
public final class SchemaSnapshot {
    /** One column. {@code name} is as declared. */
    public record Column(String name, Affinity affinity, boolean notNull, boolean primaryKey) {
    }

    /** One table. {@code columns} is keyed by lower-case name, in declaration order. */
    public record TableInfo(String name, Map<String, Column> columns, boolean virtual, Set<String> parents) {
        /** The column named {@code name}, ignoring case, or else ignoring underscores too, so that
         * a {@code listId} component finds a {@code list_id} column. */
        public Optional<Column> column(String name) {
            Column c = columns.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                String loose = loose(name);
                for (Column candidate : columns.values()) {
                    if (loose(candidate.name()).equals(loose)) {
                        return Optional.of(candidate);
                    }
                }
            }
            return Optional.ofNullable(c);
        }

        /** A quoted identifier, built from the schema's own spelling. */
        public String quoted() {
            return quote(name);
        }
    }

    private final Map<String, TableInfo> tables;
    private final Map<Integer, String> rootPages;
    private final Set<Integer> tableRootPages;
    private final Set<String> virtualTables;
    private final Set<String> triggered;

    private SchemaSnapshot(Map<String, TableInfo> tables, Map<Integer, String> rootPages, Set<Integer> tableRootPages,
                   Set<String> virtualTables, Set<String> triggered) {
        this.tables = tables;
        this.rootPages = rootPages;
        this.tableRootPages = tableRootPages;
        this.virtualTables = virtualTables;
        this.triggered = triggered;
    }

    public static SchemaSnapshot read(Connection c) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        Map<Integer, String> rootPages = new HashMap<>();
        Set<Integer> tableRootPages = new HashSet<>();
        Set<String> virtual = new HashSet<>();
        Set<String> triggered = new HashSet<>();
        List<String[]> entries = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema")) {
            while (rs.next()) {
                entries.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getInt(4)), rs.getString(5)});
            }
        }
        // A TEMP trigger (made by a migration on the writer connection) fires just the same.
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tbl_name FROM sqlite_temp_schema WHERE type = 'trigger'")) {
            while (rs.next()) {
                triggered.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String[] e : entries) {
            String type = e[0];
            String tbl = e[2].toLowerCase(Locale.ROOT);
            int root = Integer.parseInt(e[3]);
            if (root > 0) {
                rootPages.put(root, tbl);
                if ("table".equals(type)) {
                    tableRootPages.add(root);
                }
            }
            if ("trigger".equals(type)) {
                triggered.add(tbl);
            }
            if ("table".equals(type) && e[4] != null
                    && e[4].toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE")) {
                virtual.add(tbl);
            }
        }
        for (String[] e : entries) {
            if (!"table".equals(e[0]) || e[1].startsWith("sqlite_")) {
                continue;
            }
            String name = e[1];
            Map<String, Column> columns = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
                while (rs.next()) {
                    String col = rs.getString("name");
                    columns.put(col.toLowerCase(Locale.ROOT), new Column(col, Affinity.of(rs.getString("type")),
                            rs.getInt("notnull") != 0, rs.getInt("pk") != 0));
                }
            }
            Set<String> parents = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + quote(name) + ")")) {
                while (rs.next()) {
                    parents.add(rs.getString("table").toLowerCase(Locale.ROOT));
                }
            }
            String key = name.toLowerCase(Locale.ROOT);
            tables.put(key, new TableInfo(name, Collections.unmodifiableMap(columns), virtual.contains(key),
                    Set.copyOf(parents)));
        }
        return new SchemaSnapshot(Collections.unmodifiableMap(tables), Map.copyOf(rootPages), Set.copyOf(tableRootPages),
                Set.copyOf(virtual), Set.copyOf(triggered));
    }

    public Optional<TableInfo> table(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The table a merged change may write rows into: a user table with an {@code id} primary key,
     * so not the engine's own, not a virtual table, and not a virtual table's shadow table (a
     * remote change naming {@code item_fts_data} must never write into a full-text index).
     */
    public Optional<TableInfo> syncTarget(String name) {
        TableInfo t = tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null || t.virtual() || t.name().toLowerCase(Locale.ROOT).startsWith("_tandem")
                || isShadow(t.name().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Column id = t.column("id").orElse(null);
        return id != null && id.primaryKey() && id.name().equalsIgnoreCase("id") ? Optional.of(t) : Optional.empty();
    }

    /** The table, or a {@link MappingException} naming it and, for a typo, the tables there are. */
    public TableInfo requireTable(String name, String forWhat) {
        TableInfo t = tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null || name.startsWith("_tandem_") || t.virtual()) {
            List<String> known = userTables();
            throw new MappingException("Unknown table '" + name + "'" + forWhat + "; known tables: "
                    + (known.isEmpty() ? "none (did you run migrate?)" : String.join(", ", known)));
        }
        return t;
    }

    /** Whether a trigger (a TEMP one too) is on a table whose name starts with {@code prefix}, ignoring case. */
    public boolean triggersOnTablesStartingWith(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return triggered.stream().anyMatch(t -> t.startsWith(p));
    }

    /** Whether the schema has any trigger: then a write's RETURNING may not show the row a transaction leaves. */
    public boolean hasTriggers() {
        return !triggered.isEmpty();
    }

    /**
     * Whether a user table has a foreign key to {@code table}. Asked on every insert (a new parent
     * row may release held children), so the answer is worked out once per schema.
     */
    public boolean isParent(String table) {
        Set<String> p = parentTables;
        if (p == null) {
            Set<String> all = new HashSet<>();
            for (String n : userTables()) {
                all.addAll(tables.get(n.toLowerCase(Locale.ROOT)).parents());
            }
            parentTables = p = Set.copyOf(all); // a racing thread computes the same set
        }
        return p.contains(table.toLowerCase(Locale.ROOT));
    }

    /** Every table's name in lower case: user, engine, virtual and shadow tables. */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    private volatile Set<String> parentTables;

    public List<String> userTables() {
        List<String> names = new ArrayList<>();
        for (TableInfo t : tables.values()) {
            if (!t.name().startsWith("_tandem_") && !t.virtual() && !isShadow(t.name().toLowerCase(Locale.ROOT))) {
                names.add(t.name());
            }
        }
        return names;
    }

    /** The table (lower case) that owns the b-tree at this root page, if any. */
    public String tableAtRootPage(int page) {
        return rootPages.get(page);
    }

    /** Whether the b-tree at this root page holds a table's rows (rather than one of its indexes). */
    public boolean isTableRootPage(int page) {
        return tableRootPages.contains(page);
    }

    public Set<String> virtualTables() {
        return virtualTables;
    }

    /** For a virtual table's shadow table (e.g. {@code item_fts_data}), the virtual table. */
    public String owningVirtualTable(String lowerName) {
        for (String v : virtualTables) {
            if (lowerName.length() > v.length() + 1 && lowerName.startsWith(v) && lowerName.charAt(v.length()) == '_') {
                return v;
            }
        }
        return null;
    }

    private boolean isShadow(String lowerName) {
        return owningVirtualTable(lowerName) != null;
    }

    /** Lower case without underscores: how names match loosely between columns and components. */
    public static String loose(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.internal.store.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a query reads by asking SQLite, not by reading the SQL text: the query's
 * {@code EXPLAIN} program opens a cursor on the root page of every table and index it reads, after
 * views, CTEs and subqueries have been expanded, and {@link SchemaSnapshot} maps root pages to tables.
 *
 * <p>Virtual tables (FTS5) are opened through {@code VOpen}, whose operand does not name the
 * table. For those the query depends on each virtual table whose name appears as an identifier
 * token in the SQL, or on all virtual tables when none does (over-notifying is safe, missing a
 * change is not). Writes to a virtual table are seen through its shadow tables, see
 * {@link SchemaSnapshot#owningVirtualTable(String)}.
 *
 * <p>The same program tells whether the query is <em>row-scoped</em>: each result row is one row
 * of a single table, chosen by that row's own values. Then a commit that changed other rows of the
 * table cannot change the result, which lets the dispatcher skip re-running it (see
 * {@link LiveQuery#mayHaveChanged}). The test is deliberately narrow: one table, read through at
 * most one cursor on its rows and at most one on one of its indexes, and none of the opcodes that
 * aggregates, window functions, subqueries, coroutines (CTEs, subqueries in FROM), OFFSET or
 * virtual tables compile to. A scalar or EXISTS subquery over the same table needs a second cursor or a
 * subroutine, so it fails the test; a query that fails it is simply re-run after every commit.
 */
final class QueryDependencies {
    /** Opcodes that let one result row depend on rows other than its own. */
    private static final Set<String> NOT_ROW_LOCAL = Set.of("AggStep", "AggStep1", "AggFinal", "AggValue",
            "AggInverse", "Gosub", "BeginSubrtn", "Return", "Once", "InitCoroutine", "Yield", "EndCoroutine",
            "OpenDup", "OpenAutoindex", "VOpen", "VFilter", "OpenWrite",
            // OFFSET: a row entering or leaving the skipped prefix shifts the whole window.
            "OffsetLimit", "IfPos");

    /** Functions whose value is not a function of the row: a result using them can change anyway. */
    private static final Set<String> NOT_DETERMINISTIC = Set.of("random", "randomblob", "changes", "total_changes",
            "last_insert_rowid", "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
            "current_date", "current_time", "current_timestamp");

    /**
     * @param tables the tables (lower case) the query reads
     * @param rowScope the one table the query is row-scoped over, or null when it is not
     */
    public record Analysis(Set<String> tables, String rowScope) {
    }

    private QueryDependencies() {
    }

    public static Analysis analyze(Connection c, SchemaSnapshot schema, String sql) throws SQLException {
        Set<String> tables = new HashSet<>();
        boolean virtual = false;
        boolean rowLocal = true;
        int tableCursors = 0;
        int indexCursors = 0;
        int tableCursor = -1;
        int indexCursor = -1;
        List<ResultIdColumn.Op> program = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String op = rs.getString(2);
                program.add(new ResultIdColumn.Op(op, rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                if ("OpenRead".equals(op) || "ReopenIdx".equals(op) || "OpenWrite".equals(op)) {
                    int root = rs.getInt(4);
                    String table = schema.tableAtRootPage(root);
                    if (table != null && rs.getInt(5) == 0) {
                        tables.add(table);
                        if (schema.isTableRootPage(root)) {
                            tableCursors++;
                            tableCursor = rs.getInt(3);
                        } else {
                            indexCursors++;
                            indexCursor = rs.getInt(3);
                        }
                    } else if (rs.getInt(5) != 0) {
                        tables.add("temp:" + root);
                        rowLocal = false;
                    } else {
                        rowLocal = false;
                    }
                } else if ("VOpen".equals(op)) {
                    virtual = true;
                }
                if (NOT_ROW_LOCAL.contains(op)) {
                    rowLocal = false;
                }
                String p4 = rs.getString(6);
                if (op.endsWith("Func") || op.startsWith("Function")) {
                    String name = p4 == null ? "" : p4.replaceFirst("\\(.*", "").toLowerCase(Locale.ROOT);
                    if (p4 == null || NOT_DETERMINISTIC.contains(name)) {
                        rowLocal = false;
                    }
                }
            }
        }
        if (virtual) {
            Set<String> named = new HashSet<>();
            Set<String> tokens = identifiers(sql);
            for (String v : schema.virtualTables()) {
                if (tokens.contains(v)) {
                    named.add(v);
                }
            }
            tables.addAll(named.isEmpty() ? schema.virtualTables() : named);
        }
        String scope = null;
        if (rowLocal && !virtual && tables.size() == 1 && tableCursors == 1
                && (indexCursors == 0 || indexCursors == 1 && seeksSameRow(program, indexCursor, tableCursor))) {
            String only = tables.iterator().next();
            if (schema.syncTarget(only).isPresent() && idIsTheRowsId(c, schema, only, sql, program, tableCursor)) {
                scope = only;
            }
        }
        return new Analysis(Set.copyOf(tables), scope);
    }

    /**
     * Whether the index cursor only finds rows the table cursor then reads (an index lookup), as
     * opposed to visiting other rows of the table (an EXISTS or IN over the same table, which
     * SQLite may compile to a semi-join through an index).
     */
    private static boolean seeksSameRow(List<ResultIdColumn.Op> program, int indexCursor, int tableCursor) {
        Set<Integer> rowidRegisters = new HashSet<>();
        for (ResultIdColumn.Op op : program) {
            if (op.name().equals("DeferredSeek") && op.p1() == indexCursor && op.p3() == tableCursor) {
                return true;
            }
            if (op.name().equals("IdxRowid") && op.p1() == indexCursor) {
                rowidRegisters.add(op.p2());
            }
            if ((op.name().equals("SeekRowid") || op.name().equals("NotExists")) && op.p1() == tableCursor
                    && rowidRegisters.contains(op.p3())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the result has one column labelled {@code id} and it is the table's own id. */
    private static boolean idIsTheRowsId(Connection c, SchemaSnapshot schema, String table, String sql,
                                         List<ResultIdColumn.Op> program, int tableCursor) throws SQLException {
        int idResult = -1;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ResultSetMetaData md = ps.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnLabel(i).equalsIgnoreCase("id")) {
                    if (idResult >= 0) {
                        return false;
                    }
                    idResult = i - 1;
                }
            }
        }
        if (idResult < 0) {
            return false;
        }
        // Hidden and generated columns shift stored positions away from declared ones.
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_xinfo(?) WHERE hidden != 0")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 0) {
                    return false;
                }
            }
        }
        int idColumn = new ArrayList<>(schema.table(table).orElseThrow().columns().keySet()).indexOf("id");
        return idColumn >= 0 && ResultIdColumn.isTableId(program, idResult, tableCursor, idColumn);
    }

    /** Lower-case identifier tokens outside string literals and comments. */
    static Set<String> identifiers(String sql) {
        Set<String> tokens = new HashSet<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                int end = skipQuoted(sql, i, close);
                tokens.add(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(close + "" + close, close + "")
                        .toLowerCase(Locale.ROOT));
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static int skipQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close && close != ']') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}

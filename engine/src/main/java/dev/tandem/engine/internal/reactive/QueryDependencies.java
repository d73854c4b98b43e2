package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.internal.store.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a query reads by asking SQLite, not by reading the SQL text: the query's
 * {@code EXPLAIN} program opens a cursor on the root page of every table and index it reads, after
 * views, CTEs and subqueries have been expanded, and {@link Schema} maps root pages to tables.
 *
 * <p>Virtual tables (FTS5) are opened through {@code VOpen}, whose operand does not name the
 * table. For those the query depends on each virtual table whose name appears as an identifier
 * token in the SQL, or on all virtual tables when none does (over-notifying is safe, missing a
 * change is not). Writes to a virtual table are seen through its shadow tables, see
 * {@link Schema#owningVirtualTable(String)}.
 */
public final class QueryDependencies {
    private QueryDependencies() {
    }

    public static Set<String> analyze(Connection c, Schema schema, String sql) throws SQLException {
        Set<String> tables = new HashSet<>();
        boolean virtual = false;
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String op = rs.getString(2);
                if ("OpenRead".equals(op) || "ReopenIdx".equals(op) || "OpenWrite".equals(op)) {
                    String table = schema.tableAtRootPage(rs.getInt(4));
                    if (table != null && rs.getInt(5) == 0) {
                        tables.add(table);
                    } else if (rs.getInt(5) != 0) {
                        tables.add("temp:" + rs.getInt(4));
                    }
                } else if ("VOpen".equals(op)) {
                    virtual = true;
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
        return tables;
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

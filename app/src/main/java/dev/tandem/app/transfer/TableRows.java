package dev.tandem.app.transfer;

import dev.tandem.engine.Db;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every column of a table, whatever the schema holds today: the exporter reads the column names from
 * SQLite ({@code pragma_table_info}) and has SQLite render each row as one JSON object, so columns a
 * later migration adds are exported without a change here. Only the schema's own names go into the
 * SQL, quoted as identifiers; no value does.
 */
final class TableRows {
    private TableRows() {
    }

    record Column(String id, String type) {
    }

    record JsonRow(String id, String json) {
    }

    static List<String> columns(Db db, String table) {
        return db.query(Column.class, "SELECT name AS id, type FROM pragma_table_info(?) ORDER BY cid", table)
                .stream().map(Column::id).toList();
    }

    /** Each row as a JSON object of column → value (integers, reals, text, null; a blob as hex text). */
    static List<JsonRow> rows(Db db, String table, List<String> columns, String orderBy) {
        String fields = columns.stream()
                .map(c -> "'" + c.replace("'", "''") + "', CASE WHEN typeof(" + ident(c) + ") = 'blob' THEN hex("
                        + ident(c) + ") ELSE " + ident(c) + " END")
                .collect(Collectors.joining(", "));
        return db.query(JsonRow.class, "SELECT id, json_object(" + fields + ") AS json FROM " + ident(table)
                + " ORDER BY " + orderBy);
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

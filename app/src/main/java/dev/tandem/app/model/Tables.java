package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whole tables, whatever the schema holds today, as an export writes them and an import checks
 * them: the columns are read from SQLite ({@code pragma_table_info}) and each row is rendered by
 * SQLite as one JSON object, so columns a later migration adds are exported without a change here.
 * Only the schema's own names go into the SQL, quoted as identifiers; no value does.
 */
public final class Tables {
    private final Db db;

    Tables(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
    }

    private record Column(String id, String type) {
    }

    private record RowId(String id) {
    }

    /** A row as a JSON object of column → value. */
    public record JsonRow(String id, String json) {
    }

    /** The version of the schema the rows are in. */
    public int schemaVersion() {
        return db.schemaVersion();
    }

    public List<String> columns(String table) {
        return db.query(Column.class, "SELECT name AS id, type FROM pragma_table_info(?) ORDER BY cid", table)
                .stream().map(Column::id).toList();
    }

    /** Each row as a JSON object of column → value (integers, reals, text, null; a blob as hex text). */
    public List<JsonRow> rows(String table, List<String> columns, String orderBy) {
        String fields = columns.stream()
                .map(c -> "'" + c.replace("'", "''") + "', CASE WHEN typeof(" + ident(c) + ") = 'blob' THEN hex("
                        + ident(c) + ") ELSE " + ident(c) + " END")
                .collect(Collectors.joining(", "));
        return db.query(JsonRow.class, "SELECT id, json_object(" + fields + ") AS json FROM " + ident(table)
                + " ORDER BY " + orderBy);
    }

    /** The ids of the rows {@code table} holds now. */
    public Set<String> ids(String table) {
        Set<String> out = new HashSet<>();
        db.query(RowId.class, "SELECT id FROM " + ident(table)).forEach(r -> out.add(r.id()));
        return out;
    }

    /**
     * Those of {@code ids} that {@code table} held once and no longer holds (deleted for good here, so
     * an import does not bring them back).
     */
    public Set<String> deletedForGood(String table, List<String> ids) {
        Set<String> rows = ids(table);
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (!rows.contains(id) && !db.history().changes(table, id).isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

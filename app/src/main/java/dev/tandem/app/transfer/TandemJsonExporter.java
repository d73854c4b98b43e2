package dev.tandem.app.transfer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tandem.app.model.Tables;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Writes the lossless backup ({@link TandemJson}): every row of every list, section, item, tag, link, attachment
 * and saved filter, trashed ones included, with ids and timestamps as stored. Items deleted for good are gone from
 * the tables and so from the backup.
 */
final class TandemJsonExporter {
    private TandemJsonExporter() {
    }

    static ExportReport export(TodoStore store, OutputStream out, Progress progress) throws IOException {
        int items = 0;
        int lists = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", TandemJson.FORMAT);
            g.writeNumberField("version", TandemJson.VERSION);
            g.writeStringField("exportedAt", Instant.ofEpochMilli(store.clock().millis()).toString());
            g.writeNumberField("schemaVersion", store.tables().schemaVersion());
            g.writeObjectFieldStart("tables");
            for (String table : TandemJson.TABLES) {
                List<Tables.JsonRow> rows = store.tables().rows(table, store.tables().columns(table), order(table));
                g.writeArrayFieldStart(table);
                int n = 0;
                for (Tables.JsonRow r : rows) {
                    g.writeRawValue(r.json());
                    if (++n % 500 == 0) {
                        progress.update(Messages.text("transfer.progress.writingTable", table), n, rows.size());
                    }
                }
                g.writeEndArray();
                if (table.equals("items")) {
                    items = rows.size();
                } else if (table.equals("lists")) {
                    lists = rows.size();
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return new ExportReport(Format.TANDEM_JSON, items, lists);
    }

    private static String order(String table) {
        return switch (table) {
            case "items" -> "createdAt, id";
            case "lists" -> "position, id";
            case "sections" -> "listId, rank, id";
            case "item_tags" -> "itemId, tag";
            case "attachments" -> "itemId, createdAt, id";
            // The person's order, as SavedFilters.all() gives it: an importer keeps the file's order.
            case "saved_filters" -> "rank IS NULL, rank, name COLLATE NOCASE, id";
            default -> "itemId, id";
        };
    }
}

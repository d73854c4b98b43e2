package dev.tandem.app.model;

import dev.tandem.engine.Db;
import dev.tandem.engine.MergeRule;
import java.nio.file.Path;
import java.util.List;

/**
 * The app's schema as the engine's plain SQL migrations: one statement per step, applied in order,
 * once each. Never edit a released step; append new ones.
 *
 * <p>No foreign key from items to lists: sync merges rows from other devices, and an item may arrive
 * before its list. Items whose list is unknown are shown in the Inbox. Search uses an FTS5 table
 * keyed by the items' rowid and kept in sync by triggers (also for rows merged by sync).
 */
public final class Schema {
    private Schema() {
    }

    /**
     * The database of a profile: a file with this schema's engine settings. Notes merge line by
     * line, so two devices that edited different lines of one note keep both edits. Rows two devices
     * make alike by construction (a list, a smart list or an attachment whose id comes from a name;
     * an occurrence of a series) differ only in when they were made and where a list was put: those
     * settle without a conflict on the earliest time, and on the later place, so a list made on two
     * devices stays after the lists either device had, a smart list after the smart lists ({@link MergeRule}).
     */
    public static Db.Builder database(Path file) {
        return Db.builder().file(file).mergeText("items", "notes").blobs("attachments", "blob")
                .mergeBy("lists", "createdAt", MergeRule.LEAST).mergeBy("lists", "position", MergeRule.GREATEST)
                .mergeBy("saved_filters", "createdAt", MergeRule.LEAST).mergeBy("saved_filters", "rank", MergeRule.GREATEST)
                .mergeBy("attachments", "createdAt", MergeRule.LEAST).mergeBy("items", "createdAt", MergeRule.LEAST)
                .mergeBy("sections", "createdAt", MergeRule.LEAST)
                .blobDirectory(file.resolveSibling(ATTACHMENTS_DIR));
    }

    /**
     * Makes the database {@code file} with this schema, from these migrations alone, and closes
     * it: where a restore puts a backup's rows, so nothing of the backup's own schema is kept
     * ({@link dev.tandem.engine.Backups#unpack(Path, char[], Path, Consumer)}).
     */
    public static void create(Path file) {
        try (Db db = database(file).build()) {
            db.migrate(MIGRATIONS);
        }
    }

    /** The folder beside the database file that holds the attached files' local copies. */
    public static final String ATTACHMENTS_DIR = "attachments";

    public static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE lists (id TEXT PRIMARY KEY, name TEXT, position INTEGER, createdAt INTEGER)",
            "CREATE TABLE items (id TEXT PRIMARY KEY, listId TEXT, title TEXT, notes TEXT, due TEXT,"
                    + " done INTEGER DEFAULT 0, doneAt INTEGER, trashedAt INTEGER, createdAt INTEGER)",
            "CREATE INDEX items_list ON items(listId)",
            "CREATE INDEX items_due ON items(due)",
            "CREATE INDEX items_trashed ON items(trashedAt)",
            "CREATE VIRTUAL TABLE items_fts USING fts5(title, notes, tokenize = 'unicode61 remove_diacritics 2')",
            // The insert trigger first drops any entry under the rowid, so an INSERT OR REPLACE cannot leave a stale row.
            "CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN"
                    + " DELETE FROM items_fts WHERE rowid = new.rowid;"
                    + " INSERT INTO items_fts(rowid, title, notes) VALUES (new.rowid, coalesce(new.title, ''), coalesce(new.notes, ''));"
                    + " END",
            "CREATE TRIGGER items_fts_update AFTER UPDATE OF title, notes ON items BEGIN"
                    + " DELETE FROM items_fts WHERE rowid = old.rowid;"
                    + " INSERT INTO items_fts(rowid, title, notes) VALUES (new.rowid, coalesce(new.title, ''), coalesce(new.notes, ''));"
                    + " END",
            "CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN"
                    + " DELETE FROM items_fts WHERE rowid = old.rowid;"
                    + " END",
            // Device names, so history and conflicts can say "Laptop" instead of an id. Each device writes its own row.
            "CREATE TABLE devices (id TEXT PRIMARY KEY, name TEXT)",
            // Priority 1..4 (null: none), a repeat rule and its series, a reminder and the reminder value dismissed.
            "ALTER TABLE items ADD COLUMN priority INTEGER",
            "ALTER TABLE items ADD COLUMN repeat TEXT",
            "ALTER TABLE items ADD COLUMN seriesId TEXT",
            "ALTER TABLE items ADD COLUMN remindAt INTEGER",
            "ALTER TABLE items ADD COLUMN remindDismissed INTEGER",
            "CREATE INDEX items_remind ON items(remindAt)",
            // Tags: one row per (item, tag) with a derived id, so concurrent adds of different tags both survive.
            "CREATE TABLE item_tags (id TEXT PRIMARY KEY, itemId TEXT, tag TEXT, removedAt INTEGER)",
            "CREATE INDEX item_tags_item ON item_tags(itemId)",
            "CREATE INDEX item_tags_tag ON item_tags(tag)",
            // What an item is: null or 'todo' a todo, 'note' a plain note. A column like the others, so it merges per attribute.
            "ALTER TABLE items ADD COLUMN kind TEXT",
            // Where an item came from in another system (its iCalendar UID), so an export gives it back its own id.
            // One row per (item, system), with a derived id, so two devices importing the same file write the same row.
            "CREATE TABLE item_links (id TEXT PRIMARY KEY, itemId TEXT, system TEXT, externalId TEXT)",
            "CREATE INDEX item_links_item ON item_links(itemId)",
            // A time of day on the due date ("HH:mm") and a length in minutes: each its own column, so a date set on
            // one device and a time on another merge.
            "ALTER TABLE items ADD COLUMN dueTime TEXT",
            "ALTER TABLE items ADD COLUMN durationMinutes INTEGER",
            // Files attached to an item: the bytes are a blob named by its SHA-256 (the engine stores and syncs them);
            // name, type and size ride in the row, so they are inside the encrypted batches. The id is derived from
            // (item, blob), so the same file attached on two devices is one row.
            "CREATE TABLE attachments (id TEXT PRIMARY KEY, itemId TEXT, blob TEXT, name TEXT, type TEXT, size INTEGER,"
                    + " createdAt INTEGER)",
            "CREATE INDEX attachments_item ON attachments(itemId)",
            // The repeating todos by due date, and only those: the calendar reads the ones due before the days it
            // shows (their later dates may fall in them) without walking every todo due before those days.
            "CREATE INDEX items_repeating ON items(due) WHERE repeat <> ''",
            // Structure: a todo's parent todo, its section, its place among its siblings (a fractional key, so a move
            // writes one field and concurrent moves merge per attribute), a start date apart from the deadline,
            // Someday and whether its subtasks are folded away. Each its own column, so each merges on its own.
            "ALTER TABLE items ADD COLUMN parentId TEXT",
            "ALTER TABLE items ADD COLUMN sectionId TEXT",
            "ALTER TABLE items ADD COLUMN rank TEXT",
            "ALTER TABLE items ADD COLUMN start TEXT",
            "ALTER TABLE items ADD COLUMN someday INTEGER",
            "ALTER TABLE items ADD COLUMN collapsed INTEGER",
            "CREATE INDEX items_parent ON items(parentId) WHERE parentId IS NOT NULL",
            "CREATE INDEX items_start ON items(start) WHERE start IS NOT NULL",
            // Sections of a list ("This week", "Later"), in their own order; lists get a fractional order of their own.
            "CREATE TABLE sections (id TEXT PRIMARY KEY, listId TEXT, name TEXT, rank TEXT, collapsed INTEGER,"
                    + " createdAt INTEGER)",
            "CREATE INDEX sections_list ON sections(listId)",
            "ALTER TABLE lists ADD COLUMN rank TEXT",
            // Smart lists: a name, a query in the filter language (model.filter), a colour, their own order. Rows like
            // lists, so they sync; the id comes from the name, so two devices saving one name save one filter.
            "CREATE TABLE saved_filters (id TEXT PRIMARY KEY, name TEXT, query TEXT, color TEXT, rank TEXT, createdAt INTEGER)",
            // Where a change of this device's came from when a program outside the window made it (an assistant
            // through `tandem mcp`), keyed by the change's id, so history says "via MCP (Claude Desktop)" (ChangeOrigin).
            "CREATE TABLE change_origins (id TEXT PRIMARY KEY, via TEXT, client TEXT)",
            // A list's todos by due date: a list condition with a date range (a smart list's "#Work & due before: +7d",
            // the calendar of one list) reads the range from the index instead of fetching every row of the list. It
            // serves "listId = ?" as items_list did, so that one goes and a write keeps the same number of indexes.
            "CREATE INDEX items_list_due ON items(listId, due)",
            "DROP INDEX items_list");
}

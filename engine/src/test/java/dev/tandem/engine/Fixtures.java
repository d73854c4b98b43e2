package dev.tandem.engine;

import java.util.List;

/** Schemas and records shared by the engine tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE list(id TEXT PRIMARY KEY, name TEXT NOT NULL);"
                    + "CREATE TABLE item(id TEXT PRIMARY KEY, list_id TEXT REFERENCES list(id), title TEXT,"
                    + " done INTEGER NOT NULL DEFAULT 0, priority INTEGER, notes TEXT);"
                    + "CREATE TABLE tag(id TEXT PRIMARY KEY, label TEXT);",
            "CREATE VIEW open_item AS SELECT i.* FROM item i JOIN list l ON l.id = i.list_id WHERE i.done = 0;"
                    + "CREATE VIRTUAL TABLE item_fts USING fts5(title, notes, content='item', content_rowid='rowid');"
                    + "CREATE TRIGGER item_ai AFTER INSERT ON item BEGIN"
                    + " INSERT INTO item_fts(rowid, title, notes) VALUES (new.rowid, new.title, new.notes); END;"
                    + "CREATE TRIGGER item_ad AFTER DELETE ON item BEGIN"
                    + " INSERT INTO item_fts(item_fts, rowid, title, notes) VALUES('delete', old.rowid, old.title, old.notes); END;"
                    + "CREATE TRIGGER item_au AFTER UPDATE ON item BEGIN"
                    + " INSERT INTO item_fts(item_fts, rowid, title, notes) VALUES('delete', old.rowid, old.title, old.notes);"
                    + " INSERT INTO item_fts(rowid, title, notes) VALUES (new.rowid, new.title, new.notes); END;");

    public record Item(String id, String listId, String title, boolean done, Long priority, String notes) {
        public static Item of(String title) {
            return new Item(null, null, title, false, null, null);
        }

        public Item withTitle(String t) {
            return new Item(id, listId, t, done, priority, notes);
        }

        public Item withDone(boolean d) {
            return new Item(id, listId, title, d, priority, notes);
        }

        public Item withList(String l) {
            return new Item(id, l, title, done, priority, notes);
        }

        public Item withNotes(String n) {
            return new Item(id, listId, title, done, priority, n);
        }
    }

    @Table("list")
    public record TodoList(String id, String name) {
    }

    @Table("tag")
    public record Tag(String id, String label) {
    }

    /** A record with components the table lacks, and lacking columns the table has. */
    @Table("item")
    public record ItemTitleOnly(String id, String title, String colour) {
    }

    public record Ghost(String id, String name) {
    }

    @Table("item")
    public record NoId(String title) {
    }
}

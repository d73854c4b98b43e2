package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joplin's nested notebooks become sections of their top notebook's list; to-dos keep Joplin's order. */
@Tag("unit")
class StructureJoplinTest {
    @TempDir
    Path tmp;
    private final TodoStore store = Fixtures.store();

    @AfterEach
    void close() {
        store.close();
    }

    private static String id(int n) {
        return String.format("%032x", n);
    }

    private static void folder(Path dir, int id, String title, Integer parent) throws Exception {
        Files.writeString(dir.resolve(id(id) + ".md"), title + "\n\nid: " + id(id) + "\nparent_id: "
                + (parent == null ? "" : id(parent)) + "\ncreated_time: 2026-09-02T08:00:00.000Z\nencryption_applied: 0\n"
                + "type_: 2");
    }

    private static void todo(Path dir, int id, String title, int folder, String order, String created) throws Exception {
        Files.writeString(dir.resolve(id(id) + ".md"), title + "\n\nid: " + id(id) + "\nparent_id: " + id(folder)
                + "\nis_todo: 1\ntodo_due: 0\ntodo_completed: 0\n" + (order == null ? "" : "order: " + order + "\n")
                + "user_created_time: " + created + "\ncreated_time: " + created + "\nencryption_applied: 0\ntype_: 1");
    }

    @Test
    void importPath_nestedNotebooks_sectionsOfTheTopListDeeperOnesFlattenedOrderKept() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("raw"));
        folder(dir, 1, "Home", null);
        folder(dir, 2, "Kitchen", 1);
        folder(dir, 3, "Drawers", 2);
        folder(dir, 4, "Garden", 1);
        todo(dir, 10, "Older", 1, "0", "2026-09-03T10:00:00.000Z");
        todo(dir, 11, "Newer", 1, null, "2026-09-04T10:00:00.000Z");
        todo(dir, 12, "Clean the oven", 2, "10", "2026-09-01T10:00:00.000Z");
        todo(dir, 13, "Sort the cutlery", 2, "20", "2026-09-02T10:00:00.000Z");
        todo(dir, 14, "Fix the hinge", 3, "15", "2026-09-05T10:00:00.000Z");
        todo(dir, 15, "Weed the beds", 4, "0", "2026-09-05T10:00:00.000Z");
        ImportReport r = Fixtures.importPath(store, dir);
        assertEquals(1, r.listsCreated(), "one list: sub-notebooks are sections");
        // Without an order, newest first (Joplin's custom order); sections by name; Drawers is part of Kitchen.
        assertEquals(List.of("Newer", "Older", "#Garden", "Weed the beds", "#Kitchen", "Sort the cutlery",
                "Fix the hinge", "Clean the oven"), Structures.outline(store, "Home"));
        assertEquals(List.of("Home"), store.lists().stream().map(l -> l.name()).toList());
    }
}

package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain notes leave and come back as notes: Tandem JSON, Markdown (Joplin's convention) and iCalendar VJOURNAL. */
@Tag("unit")
class NoteKindTransferTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();
    private Item note;
    private Item todo;

    @BeforeEach
    void seed() {
        TodoList travel = source.createList("Travel");
        note = source.add("Packing list", null, travel.id(), null, TodoDetails.note(List.of("trip"))).item();
        source.update(note.id(), it -> it.withNotes("- [x] Passports\n- [ ] Sunscreen\n"));
        todo = source.add("Book flights", travel.id(), LocalDate.of(2026, 12, 1));
    }

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    private static Item byTitle(TodoStore s, String title) {
        return s.allItems().stream().filter(i -> title.equals(i.title())).findFirst().orElseThrow();
    }

    @Test
    void json_backup_keepsTheKindColumn() {
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        assertTrue(fresh.get(note.id()).orElseThrow().isNote());
        assertEquals(Item.NOTE, fresh.get(note.id()).orElseThrow().kind());
        assertFalse(fresh.get(todo.id()).orElseThrow().isNote());
    }

    @Test
    void json_unknownKind_isATodo() throws Exception {
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Files.writeString(file, Files.readString(file).replace("\"kind\":\"note\"", "\"kind\":\"whiteboard\""));
        Transfer.importPath(fresh, file, null, Progress.NONE);
        assertNull(fresh.get(note.id()).orElseThrow().kind());
    }

    @Test
    void markdown_noteHasKindAndNoCompleted_comesBackAsANote() throws Exception {
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        String text = Files.readString(dir.resolve("Travel").resolve("Packing list.md"));
        assertTrue(text.contains("\nkind: note\n"), text);
        assertFalse(text.contains("completed?"), text);
        assertTrue(Files.readString(dir.resolve("Travel").resolve("Book flights.md")).contains("completed?: no"));
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        Item back = byTitle(fresh, "Packing list");
        assertTrue(back.isNote());
        assertEquals(List.of("trip"), new TagStore(fresh).of(back.id()));
        assertFalse(byTitle(fresh, "Book flights").isNote());
    }

    @Test
    void markdown_joplinStyleFrontMatter_withoutCompleted_isANote() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("joplin-md"));
        Files.writeString(dir.resolve("Recipe.md"), "---\ntitle: Pancakes\ncreated: 2026-05-01 10:00Z\n---\n\n2 eggs\n");
        Files.writeString(dir.resolve("Call.md"), "---\ntitle: Call the bank\ncompleted?: no\n---\n");
        Files.writeString(dir.resolve("Plain.md"), "# Plain file\n\nno front matter\n");
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        assertTrue(byTitle(fresh, "Pancakes").isNote());
        assertFalse(byTitle(fresh, "Call the bank").isNote());
        assertFalse(byTitle(fresh, "Plain file").isNote());
    }

    @Test
    void ics_noteIsAVjournal_comesBackAsANote() throws Exception {
        Path file = tmp.resolve("all.ics");
        Transfer.export(source, Format.ICS, file, Progress.NONE);
        String text = Files.readString(file);
        assertTrue(text.contains("BEGIN:VJOURNAL\r\n"), text);
        assertTrue(text.contains("SUMMARY:Packing list\r\n"), text);
        assertEquals(1, text.split("BEGIN:VTODO", -1).length - 1, text);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        Item back = fresh.get(note.id()).orElseThrow();
        assertTrue(back.isNote());
        assertEquals("- [x] Passports\n- [ ] Sunscreen", back.notes().strip());
        assertEquals(List.of("trip"), new TagStore(fresh).of(back.id()));
        assertEquals("Travel", fresh.lists().get(0).name());
        assertFalse(fresh.get(todo.id()).orElseThrow().isNote());
    }
}

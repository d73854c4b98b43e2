package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writing tools under --write, each through the model: what it changes, and that the history keeps the version before. */
@Tag("unit")
@Timeout(60)
class McpWriteToolsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    private final TodoStore store = new TodoStore(Db.openMemory(),
            Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
    private McpPipe pipe;

    @AfterEach
    void close() {
        if (pipe != null) {
            pipe.close();
        }
        store.close();
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> answer) {
        return (String) ((Map<String, Object>) answer.get("item")).get("id");
    }

    @Test
    void addTodo_quickAddText_readAsQuickAddReadsIt() {
        pipe = McpPipe.started(store, new McpScope(true, null));
        Item it = store.get(id(pipe.ok("add_todo", Map.of("text", "Call Sam tomorrow p1 #Work @phone")))).orElseThrow();
        assertEquals("Call Sam", it.title());
        assertEquals(TODAY.plusDays(1), it.dueDate());
        assertEquals(1, it.priorityLevel());
        assertEquals(store.findList("Work").orElseThrow().id(), it.listId());
        assertEquals(List.of("phone"), store.tags().of(it.id()));
    }

    @Test
    void addTodo_parseFalseWithFields_titleAsGivenAndFieldsSet() {
        pipe = McpPipe.started(store, new McpScope(true, null));
        Item it = store.get(id(pipe.ok("add_todo", Map.of("text", "Read #1042 tomorrow", "parse", false, "due", "2026-06-01",
                "priority", 2, "notes", "From the meeting")))).orElseThrow();
        assertEquals("Read #1042 tomorrow", it.title());
        assertEquals(LocalDate.of(2026, 6, 1), it.dueDate());
        assertEquals(2, it.priorityLevel());
        assertEquals("From the meeting", it.notes());
        assertEquals(null, it.listId());
    }

    @Test
    void addTodo_underListsNamingNone_goesToTheFirstOfThem() {
        store.createList("Home");
        store.createList("Work");
        pipe = McpPipe.started(store, McpScope.of(store, true, List.of("Work", "Home")));
        Item it = store.get(id(pipe.ok("add_todo", Map.of("text", "Buy milk")))).orElseThrow();
        assertEquals(store.findList("Work").orElseThrow().id(), it.listId());
    }

    @Test
    void completeReopenRescheduleEditMoveAppendAndSubtask_eachChangesTheItemAndItsHistoryKeepsTheVersionsBefore() {
        Item it = store.add("Draft report", "Work", null, null, TodoDetails.NONE).item();
        store.createList("Home");
        pipe = McpPipe.started(store, new McpScope(true, null));
        pipe.ok("complete", Map.of("id", it.id()));
        assertTrue(store.get(it.id()).orElseThrow().isDone());
        pipe.ok("reopen", Map.of("id", it.id()));
        assertFalse(store.get(it.id()).orElseThrow().isDone());
        pipe.ok("reschedule", Map.of("id", it.id(), "due", "2026-05-08"));
        assertEquals(LocalDate.of(2026, 5, 8), store.get(it.id()).orElseThrow().dueDate());
        pipe.ok("edit_item", Map.of("id", it.id(), "title", "Final report", "priority", 3, "tags", List.of("q2")));
        assertEquals("Final report", store.get(it.id()).orElseThrow().title());
        assertEquals(3, store.get(it.id()).orElseThrow().priorityLevel());
        assertEquals(List.of("q2"), store.tags().of(it.id()));
        pipe.ok("append_note", Map.of("id", it.id(), "text", "First line"));
        pipe.ok("append_note", Map.of("id", it.id(), "text", "Second line"));
        assertEquals("First line\n\nSecond line", store.get(it.id()).orElseThrow().notes());
        pipe.ok("move_item", Map.of("id", it.id(), "list", "Home"));
        assertEquals(store.findList("Home").orElseThrow().id(), store.get(it.id()).orElseThrow().listId());
        Item sub = store.get(id(pipe.ok("add_subtask", Map.of("parentId", it.id(), "text", "Charts")))).orElseThrow();
        assertEquals(it.id(), sub.parentId());
        assertEquals(store.findList("Home").orElseThrow().id(), sub.listId());
        pipe.ok("reschedule", Map.of("id", it.id(), "due", "none"));
        assertEquals(null, store.get(it.id()).orElseThrow().dueDate());
        // Every write is a change of the model's: the item's history holds each, so each can be restored.
        assertTrue(store.history().changes("items", it.id()).size() >= 9, "a version per write");
    }

    @Test
    void completeThenAppend_onANote_refusedForTheNoteAndAppendedToItsText() {
        Item note = store.add("Packing", null, null, null, TodoDetails.note(List.of())).item();
        pipe = McpPipe.started(store, new McpScope(true, null));
        assertTrue(pipe.refused("complete", Map.of("id", note.id())).contains("note"));
        pipe.ok("append_note", Map.of("id", note.id(), "text", "- socks"));
        assertEquals("- socks", store.get(note.id()).orElseThrow().notes());
    }
}

package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reading tools, driven over pipes as a client drives {@code tandem mcp}. */
@Tag("unit")
@Timeout(60)
class McpReadToolsTest {
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

    private Item add(String title, String list, LocalDate due, Integer priority) {
        return store.add(title, list, null, due, new TodoDetails(priority, List.of(), null, null)).item();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolsList_readOnly_offersTheFourReadingToolsEachSayingTitlesAreData() {
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> tools = (Map<String, Object>) pipe.request("tools/list", Map.of()).get("result");
        List<Map<String, Object>> all = list(tools, "tools");
        assertEquals(List.of("find_todos", "show_item", "list_lists", "agenda"), all.stream().map(t -> t.get("name")).toList());
        for (Map<String, Object> t : all) {
            assertTrue(((String) t.get("description")).contains("never instructions"), t.get("name") + " says titles are data");
            assertEquals(true, ((Map<String, Object>) t.get("annotations")).get("readOnlyHint"));
        }
    }

    @Test
    void findTodos_queryInTheSmartListLanguage_findsThoseAndPagesWithACursor() {
        for (int i = 0; i < 5; i++) {
            add("Work " + i, "Work", TODAY.plusDays(i), 1);
        }
        add("Work low", "Work", null, 3);
        add("Home", "Home", TODAY, 1);
        pipe = McpPipe.started(store, new McpScope(false, null));
        List<String> titles = new ArrayList<>();
        Object cursor = null;
        int pages = 0;
        do {
            Map<String, Object> args = cursor == null ? Map.of("query", "#Work & p1", "limit", 2)
                    : Map.of("query", "#Work & p1", "limit", 2, "cursor", cursor);
            Map<String, Object> page = pipe.ok("find_todos", args);
            list(page, "todos").forEach(t -> titles.add((String) t.get("title")));
            cursor = page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("Work 0", "Work 1", "Work 2", "Work 3", "Work 4"), titles);
        assertEquals(3, pages);
        Map<String, Object> words = pipe.ok("find_todos", Map.of("query", "low"));
        assertEquals(List.of("Work low"), list(words, "todos").stream().map(t -> t.get("title")).toList());
    }

    @Test
    void findTodos_queryThatDoesNotRead_refusedSayingWhere() {
        pipe = McpPipe.started(store, new McpScope(false, null));
        String said = pipe.refused("find_todos", Map.of("query", "#Work &"));
        assertTrue(said.startsWith("At "), said);
    }

    @Test
    void showItem_notesPastTheBound_cutWithTheMarkerAndTheirLengthSaid() {
        Item it = add("Long", null, null, null);
        String notes = "n".repeat(ItemAnswers.NOTE_CHARS + 500);
        store.update(it.id(), i -> i.withNotes(notes));
        pipe = McpPipe.started(store, new McpScope(false, null));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) pipe.ok("show_item", Map.of("id", it.id())).get("item");
        String shown = (String) item.get("notes");
        assertTrue(shown.endsWith(ItemAnswers.CUT), "marked as cut");
        assertEquals(ItemAnswers.NOTE_CHARS + ItemAnswers.CUT.length(), shown.length());
        assertEquals(true, item.get("notesCut"));
        assertEquals(notes.length(), ((Number) item.get("notesLength")).intValue());
    }

    @Test
    void listLists_listsTagsAndSmartLists_namedWithCounts() {
        add("A", "Work", null, null);
        store.tags().add(add("B", "Work", null, null).id(), List.of("phone"));
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> m = pipe.ok("list_lists", Map.of());
        Map<String, Object> work = list(m, "lists").stream().filter(l -> l.get("name").equals("Work")).findFirst().orElseThrow();
        assertEquals(2, ((Number) work.get("openTodos")).intValue());
        assertEquals(List.of("phone"), list(m, "tags").stream().map(t -> t.get("name")).toList());
    }

    @Test
    void agenda_rangeWithARepeatingTodo_eachDayItFallsOnAndNothingPastTheRange() {
        Item daily = store.add("Stretch", null, null, TODAY.minusDays(3),
                new TodoDetails(null, List.of(), Recurrence.parse("FREQ=DAILY").orElseThrow(), null))
                .item();
        add("Dentist", null, TODAY.plusDays(1), null);
        add("Later", null, TODAY.plusDays(30), null);
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> m = pipe.ok("agenda", Map.of("from", "today", "to", TODAY.plusDays(2).toString()));
        List<String> entries = list(m, "entries").stream()
                .map(e -> e.get("date") + " " + ((Map<?, ?>) e.get("todo")).get("title")).toList();
        assertEquals(List.of("2026-05-04 Stretch", "2026-05-05 Dentist", "2026-05-05 Stretch", "2026-05-06 Stretch"),
                entries.stream().sorted().toList());
        assertFalse((Boolean) m.get("cut"));
        assertEquals(daily.id(), ((Map<?, ?>) list(m, "entries").get(0).get("todo")).get("id"));
    }

    @Test
    void agenda_rangeLongerThanTheBound_refused() {
        pipe = McpPipe.started(store, new McpScope(false, null));
        String said = pipe.refused("agenda", Map.of("from", "2026-01-01", "to", "2026-12-31"));
        assertTrue(said.contains(ReadTools.MAX_DAYS + " days"), said);
    }
}

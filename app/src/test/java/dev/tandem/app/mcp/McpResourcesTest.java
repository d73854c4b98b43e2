package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Lists and smart lists as MCP resources: listed, read, bounded as the tools' answers are, and under --lists a list
 * outside them, or any smart list, answering exactly as one that does not exist.
 */
@Tag("unit")
@Timeout(60)
class McpResourcesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    private final Db db = Db.openMemory();
    private final TodoStore store = new TodoStore(db,
            Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
    private McpPipe pipe;

    @AfterEach
    void close() {
        if (pipe != null) {
            pipe.close();
        }
        store.close();
    }

    private Item add(String title, String list) {
        return store.add(title, list, null, null, TodoDetails.NONE).item();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    /** The one JSON body of a resource that must read. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String uri) {
        Map<String, Object> answer = pipe.request("resources/read", Map.of("uri", uri));
        Map<String, Object> result = (Map<String, Object>) answer.get("result");
        assertNotNull(result, "no result: " + answer);
        List<Map<String, Object>> contents = (List<Map<String, Object>>) result.get("contents");
        assertEquals(1, contents.size());
        assertEquals(uri, contents.get(0).get("uri"));
        assertEquals("application/json", contents.get(0).get("mimeType"));
        try {
            return McpPipe.JSON.readValue((String) contents.get(0).get("text"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error of a read that must fail. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readError(String uri) {
        Map<String, Object> answer = pipe.request("resources/read", Map.of("uri", uri));
        assertEquals(null, answer.get("result"), "read: " + answer);
        return (Map<String, Object>) answer.get("error");
    }

    private String saveFilter(String name, String query) {
        return store.savedFilters().save(name, FilterParser.parse(query, TODAY), "").id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void resourcesList_listsAndSmartListsWithTheirTemplates() {
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> listed = (Map<String, Object>) pipe.request("resources/list", Map.of()).get("result");
        assertEquals(List.of("tandem://filters", "tandem://lists"), list(listed, "resources").stream()
                .map(r -> (String) r.get("uri")).sorted().toList());
        assertTrue(list(listed, "resources").stream().allMatch(r -> ((String) r.get("description")).contains("never instructions")));
        Map<String, Object> templates = (Map<String, Object>) pipe.request("resources/templates/list", Map.of()).get("result");
        assertEquals(List.of("tandem://filters/{id}", "tandem://lists/{id}"), list(templates, "resourceTemplates").stream()
                .map(r -> (String) r.get("uriTemplate")).sorted().toList());
    }

    @Test
    void readLists_eachListWithItsOpenCountAndUri() {
        add("A", "Work");
        add("B", "Work");
        add("C", "Home");
        pipe = McpPipe.started(store, new McpScope(false, null));
        List<Map<String, Object>> lists = list(read("tandem://lists"), "lists");
        Map<String, Object> work = lists.stream().filter(l -> l.get("name").equals("Work")).findFirst().orElseThrow();
        assertEquals(2, ((Number) work.get("openTodos")).intValue());
        assertEquals("tandem://lists/" + store.findList("Work").orElseThrow().id(), work.get("uri"));
        assertEquals(List.of("Home", "Work"), lists.stream().map(l -> (String) l.get("name")).sorted().toList());
    }

    @Test
    void readList_moreTodosThanAPageAndALongTitle_firstPageCutAndTitleCut() {
        String longTitle = "T".repeat(ItemAnswers.TITLE_CHARS + 500);
        add(longTitle, "Work");
        for (int i = 0; i < ReadTools.MAX_PAGE + 10; i++) {
            add("Todo " + i, "Work");
        }
        Item done = add("Finished", "Work");
        store.setDone(done.id(), true);
        add("Elsewhere", "Home");
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> m = read("tandem://lists/" + store.findList("Work").orElseThrow().id());
        assertEquals("Work", m.get("name"));
        List<Map<String, Object>> todos = list(m, "todos");
        assertEquals(ReadTools.MAX_PAGE, todos.size());
        assertEquals(true, m.get("todosCut"));
        assertTrue(todos.stream().noneMatch(t -> t.get("title").equals("Finished") || t.get("title").equals("Elsewhere")));
        assertTrue(todos.stream().map(t -> (String) t.get("title")).filter(t -> t.startsWith("TTT")).allMatch(t ->
                t.length() == ItemAnswers.TITLE_CHARS + ItemAnswers.CUT.length() && t.endsWith(ItemAnswers.CUT)));
    }

    @Test
    void readFilters_smartListsWithQueries_andOneFindsItsTodos() {
        add("Call Sam", "Work");
        add("Buy milk", "Home");
        String id = saveFilter("Work stuff", "#Work");
        pipe = McpPipe.started(store, new McpScope(false, null));
        List<Map<String, Object>> filters = list(read("tandem://filters"), "smartLists");
        assertEquals(List.of("Work stuff"), filters.stream().map(f -> f.get("name")).toList());
        assertEquals("tandem://filters/" + id, filters.get(0).get("uri"));
        Map<String, Object> m = read("tandem://filters/" + id);
        assertEquals(db.get(SavedFilter.class, id).orElseThrow().query(), m.get("query"));
        assertEquals(List.of("Call Sam"), list(m, "todos").stream().map(t -> t.get("title")).toList());
        assertEquals(false, m.get("todosCut"));
    }

    @Test
    void readFilter_savedQueryThatNoLongerReads_answeredWithTheProblemAndNoTodos() {
        add("Call Sam", "Work");
        String id = saveFilter("Broken", "#Work");
        SavedFilter f = db.get(SavedFilter.class, id).orElseThrow();
        // As another device may sync it: a query this Tandem does not read.
        db.save(new SavedFilter(f.id(), f.name(), "#Work & (", f.color(), f.rank(), f.createdAt()));
        pipe = McpPipe.started(store, new McpScope(false, null));
        Map<String, Object> m = read("tandem://filters/" + id);
        assertEquals(List.of(), m.get("todos"));
        assertTrue(((String) m.get("problem")).startsWith("The smart list's query does not read"), m.toString());
        assertNotNull(read("tandem://lists"), "the session goes on");
    }

    @Test
    void underLists_anotherListsIdAndEverySmartList_answerExactlyAsUnknownOnes() {
        add("Work thing", "Work");
        add("Secret thing", "Private");
        String filter = saveFilter("Secrets", "#Private");
        String privateId = store.findList("Private").orElseThrow().id();
        pipe = McpPipe.started(store, McpScope.of(store, false, List.of("Work")));

        assertEquals(List.of("Work"), list(read("tandem://lists"), "lists").stream().map(l -> l.get("name")).toList());
        assertEquals(List.of(), read("tandem://filters").get("smartLists"));
        Map<String, Object> hidden = readError("tandem://lists/" + privateId);
        Map<String, Object> unknown = readError("tandem://lists/00000000-0000-7000-8000-000000000000");
        assertEquals(unknown.get("code"), hidden.get("code"));
        assertEquals(String.valueOf(unknown.get("message")).replace("00000000-0000-7000-8000-000000000000", privateId),
                String.valueOf(hidden.get("message")));
        Map<String, Object> hiddenFilter = readError("tandem://filters/" + filter);
        assertEquals(unknown.get("code"), hiddenFilter.get("code"));
        assertTrue(!String.valueOf(hiddenFilter).contains("Secret") && !String.valueOf(hidden).contains("Secret"));
        assertEquals(List.of("Work thing"), list(read("tandem://lists/" + store.findList("Work").orElseThrow().id()), "todos")
                .stream().map(t -> t.get("title")).toList());
    }

    @Test
    void read_unknownHugeAndMalformedUris_eachAnErrorWithoutEchoAndTheSessionGoesOn() {
        add("A", "Work");
        pipe = McpPipe.started(store, new McpScope(false, null));
        String huge = "tandem://lists/" + "a".repeat(500_000);
        for (String uri : List.of("tandem://nothing", "tandem://lists/not-an-id", "tandem://lists/../filters",
                "file:///etc/passwd", "tandem://lists/" + "ABCDEF01-0000-7000-8000-000000000000", huge, "")) {
            Map<String, Object> error = readError(uri);
            assertNotNull(error, uri);
            assertTrue(String.valueOf(error).length() < 1_000, "the answer does not echo the URI at length");
        }
        assertEquals(1, list(read("tandem://lists"), "lists").size());
    }
}

package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's search over real HTTP ({@code view=search&q=}): the desktop search box's reading of the query
 * ({@code SearchBoxQuery}), on the server, bounded; and the attacker's side: a query far over the parser's
 * length, 10,000 parentheses, or one that finds every todo of a large store.
 */
@Tag("unit")
class WebSearchTest {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Session s;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(dir);
        s = web.pair();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> search(String q) throws Exception {
        return web.get("/api/items?view=search&limit=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), s);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("items")).stream().map(r -> (String) r.get("title")).sorted().toList();
    }

    @Test
    void search_wordsBesideATagAListAndAPriority_findWhatTheDesktopFinds() throws Exception {
        TodoList groceries = web.store.createList("Groceries");
        web.store.add("Buy milk", null, groceries.id(), null, new TodoDetails(2, List.of("errand"), null, null));
        web.store.add("Milk the cow", null, null, null, new TodoDetails(2, List.of(), null, null));
        web.store.add("Fetch shoes", null, null, null, new TodoDetails(1, List.of("errand"), null, null));

        assertEquals(List.of("Buy milk"), titles(JsonText.object(search("@errand p2 milk").body())));
        assertEquals(List.of("Buy milk"), titles(JsonText.object(search("#Groceries milk").body())));
        assertEquals(List.of("Buy milk", "Fetch shoes"), titles(JsonText.object(search("@errand").body())));
        assertEquals(List.of("Buy milk", "Milk the cow"), titles(JsonText.object(search("search: milk").body())));
        Map<String, Object> plain = JsonText.object(search("milk").body());
        assertEquals(List.of("Buy milk", "Milk the cow"), titles(plain));
        assertEquals("Search: milk", plain.get("title"));
    }

    @Test
    void search_unicodeSpacesTypedOnAPhone_readAsPlainSpacesAsThePageReadsThem() throws Exception {
        web.store.add("Milk, then oat flakes", null, null);
        web.store.add("Oat milk", null, null, null, new TodoDetails(null, List.of("errand"), null, null));

        // Two words, not the phrase "milk oat" the index would look for with the no-break space kept in one word.
        Map<String, Object> words = JsonText.object(search("\u00a0milk\u202foat\u001f").body());
        assertEquals(List.of("Milk, then oat flakes", "Oat milk"), titles(words));
        assertEquals("Search: milk oat", words.get("title"));
        assertEquals(List.of("Oat milk"), titles(JsonText.object(search("@errand\u00a0milk").body())));
    }

    @Test
    void search_queryThatDoesNotRead_answersNoRowsAndTheParsersSentence() throws Exception {
        web.store.add("Buy milk", null, null);
        HttpResponse<String> r = search("p1 & (");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> answer = JsonText.object(r.body());
        assertEquals(List.of(), titles(answer));
        assertTrue(answer.get("problem") instanceof String p && !p.isBlank(), r.body());
    }

    @Test
    void search_hugeOrDeepQueries_refusedByTheParserBeforeAnyWorkAndAnsweredFast() throws Exception {
        web.store.add("Buy milk", null, null);
        long started = System.nanoTime();
        // Over Jetty's 8 KiB for the request's headers, refused before any handler.
        assertEquals(414, search("p1 & " + "x".repeat(100_000)).statusCode());
        for (String q : List.of("p1 & " + "x".repeat(3_000), "(".repeat(600) + "p1" + ")".repeat(600),
                "@a ".repeat(500), "search: " + "milk ".repeat(220), "p1 & milk")) {
            HttpResponse<String> r = search(q);
            assertEquals(200, r.statusCode(), r.body());
            Map<String, Object> answer = JsonText.object(r.body());
            assertEquals(List.of(), titles(answer), q.substring(0, 9));
            assertTrue(answer.get("problem") instanceof String, "no sentence for " + q.substring(0, 9) + ": " + r.body());
        }
        // Refused on their length before anything is built: four answers in well under a second each.
        assertTrue((System.nanoTime() - started) / 1_000_000 < 8_000, "hostile queries took too long");
    }

    @Test
    void search_queryFindingThousandsOfTodos_answersTheFirstRowsAndTheTotal() throws Exception {
        WebFixture.seed(web.store, 3_000);
        web.store.writeAll(tx -> {
            for (Item i : web.store.allItems()) {
                tx.save(i.withPriority(1));
            }
            return null;
        });
        HttpResponse<String> r = web.get("/api/items?view=search&limit=100000&q=p1", s);
        Map<String, Object> answer = JsonText.object(r.body());
        assertEquals(3_000L, ((Number) answer.get("total")).longValue());
        assertEquals(FilterViews.ROWS, ((List<?>) answer.get("items")).size(), "rows over the cap were sent");
    }
}

package dev.tandem.app.mcp;

import dev.tandem.app.model.Count;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.ScopedItems;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.QueryTooCostlyException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The lists and the smart lists as MCP resources, for a client that shows them to the user or attaches them to a
 * conversation: {@code tandem://lists} (every list the server sees), {@code tandem://lists/{id}} (one list and its
 * first open todos), {@code tandem://filters} (the smart lists) and {@code tandem://filters/{id}} (one smart list,
 * its query and the first todos it finds). Each is JSON, bounded as the tools' answers are: at most
 * {@link ReadTools#MAX_NAMES} names and {@link ReadTools#MAX_PAGE} todos, titles cut as {@link ItemAnswers} cuts
 * them, with a flag when there were more; a smart list's query runs within a list's cost budget.
 *
 * <p>Under {@code --lists} a list outside them, and every smart list (its name and query span every list), does not
 * exist: reading one is answered exactly as reading an id no list has. An id is checked to be a UUID before it
 * reaches a query, so a client's junk costs nothing and is never echoed back at length.
 */
final class McpResources {
    static final String LISTS = "tandem://lists";
    static final String FILTERS = "tandem://filters";
    private static final String JSON = "application/json";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final McpJsonMapper json;
    private final TodoStore store;
    private final McpScope scope;
    private final ItemAnswers items;

    McpResources(McpJsonMapper json, TodoStore store, McpScope scope) {
        this.json = json;
        this.store = store;
        this.scope = scope;
        this.items = new ItemAnswers(store);
    }

    List<McpServerFeatures.SyncResourceSpecification> resources() {
        return List.of(
                resource(LISTS, "lists", "Lists", "The lists with their counts of open todos, at most " + ReadTools.MAX_NAMES
                        + ". " + Tool.USER_DATA, r -> lists()),
                resource(FILTERS, "smart-lists", "Smart lists", "The saved smart lists with their queries, at most "
                        + ReadTools.MAX_NAMES + ". " + Tool.USER_DATA, r -> filters()));
    }

    List<McpServerFeatures.SyncResourceTemplateSpecification> templates() {
        return List.of(
                template(LISTS + "/{id}", "list", "A list", "One list and its first " + ReadTools.MAX_PAGE
                        + " open todos, in the smart list's order. " + Tool.USER_DATA, this::list),
                template(FILTERS + "/{id}", "smart-list", "A smart list", "One smart list, its query and the first "
                        + ReadTools.MAX_PAGE + " todos it finds. " + Tool.USER_DATA, this::filter));
    }

    private McpServerFeatures.SyncResourceSpecification resource(String uri, String name, String title,
            String description, Function<String, Map<String, Object>> read) {
        McpSchema.Resource r = McpSchema.Resource.builder().uri(uri).name(name).title(title).description(description)
                .mimeType(JSON).build();
        return new McpServerFeatures.SyncResourceSpecification(r, (exchange, request) -> answer(request.uri(), read));
    }

    private McpServerFeatures.SyncResourceTemplateSpecification template(String uriTemplate, String name, String title,
            String description, Function<String, Map<String, Object>> read) {
        McpSchema.ResourceTemplate t = new McpSchema.ResourceTemplate(uriTemplate, name, title, description, JSON, null);
        return new McpServerFeatures.SyncResourceTemplateSpecification(t,
                (exchange, request) -> answer(request.uri(), read));
    }

    private McpSchema.ReadResourceResult answer(String uri, Function<String, Map<String, Object>> read) {
        Map<String, Object> body = read.apply(uri);
        try {
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, JSON,
                    json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> lists() {
        Map<String, Long> counts = openCounts();
        List<TodoList> lists = store.lists().stream().filter(l -> scope.seesList(l.id())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lists", lists.stream().limit(ReadTools.MAX_NAMES).map(l -> listEntry(l, counts)).toList());
        m.put("listsCut", lists.size() > ReadTools.MAX_NAMES);
        return m;
    }

    private Map<String, Object> list(String uri) {
        TodoList l = id(uri, LISTS).flatMap(store::list).filter(x -> scope.seesList(x.id()))
                .orElseThrow(() -> notFound(uri));
        Map<String, Object> m = listEntry(l, openCounts());
        page(m, new Filter.Not(new Filter.Is(Filter.Flag.DONE)), List.of(l.id()));
        return m;
    }

    private Map<String, Object> filters() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (scope.limited()) {
            m.put("smartLists", List.of());
            m.put("smartListsCut", false);
            m.put("note", "This server sees only some lists, so it names no smart lists.");
            return m;
        }
        List<SavedFilter> filters = store.savedFilters().all();
        m.put("smartLists", filters.stream().limit(ReadTools.MAX_NAMES).map(this::filterEntry).toList());
        m.put("smartListsCut", filters.size() > ReadTools.MAX_NAMES);
        return m;
    }

    private Map<String, Object> filter(String uri) {
        Optional<SavedFilter> found = scope.limited() ? Optional.empty()
                : id(uri, FILTERS).flatMap(id -> store.savedFilters().all().stream().filter(f -> f.id().equals(id)).findFirst());
        SavedFilter f = found.orElseThrow(() -> notFound(uri));
        Map<String, Object> m = filterEntry(f);
        try {
            page(m, FilterParser.parse(f.query() == null ? "" : f.query(), store.today()), scope.listIds());
        } catch (FilterException e) {
            m.put("todos", List.of());
            m.put("problem", "The smart list's query does not read: " + ItemAnswers.cut(e.getMessage(), 500));
        } catch (QueryTooCostlyException e) {
            m.put("todos", List.of());
            m.put("problem", "The smart list's query is too slow to answer.");
        }
        return m;
    }

    /** The first todos {@code filter} finds in {@code lists}, and whether there are more. */
    private void page(Map<String, Object> m, Filter filter, List<String> lists) {
        List<Item> page = ScopedItems.page(store, filter, lists, 0, ReadTools.MAX_PAGE + 1);
        m.put("todos", page.stream().limit(ReadTools.MAX_PAGE).map(items::brief).toList());
        m.put("todosCut", page.size() > ReadTools.MAX_PAGE);
    }

    private Map<String, Object> listEntry(TodoList l, Map<String, Long> counts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", l.id());
        e.put("uri", LISTS + "/" + l.id());
        e.put("name", ItemAnswers.cut(l.name(), ItemAnswers.TITLE_CHARS));
        e.put("openTodos", counts.getOrDefault("list:" + l.id(), 0L));
        return e;
    }

    private Map<String, Object> filterEntry(SavedFilter f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", f.id());
        e.put("uri", FILTERS + "/" + f.id());
        e.put("name", ItemAnswers.cut(f.name() == null ? "" : f.name(), ItemAnswers.TITLE_CHARS));
        e.put("query", ItemAnswers.cut(f.query() == null ? "" : f.query(), FilterParser.MAX_CHARS));
        return e;
    }

    private Map<String, Long> openCounts() {
        return store.counts(store.today()).stream().collect(Collectors.toMap(Count::id, Count::count, (x, y) -> x));
    }

    /** The id after {@code base + "/"} in {@code uri}, when it is one the engine makes. */
    private static Optional<String> id(String uri, String base) {
        String prefix = base + "/";
        if (uri == null || !uri.startsWith(prefix) || uri.length() != prefix.length() + 36) {
            return Optional.empty();
        }
        String id = uri.substring(prefix.length());
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static McpError notFound(String uri) {
        String s = uri == null ? "" : uri;
        return McpError.RESOURCE_NOT_FOUND.apply(s.length() > 80 ? s.substring(0, 80) + "…" : s);
    }
}

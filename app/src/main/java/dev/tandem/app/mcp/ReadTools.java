package dev.tandem.app.mcp;

import static dev.tandem.app.mcp.ToolArgs.integer;
import static dev.tandem.app.mcp.ToolArgs.schema;
import static dev.tandem.app.mcp.ToolArgs.string;

import dev.tandem.app.model.Count;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Occurrences;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.ScopedItems;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.text.filter.SearchBoxQuery;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tools that read: find todos (a smart list's query or words, a page at a time), show one item, the lists, tags
 * and smart lists, and the agenda of a range of days. Each answer is bounded in rows and in characters, and each
 * query runs within a list's budget (the query is the client's, so its cost is bounded where it runs).
 */
final class ReadTools {
    /** Todos a page of {@code find_todos} holds at most. */
    static final int MAX_PAGE = 50;
    /** How deep a cursor may page: past it, a narrower query finds what is wanted sooner. */
    static final int MAX_OFFSET = 10_000;
    /** Days an agenda may span. */
    static final int MAX_DAYS = 62;
    /** Entries an agenda holds at most. */
    static final int MAX_AGENDA = 200;
    /** Lists, tags and smart lists {@code list_lists} names at most, each. */
    static final int MAX_NAMES = 500;
    private static final String CURSOR = "offset:";

    private final TodoStore store;
    private final McpScope scope;
    private final ItemAnswers items;

    ReadTools(TodoStore store, McpScope scope) {
        this.store = store;
        this.scope = scope;
        this.items = new ItemAnswers(store);
    }

    List<Tool> tools() {
        return List.of(
                new Tool("find_todos", "Find todos",
                        "Finds open todos with a query in Tandem's smart-list language (\"#Work & p1\", \"overdue | @errand\","
                                + " \"due before: +7d\", \"search: invoice\", \"done & #Home\") or plain words searched in titles"
                                + " and notes; empty finds every open todo. Answers a page of at most " + MAX_PAGE + " todos,"
                                + " ordered by due date, then priority, and nextCursor to pass for the next page (null at the"
                                + " end). " + Tool.USER_DATA,
                        schema(Map.of("query", string("The query or the words; at most 1000 characters", FilterParser.MAX_CHARS),
                                "limit", integer("Todos in this page (default 20)", 1, MAX_PAGE),
                                "cursor", string("nextCursor of the page before", 40))),
                        true, this::find),
                new Tool("show_item", "Show an item",
                        "Shows one todo or note by its id, with its notes (cut at " + ItemAnswers.NOTE_CHARS
                                + " characters, marked \"" + ItemAnswers.CUT.strip() + "\"). " + Tool.USER_DATA,
                        schema(Map.of("id", string("The item's id", 100)), "id"), true, this::show),
                new Tool("list_lists", "List lists, tags and smart lists",
                        "Names the lists (with their counts of open todos), the tags and the saved smart lists with their"
                                + " queries, at most " + MAX_NAMES + " of each. " + Tool.USER_DATA,
                        schema(Map.of()), true, this::lists),
                new Tool("agenda", "Agenda for days",
                        "The open todos due from one day to another (at most " + MAX_DAYS + " days), each repeating todo"
                                + " on every day it falls in the range, earliest first, at most " + MAX_AGENDA + " entries."
                                + " Days are ISO dates (2026-05-04) or words such as today, tomorrow, fri. " + Tool.USER_DATA,
                        schema(Map.of("from", string("The first day (default today)", 100),
                                "to", string("The last day (default 7 days after the first)", 100),
                                "limit", integer("Entries at most (default 100)", 1, MAX_AGENDA))),
                        true, this::agenda));
    }

    private Map<String, Object> find(ToolArgs a) {
        String query = a.text("query", FilterParser.MAX_CHARS);
        int limit = a.number("limit", 1, MAX_PAGE, 20);
        int offset = offset(a.text("cursor", 40));
        Filter filter = filter(query == null ? "" : query.strip(), a.today());
        List<Item> page = ScopedItems.page(store, filter, scope.listIds(), offset, limit + 1);
        boolean more = page.size() > limit;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("todos", page.stream().limit(limit).map(items::brief).toList());
        m.put("nextCursor", more && offset + limit <= MAX_OFFSET ? CURSOR + (offset + limit) : null);
        return m;
    }

    private static Filter filter(String query, LocalDate today) {
        if (query.isEmpty()) {
            return new Filter.Not(new Filter.Is(Filter.Flag.DONE));
        }
        return SearchBoxQuery.read(query, today).orElseGet(() -> new Filter.Search(query));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            if (cursor.startsWith(CURSOR)) {
                int n = Integer.parseInt(cursor.substring(CURSOR.length()));
                if (n >= 0 && n <= MAX_OFFSET) {
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw new ToolArgs.Refused("cursor is not a nextCursor this tool gave");
    }

    private Map<String, Object> show(ToolArgs a) {
        return Map.of("item", items.full(scope.item(store, a.required("id", 100))));
    }

    private Map<String, Object> lists(ToolArgs a) {
        Map<String, Long> counts = store.counts(store.today()).stream().collect(Collectors.toMap(Count::id, Count::count,
                (x, y) -> x));
        List<TodoList> lists = store.lists().stream().filter(l -> scope.seesList(l.id())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lists", lists.stream().limit(MAX_NAMES).map(l -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", l.id());
            e.put("name", ItemAnswers.cut(l.name(), ItemAnswers.TITLE_CHARS));
            e.put("openTodos", counts.getOrDefault("list:" + l.id(), 0L));
            return e;
        }).toList());
        m.put("listsCut", lists.size() > MAX_NAMES);
        if (scope.limited()) {
            // Tags and smart lists span every list: their names could tell of the lists this server may not see.
            m.put("tags", List.of());
            m.put("smartLists", List.of());
            m.put("note", "This server sees only some lists, so it names no tags and no smart lists.");
            return m;
        }
        List<Count> tags = store.tags().counts();
        m.put("tags", tags.stream().limit(MAX_NAMES).map(t -> Map.of("name", ItemAnswers.cut(t.id(), ItemAnswers.TITLE_CHARS),
                "openTodos", t.count())).toList());
        m.put("tagsCut", tags.size() > MAX_NAMES);
        List<SavedFilter> filters = store.savedFilters().all();
        m.put("smartLists", filters.stream().limit(MAX_NAMES).map(f -> Map.of("id", f.id(),
                "name", ItemAnswers.cut(f.name(), ItemAnswers.TITLE_CHARS),
                "query", ItemAnswers.cut(f.query() == null ? "" : f.query(), FilterParser.MAX_CHARS))).toList());
        m.put("smartListsCut", filters.size() > MAX_NAMES);
        return m;
    }

    private Map<String, Object> agenda(ToolArgs a) {
        LocalDate from = a.has("from") ? a.date("from") : a.today();
        LocalDate to = a.has("to") ? a.date("to") : from.plusDays(7);
        int limit = a.number("limit", 1, MAX_AGENDA, 100);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ToolArgs.Refused("to must be on or after from, and at most " + MAX_DAYS + " days on");
        }
        List<Map.Entry<LocalDate, Item>> entries = new ArrayList<>();
        List<Item> rows = ScopedItems.days(store, from, to, scope.listIds(), limit + 1);
        for (Item it : rows) {
            LocalDate due = it.dueDate();
            if (due != null && !due.isBefore(from)) {
                entries.add(Map.entry(due, it));
            }
            for (LocalDate d : Occurrences.later(it, from, to)) {
                entries.add(Map.entry(d, it));
            }
        }
        entries.sort(Comparator.comparing((Function<Map.Entry<LocalDate, Item>, LocalDate>) Map.Entry::getKey));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.toString());
        m.put("to", to.toString());
        m.put("entries", entries.stream().limit(limit).map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", e.getKey().toString());
            row.put("todo", items.brief(e.getValue()));
            return row;
        }).toList());
        m.put("cut", entries.size() > limit || rows.size() > limit);
        return m;
    }
}

package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.QueryCost;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.SavedFilters;
import dev.tandem.app.model.ScopedItems;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.Filter;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.app.text.filter.SearchBoxQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The saved filters ("Smart lists") as the page shows them: in the sidebar with their counts, and one opened as
 * a view ({@code view=filter:ID}).
 *
 * <p>A saved filter is synced data: another device (a newer one, or a hostile one) may have written any query,
 * name or colour. Nothing of it is trusted: the query goes through {@link FilterParser}, which refuses more than
 * 1,000 characters, 32 levels of parentheses or 100 conditions before building anything, so a 1 MB query or
 * 10,000 parentheses cost a length check; a query that does not read is shown as unreadable (the sidebar) or
 * answered 422 with the parser's sentence (the view), never a 500. Each count and each view runs within its
 * budget of time ({@link QueryCost}): a filter that runs over is listed with {@code tooSlow} and no count, or
 * answered 422 with a sentence, and holds up no other. A sidebar answer counts at most
 * {@value #COUNTED} filters (each count one SQL query), so 10,000 synced filters cost what 100 do; a view carries
 * at most {@value #ROWS} rows with its {@code total}. An id is checked against the ids' alphabet and length
 * before any lookup; a colour is passed on only as {@code #rrggbb}; a name is cut at
 * {@link SavedFilters#MAX_NAME_CHARS}.
 */
final class FilterViews {
    /** Filters a sidebar answer counts, in the person's order; the rest are listed without a count. */
    static final int COUNTED = 100;
    /** Rows a filter's view carries at most; {@code total} says how many it finds. */
    static final int ROWS = 500;
    /** A saved filter's id: a UUID made from its name; letters, digits and dashes for any other device's. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,200}");

    private final TodoStore store;

    FilterViews(TodoStore store) {
        this.store = store;
    }

    /** The view key's id, checked before anything is looked up: 400 when it cannot be an id. */
    static String id(String key) {
        String id = key.substring("filter:".length());
        if (!ID.matcher(id).matches()) {
            throw new BadRequest("server.filter.badId");
        }
        return id;
    }

    /**
     * Every saved filter the page can open, in the person's order: {@code id, name, color, count, unreadable};
     * {@code count} null past the first {@value #COUNTED}, for an unreadable one, and all when not {@code counted}
     * (a token limited to some lists: a count over every list would tell it of the others). A row whose id is no id is
     * left out: it could not be opened.
     */
    List<Object> sidebar(boolean counted) {
        LocalDate today = store.today();
        List<Object> out = new ArrayList<>();
        int countedSoFar = counted ? 0 : COUNTED;
        for (SavedFilter f : store.savedFilters().all()) {
            if (!ID.matcher(f.id()).matches()) {
                continue;
            }
            Long count = null;
            boolean unreadable = false;
            boolean tooSlow = false;
            if (countedSoFar < COUNTED) {
                countedSoFar++;
                try {
                    count = FilteredItems.count(store, FilterParser.parse(f.query(), today));
                } catch (FilterException e) {
                    unreadable = true;
                } catch (QueryTooCostlyException e) {
                    tooSlow = true;
                }
            }
            out.add(obj("id", f.id(), "name", name(f), "color", color(f.color()), "count", count,
                    "unreadable", unreadable, "tooSlow", tooSlow));
        }
        return out;
    }

    /** A filter's view: its first rows (at most {@value #ROWS}), its total and its name as the title. */
    Map<String, Object> items(String key, int limit, Function<Item, Map<String, Object>> row, ApiScope scope) {
        String id = id(key);
        SavedFilter saved = store.savedFilters().all().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadRequest(404, "server.filter.unknown"));
        Filter filter;
        try {
            filter = FilterParser.parse(saved.query(), store.today());
        } catch (FilterException e) {
            // The parser's sentence, in the request's language (the Router's Messages.in).
            throw new BadRequest(422, "server.filter.unreadable", e.getMessage());
        }
        return found(key, name(saved), filter, limit, row, scope);
    }

    /**
     * The search field's query as the desktop's search box reads it ({@link SearchBoxQuery}): words beside
     * {@code @tag}, {@code #list} or {@code p1}, or a query with operators, answered as what that filter finds
     * (its first rows, at most {@value #ROWS}, and its total); empty for plain words, which the caller searches
     * as before. A query that does not read (being typed, or hostile: the parser refuses more than 1,000
     * characters, 32 levels or 100 conditions before building anything) answers no rows and the parser's
     * sentence as {@code problem}, never an error: the page shows it where the rows would be. One that runs past a
     * list's time budget ({@link QueryCost}) answers 422, as a smart list's view does.
     */
    Optional<Map<String, Object>> search(String q, String title, int limit, Function<Item, Map<String, Object>> row,
            ApiScope scope) {
        Optional<Filter> filter;
        try {
            filter = SearchBoxQuery.read(q, store.today());
        } catch (FilterException e) {
            return Optional.of(obj("view", "search", "title", title, "total", 0, "items", List.of(),
                    "problem", e.getMessage()));
        }
        return filter.map(f -> found("search", title, f, limit, row, scope));
    }

    /**
     * What {@code filter} finds, its first rows (at most {@value #ROWS}) and its total; for a token limited to some
     * lists ({@link ApiScope}) only what is in them, found by the query itself, the total then counted up to
     * {@value #ROWS}.
     */
    private Map<String, Object> found(String key, String title, Filter filter, int limit,
            Function<Item, Map<String, Object>> row, ApiScope scope) {
        List<Object> rows = new ArrayList<>();
        long total;
        try {
            if (scope.limited()) {
                List<Item> in = ScopedItems.page(store, filter, scope.listIds(), 0, ROWS);
                in.subList(0, Math.min(limit, in.size())).forEach(it -> rows.add(row.apply(it)));
                total = in.size();
            } else {
                for (Item it : FilteredItems.of(store, filter, Math.min(limit, ROWS))) {
                    rows.add(row.apply(it));
                }
                total = FilteredItems.count(store, filter, store.today(), QueryCost.Use.LIST);
            }
        } catch (QueryTooCostlyException e) {
            throw new BadRequest(422, "server.view.tooSlow");
        }
        return obj("view", key, "title", title, "total", total, "items", rows);
    }

    private static String name(SavedFilter f) {
        String n = f.name();
        return n.length() > SavedFilters.MAX_NAME_CHARS ? n.substring(0, SavedFilters.MAX_NAME_CHARS) : n;
    }

    private static String color(String c) {
        return SavedFilter.isColor(c) ? c : null;
    }
}

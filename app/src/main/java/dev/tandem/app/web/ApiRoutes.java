package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.Count;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.text.QuickAddToken;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.app.text.TypedSpaces;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The data routes of the API (docs/WEB.md, "API"), for a paired browser: the sidebar, a view's items,
 * one item, quick add's chips, the subscribed calendars' events of a range ({@link EventDays}), Conflicts, and the page's outbox ({@link Outbox}), its one door for writing
 * items: every write goes through {@link WebWrites}, the model as the desktop uses it, so the web adds no
 * rules of its own.
 * Blocks on the database; Jetty runs it on a pooled thread.
 */
final class ApiRoutes {
    private final TodoStore store;
    private final TagStore tags;
    private final Authors authors;
    private final Supplier<Set<String>> sharedLists;
    private final ItemAnswers items;
    private final WebWrites writes;
    private final Outbox outbox;
    private final DayViews days;
    private final EventDays events;
    private final FilterViews filters;
    private final OutlineViews outlines;

    /** The serving device's name, as the page names it ("Paired with …"). */
    private final String deviceName;

    ApiRoutes(TodoStore store, Supplier<Set<String>> sharedLists, AttachmentStore attachments, String deviceName,
              Supplier<EventStore> calendars) {
        this.store = store;
        this.deviceName = deviceName;
        this.tags = store.tags();
        this.events = new EventDays(calendars, () -> store.dateClock().getZone());
        this.days = new DayViews(store, events);
        this.filters = new FilterViews(store);
        this.outlines = new OutlineViews(store);
        this.authors = new Authors(store);
        this.sharedLists = sharedLists;
        this.items = new ItemAnswers(store, sharedLists, attachments);
        this.writes = new WebWrites(store, items);
        this.outbox = new Outbox(store, writes);
    }

    /** The data routes, for a paired browser. */
    List<Route> routes() {
        return List.of(
                Route.get("/api/sidebar", (x, b, p) -> x.json(200, sidebar(x.language(), x.scope()))),
                Route.get("/api/items", (x, b, p) -> x.json(200, items(x.query("view").orElse("inbox"),
                        x.query("q").orElse(""), limit(x), x.query("week"), x.language(), x.scope()))),
                Route.get("/api/rows", (x, b, p) -> x.json(200, rows(x.query("view").orElse("inbox"), x.query("q").orElse(""),
                        limit(x), RowPatches.ids(x), x.scope()))),
                Route.get("/api/calendar-events", (x, b, p) -> x.json(200, calendarEvents(x))),
                Route.get("/api/items/{id}", (x, b, p) -> x.json(200, items.full(items.item(p.get(0), x.scope()),
                        x.language()))),
                Route.post("/api/parse", (x, b, p) -> x.json(200, parse(string(x.body(), "text")))),
                Route.post("/api/outbox", (x, b, p) -> x.json(200, outbox.replay(x.body(), b, x.language(), x.scope()))),
                Route.get("/api/conflicts", (x, b, p) -> x.json(200, obj("conflicts", conflicts(b, x.scope())))),
                Route.post("/api/conflicts/{id}/use-lost", (x, b, p) -> {
                    store.conflicts().useLostValue(conflict(p.get(0), x.scope()));
                    x.empty(204);
                }),
                Route.post("/api/conflicts/{id}/dismiss", (x, b, p) -> {
                    store.conflicts().dismiss(conflict(p.get(0), x.scope()).id());
                    x.empty(204);
                }));
    }

    /**
     * The subscribed calendars' events from {@code from} to {@code to}. They are this device's, not a list's: a
     * paired browser and a token for everything (reading only or not) read them; a token limited to some lists does
     * not, as it sees no Inbox and no tags either.
     */
    private Map<String, Object> calendarEvents(Exchange x) {
        if (x.scope().limited()) {
            throw new BadRequest(403, "server.events.limitedToken");
        }
        return events.range(x.query("from").orElse(null), x.query("to").orElse(null), store.today(), x.language());
    }

    /** The conflict {@code id} names, if it is about something {@code scope} sees; 404 otherwise. */
    private Conflict conflict(String id, ApiScope scope) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadRequest(404, "server.conflict.resolved");
        }
        return store.conflicts().get(n).filter(c -> sees(c, scope))
                .orElseThrow(() -> new BadRequest(404, "server.conflict.resolved"));
    }

    /** Whether a conflict is about an item or a list {@code scope} sees. */
    private boolean sees(Conflict c, ApiScope scope) {
        if (!scope.limited()) {
            return true;
        }
        return "items".equals(c.table()) ? store.get(c.entity()).filter(scope::sees).isPresent()
                : scope.seesList(c.entity());
    }

    /**
     * The sidebar; for a token limited to some lists ({@code scope}), only those lists, no Inbox, tags or counts that
     * span every list, and the conflicts about what it sees.
     */
    private Map<String, Object> sidebar(Language language, ApiScope scope) {
        LocalDate today = store.today();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Count c : store.counts(today)) {
            counts.put(c.id(), c.count());
        }
        List<Object> views = new ArrayList<>();
        for (Listing.BuiltIn s : List.of(Listing.BuiltIn.INBOX, Listing.BuiltIn.TODAY, Listing.BuiltIn.UPCOMING, Listing.BuiltIn.COMPLETED)) {
            String key = s.name().toLowerCase(Locale.ROOT);
            if (s == Listing.BuiltIn.COMPLETED) {
                // The days to plan on, after the views they gather (no count: they hold Today's and Upcoming's).
                views.add(obj("key", "agenda", "label", Messages.text(language, "server.view.agenda"), "count", null));
                views.add(obj("key", "week", "label", Messages.text(language, "server.view.week"), "count", null));
            }
            if (s == Listing.BuiltIn.INBOX && scope.limited()) {
                continue;
            }
            views.add(obj("key", key, "label", label(s, language),
                    "count", s == Listing.BuiltIn.COMPLETED || scope.limited() ? null : counts.get(key)));
        }
        Set<String> shared = sharedLists.get();
        List<Object> lists = new ArrayList<>();
        for (TodoList l : store.lists()) {
            if (scope.seesList(l.id())) {
                lists.add(obj("id", l.id(), "name", l.name(), "count", counts.getOrDefault("list:" + l.id(), 0L),
                        "shared", shared.contains(l.id())));
            }
        }
        List<Object> tagRows = new ArrayList<>();
        if (!scope.limited()) {
            for (Count c : tags.counts()) {
                tagRows.add(obj("tag", c.id(), "count", c.count()));
            }
        }
        return obj("views", views, "lists", lists, "filters", filters.sidebar(!scope.limited()), "tags", tagRows,
                "conflicts", store.conflicts().list().stream().filter(c -> sees(c, scope)).count());
    }

    /**
     * A view's first {@code limit} rows and how many it has: a page of 10,000 rows shows its first
     * rows at once and asks for more as it scrolls, and a live refetch carries only what is shown. The
     * agenda and the week ({@code week}: a day of it) answer days of rows ({@link DayViews}, bounded per day); a
     * saved filter ({@code filter:ID}) the todos it finds ({@link FilterViews}, bounded).
     */
    private Map<String, Object> items(String key, String q, int limit, Optional<String> week, Language language,
            ApiScope scope) {
        Map<String, TodoList> lists = lists();
        LocalDate today = store.today();
        Set<String> shared = sharedLists.get();
        if (key.startsWith("filter:")) {
            return filters.items(key, limit, it -> ItemJson.row(it, lists, today, shared), scope);
        }
        if (key.equals("search")) {
            Optional<Map<String, Object>> found = filters.search(q, Messages.text(language, "server.view.search",
                    TypedSpaces.plain(q).strip()),
                    limit, it -> ItemJson.row(it, lists, today, shared), scope);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Listing view = listing(key, q);
        if (view instanceof Listing.Agenda || view instanceof Listing.Calendar) {
            Function<Item, Map<String, Object>> row = it -> ItemJson.row(it, lists, today, shared);
            return view instanceof Listing.Agenda ? days.agenda(today, row, language, scope::sees, !scope.limited())
                    : days.week(week, today, row, language, scope::sees, !scope.limited());
        }
        // The Inbox and a list in their own order, nested, with their sections, as the desktop shows them.
        if (view instanceof Listing.UserListing || view instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.INBOX) {
            String listId = view instanceof Listing.UserListing u ? u.listId() : null;
            if (scope.limited() && (listId == null || !scope.seesList(listId))) {
                // Another list, or the Inbox, answers as a list that does not exist.
                throw new BadRequest(404, "server.token.noSuchList");
            }
            return outlines.items(key, listId, title(view, lists, language), limit, it -> ItemJson.row(it, lists, today, shared));
        }
        List<Item> all;
        try {
            all = store.query(view).stream().filter(scope::sees).toList();
        } catch (QueryTooCostlyException e) {
            throw new BadRequest(422, "server.view.tooSlow");
        }
        List<Object> rows = new ArrayList<>();
        for (Item it : all.subList(0, Math.min(limit, all.size()))) {
            rows.add(ItemJson.row(it, lists, today, shared));
        }
        return obj("view", key, "title", title(view, lists, language), "total", all.size(), "items", rows);
    }

    /**
     * The patch of a view's first {@code limit} rows after a change of {@code ids} ({@link RowPatches}); {@code
     * full: true} for the views a page fetches whole again (a saved filter, a search, the agenda and the week).
     */
    private Map<String, Object> rows(String key, String q, int limit, Set<String> ids, ApiScope scope) {
        if (key.startsWith("filter:") || key.equals("search")) {
            return obj("full", true);
        }
        Listing view = listing(key, q);
        if (view instanceof Listing.Agenda || view instanceof Listing.Calendar) {
            return obj("full", true);
        }
        Map<String, TodoList> lists = lists();
        LocalDate today = store.today();
        Set<String> shared = sharedLists.get();
        Function<Item, Map<String, Object>> row = it -> ItemJson.row(it, lists, today, shared);
        if (view instanceof Listing.UserListing || view instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.INBOX) {
            String listId = view instanceof Listing.UserListing u ? u.listId() : null;
            if (scope.limited() && (listId == null || !scope.seesList(listId))) {
                throw new BadRequest(404, "server.token.noSuchList");
            }
            return outlines.patch(key, listId, limit, ids, row);
        }
        List<Item> all;
        try {
            all = store.query(view).stream().filter(scope::sees).toList();
        } catch (QueryTooCostlyException e) {
            throw new BadRequest(422, "server.view.tooSlow");
        }
        return RowPatches.flat(key, all.subList(0, Math.min(limit, all.size())), all.size(), ids, Item::id, row);
    }

    private static int limit(Exchange x) {
        String v = x.query("limit").orElse(String.valueOf(Integer.MAX_VALUE));
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new BadRequest("server.limit.atLeastOne");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("server.limit.notANumber");
        }
    }

    private Map<String, Object> parse(String text) {
        TodoDraft d = TodoDraft.parse(text, store.today());
        List<Object> chips = new ArrayList<>();
        for (QuickAddToken t : d.tokens()) {
            chips.add(obj("kind", t.kind().name(), "label", t.label()));
        }
        return obj("title", d.title(), "chips", chips, "warning", d.warning());
    }

    /**
     * The conflicts, each side named for the person holding this page: the serving device by its name (not "This
     * device", which on a phone reads as the phone), this browser flagged ({@code keptHere}, {@code lostHere}) for
     * the page to say "this browser", another browser or device by its name.
     */
    private List<Object> conflicts(Browsers.Browser browser, ApiScope scope) {
        List<Object> out = new ArrayList<>();
        for (Conflict c : store.conflicts().list()) {
            if (!sees(c, scope)) {
                continue;
            }
            ConflictWords.Said said = ConflictWords.say(store, c);
            // A list's conflict (its name) names the list; only an item's opens in the editor.
            out.add(obj("id", c.id(), "kind", "items".equals(c.table()) ? "item" : "list", "itemId", c.entity(),
                    "itemTitle", said.title(), "field", c.field(), "fieldLabel", said.field(), "kept", said.kept(),
                    "lost", said.lost(),
                    "keptBy", by(c.keptAuthor()), "lostBy", by(c.lostAuthor()),
                    "keptHere", browser.id().equals(c.keptAuthor()), "lostHere", browser.id().equals(c.lostAuthor()),
                    "at", c.detectedAt() == null ? null : c.detectedAt().toEpochMilli()));
        }
        return out;
    }

    /** Who made a change, named for a page: the serving device by its own name, any other as Authors names it. */
    private String by(String author) {
        return authors.label(author, deviceName);
    }

    static Listing listing(String key, String q) {
        if (key.startsWith("list:")) {
            return new Listing.UserListing(key.substring(5));
        }
        if (key.startsWith("tag:")) {
            return new Listing.TagListing(ItemTag.normalize(key.substring(4)));
        }
        if (key.equals("search")) {
            // As the desktop's search box reads words (SearchBoxQuery.listing): a phone's Unicode spaces plain, stripped.
            return new Listing.SearchListing(TypedSpaces.plain(q).strip());
        }
        // The page's Agenda and Week are the desktop's agenda and calendar (week) views.
        if (key.equals("agenda")) {
            return new Listing.Agenda();
        }
        if (key.equals("week")) {
            return new Listing.Calendar();
        }
        for (Listing.BuiltIn s : Listing.BuiltIn.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(key)) {
                return new Listing.BuiltInListing(s);
            }
        }
        throw new BadRequest("server.view.unknown", key);
    }

    private static String title(Listing view, Map<String, TodoList> lists, Language language) {
        if (view instanceof Listing.BuiltInListing s) {
            return label(s.builtIn(), language);
        }
        if (view instanceof Listing.UserListing u) {
            return Optional.ofNullable(lists.get(u.listId())).map(TodoList::name)
                    .orElseGet(() -> Messages.text(language, "server.view.deletedList"));
        }
        return view instanceof Listing.TagListing t ? "#" + t.tag()
                : Messages.text(language, "server.view.search", ((Listing.SearchListing) view).text());
    }

    /** A built-in view's name in the request's language: server.view.inbox, server.view.today, … */
    private static String label(Listing.BuiltIn s, Language language) {
        return Messages.text(language, "server.view." + s.name().toLowerCase(Locale.ROOT));
    }

    private Map<String, TodoList> lists() {
        return items.lists();
    }

    static String string(Map<String, Object> body, String name) {
        if (!(body.get(name) instanceof String s)) {
            throw new BadRequest("server.field.notText", name);
        }
        return s;
    }

}

package dev.tandem.app.model;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A view's rows kept up to date row by row, so an edit shows at once however long the list is.
 *
 * <p>A change of an item's tag rows patches that item too, as its row shows its tags.
 *
 * <p>The first load hands the sink the first {@value #FIRST_PAGE} rows (a screenful and more) at
 * once, then the whole result, which starts with the same rows, so the list only grows. After that,
 * a commit that changed only items rows reads just those rows back, restricted to the view's
 * condition, and hands the sink a patch: drop these ids, put these rows in their places by the
 * view's order ({@link Order}). A commit that wrote the lists table (the Inbox depends on it),
 * changed more than {@value #PATCH_LIMIT} rows, or whose rows are unknown (another program wrote
 * the file: {@link ChangeListener#onUnknownChanges}) loads the view again.
 *
 * <p>Searches cannot be patched (FTS5 ranks them): the engine re-runs them after each commit
 * ({@link #search}).
 *
 * <p>A view whose query comes from outside (a smart list, a search: {@code cost} given) reads within a list's
 * budget ({@link QueryCost}): a read that runs over reaches the sink as {@link Sink#failed} with a
 * {@link dev.tandem.engine.QueryTooCostlyException}, and the view stays as it was until the next commit or search.
 *
 * <p>Ordering: every load and patch runs on one serial executor, so they reach the sink in the
 * order they were computed. The listener is registered before the first load is queued, so a
 * commit is either seen by that load or arrives as a patch after it; a patch is idempotent (drop
 * the ids, insert what matches now), so seeing a commit twice is harmless. Ids from the database
 * are bound as parameters, never put into SQL text.
 */
public final class LiveItems implements Subscription {
    /** Rows the first result holds, shown before the rest is read. */
    static final int FIRST_PAGE = 200;
    /** Searches matching more items than this list the newest, unranked. */
    static final int RANKED_UP_TO = 5_000;
    /** How many of the newest matches such a search shows. */
    static final int NEWEST = 1_000;
    /** Changed rows read back one by one at most; a bigger commit reloads the view. */
    static final int PATCH_LIMIT = 500;

    /** Where the rows go, called on the serial executor. */
    public interface Sink {
        /**
         * The whole list; {@code complete} is false for the first page of a load. {@code total}: how
         * many items the view matches (more than {@code rows} when it shows only some), -1 if unknown.
         */
        void reset(List<Item> rows, boolean complete, long total);

        /** Rows {@code changed} are to go; {@code rows} (some of them, now) come back, in {@code order}. */
        void patch(Set<String> changed, List<Item> rows, Comparator<Item> order);

        /**
         * A load or a patch could not read the rows (the database failed); the sink keeps what it holds. A view
         * kept row by row reads itself again whole at the next commit; a search, when it is searched again.
         */
        void failed(RuntimeException failure);
    }

    private final Db db;
    /** The budget's keeper for a view whose query comes from outside; null for the app's own views. */
    private final QueryCost cost;
    private final Listing.Query query;
    private final Sink sink;
    private final ViewWork work;
    private volatile Subscription inner;
    private volatile boolean active = true;

    private LiveItems(Db db, Listing.Query query, Sink sink, Executor serial, QueryCost cost) {
        this.db = db;
        this.cost = cost;
        this.query = query;
        this.sink = sink;
        // After a failure a view kept row by row reloads at the next commit: the failed patch's rows never reached it.
        work = new ViewWork(serial, () -> active, () -> load(false), sink::failed, query.rowByRow());
        if (query.rowByRow()) {
            inner = db.subscribe(new ChangeListener() {
                @Override
                public void onCommit(List<ChangeEvent> events) {
                    onEvents(events);
                }

                @Override
                public void onUnknownChanges() {
                    run(() -> load(false));
                }
            });
            run(() -> load(true));
        } else if (query.match() != null) {
            run(this::search);
        } else {
            inner = subscribe(query, rows -> run(() -> sink.reset(rows, true, rows.size())));
        }
    }

    /** The query's rows, within its budget when it has one. */
    private List<Item> rows(String sql, List<?> params) {
        return cost == null ? db.query(Item.class, sql, params.toArray())
                : cost.query(QueryCost.Use.LIST, Item.class, sql, params);
    }

    private Subscription subscribe(Listing.Query q, Consumer<List<Item>> onRows) {
        if (cost == null) {
            return db.querySubscribe(Item.class, q.sql(), q.params(), onRows, Runnable::run);
        }
        return db.querySubscribe(cost.budget(QueryCost.Use.LIST), Item.class, q.sql(), q.params(), onRows,
                tooSlow -> run(() -> sink.failed(tooSlow)), Runnable::run);
    }

    /**
     * A search the engine re-runs after each commit (FTS5 ranks cannot be patched). Up to
     * {@value #RANKED_UP_TO} matches are ranked, best first, and the first page goes ahead of the
     * rest; the subscription starts only after it, so the whole result always comes later. More
     * matches than that are not ranked (bm25 over all of them takes longer than a keystroke, and so
     * few letters say little about which matter): the {@value #NEWEST} newest are shown, newest
     * first, with the number of matches.
     */
    private void search() {
        long matches = cost == null ? Queries.number(db, Listing.Query.MATCH_COUNT, query.match())
                : cost.query(QueryCost.Use.LIST, Count.class, "SELECT '' AS id, (" + Listing.Query.MATCH_COUNT + ") AS n",
                        List.of(query.match())).get(0).count();
        Listing.Query q = matches > RANKED_UP_TO ? query.newest(NEWEST) : query;
        if (q == query) {
            List<Item> first = rows(q.sql() + " LIMIT " + FIRST_PAGE, q.params());
            if (first.size() == FIRST_PAGE) {
                deliver(() -> sink.reset(first, false, -1));
            }
        }
        // Fewer rows than the cap means every match is shown (a tag filter narrows what FTS5 counted).
        long total = q == query ? -1 : matches;
        Subscription s = subscribe(q, rows -> run(() -> sink.reset(rows, true, total < 0 || rows.size() < NEWEST
                ? rows.size() : Math.max(total, rows.size()))));
        inner = s;
        if (!active) {
            s.close();
        }
    }

    /** Keeps {@code query}'s rows in {@code sink}, calling it on {@code serial} only. */
    static LiveItems open(Db db, Listing.Query query, Sink sink, Executor serial) {
        return new LiveItems(db, query, sink, serial, null);
    }

    /** As above, every read within a list's budget of {@code cost}: for a query that comes from outside. */
    static LiveItems open(Db db, Listing.Query query, Sink sink, Executor serial, QueryCost cost) {
        return new LiveItems(db, query, sink, serial, cost);
    }

    private void onEvents(List<ChangeEvent> events) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> tagRows = new LinkedHashSet<>();
        boolean reload = false;
        for (ChangeEvent e : events) {
            switch (e.table()) {
                case "items" -> changed.add(e.id());
                case "item_tags" -> tagRows.add(e.id());
                case "lists" -> reload = true;
                default -> reload |= query.reloadOn().contains(e.table());
            }
        }
        if (reload || changed.size() + tagRows.size() > PATCH_LIMIT) {
            run(() -> load(false));
        } else if (!changed.isEmpty() || !tagRows.isEmpty()) {
            run(() -> patch(changed, tagRows));
        }
    }

    private void run(Runnable r) {
        work.run(r);
    }

    private void load(boolean firstPageFirst) {
        List<Object> params = query.params();
        if (firstPageFirst) {
            List<Item> first = rows(query.sql() + " LIMIT " + FIRST_PAGE, params);
            if (first.size() < FIRST_PAGE) {
                deliver(() -> sink.reset(first, true, first.size()));
                return;
            }
            deliver(() -> sink.reset(first, false, -1));
        }
        List<Item> all = rows(query.sql(), params);
        deliver(() -> sink.reset(all, true, all.size()));
    }

    /** Reads back the changed items, and the items whose tag rows changed (a tag shows in the row). */
    private void patch(Set<String> items, Set<String> tagRows) {
        Set<String> changed = new LinkedHashSet<>(items);
        if (!tagRows.isEmpty()) {
            List<String> owners = Queries.ids(db, "SELECT itemId AS id FROM item_tags WHERE id IN ("
                    + placeholders(tagRows.size()) + ")", tagRows.toArray());
            if (owners.size() < tagRows.size()) {
                load(false); // a tag row deleted for good: whose it was is unknown
                return;
            }
            changed.addAll(owners);
        }
        List<Object> params = new ArrayList<>(query.params());
        params.addAll(changed);
        List<Item> rows = rows("SELECT " + Queries.ITEM_COLUMNS + " FROM items WHERE (" + query.where()
                + ") AND id IN (" + placeholders(changed.size()) + ")", params);
        deliver(() -> sink.patch(changed, rows, query.order()));
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private void deliver(Runnable r) {
        if (active) {
            r.run();
        }
    }

    @Override
    public void close() {
        active = false;
        Subscription s = inner;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }
}

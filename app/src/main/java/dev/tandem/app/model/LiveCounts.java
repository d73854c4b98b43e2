package dev.tandem.app.model;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The sidebar counts ({@link Queries#COUNTS}) kept up to date from what each commit changed, instead of counting
 * every todo again: at 100,000 todos a count of them all takes a tenth of a second or more after every commit, a
 * commit's few changed rows well under a millisecond.
 *
 * <p>Design. Each todo's row contributes to the counts through its <em>mask</em>: one bit per built-in count
 * (Inbox, Today, Upcoming, Someday, Completed, Trash) and one for "counts in its list", read by SQL with the very
 * predicates of {@link Queries#COUNTS}, so the two cannot disagree on what a row is; the row's list is read with
 * it. Masks and lists are kept by the row's rowid in two arrays; the totals are their sums. After a commit the
 * rows it names are read again by id, each one's old contribution taken out and its new one put in.
 *
 * <p>Invariants: the totals always equal the sums over the arrays; an array slot holds a row's contribution as it
 * was read at the last commit that named it, so once the last commit's rows are read the counts are the query's.
 * A commit is counted from scratch instead when its effect cannot be told from its rows: rows deleted (their
 * rowid is gone with them), a list made or removed (its todos move in or out of the Inbox), more rows than
 * {@link #DELTA_ROWS}, rows of {@code items} or {@code lists} written without an event naming them (a trigger's,
 * bulk work's: {@link ChangeListener#onUnnamedWrites}), another program's commit or a migration, and a row whose
 * slot is not as its event says (an insert into a kept slot, an update of a free one: a row deleted and written
 * again in one commit has a new rowid). While the rowids are too sparse for the arrays ({@link #SPARSE}) nothing
 * is kept per row, so memory stays within a few bytes per row that exists, and every commit runs the counts query.
 *
 * <p>Order: the listener is subscribed before the first count, and each update runs under this object's lock,
 * first count included, delivering inside it, so results reach the executor in the order they were counted; a
 * commit heard while the first count runs is applied after it, which at worst counts afresh once more (a row's
 * slot is set, never added to).
 */
final class LiveCounts implements Subscription {
    /** More changed rows than this in a commit are counted from scratch: one read of all rows costs the same. */
    static final int DELTA_ROWS = 500;
    /** Rowids above this many slots per row (and past 65,536) make the arrays too sparse: counted from scratch. */
    static final int SPARSE = 4;

    private static final int IN_LIST = 64;
    /** Set in a slot a row's contribution is kept in: an insert must find its slot free, an update taken. */
    private static final int KEPT = 128;
    /** The tables the counts read: a write to them that no event names is counted from scratch. */
    private static final Set<String> WATCHED = Set.of("items", "lists");
    private static final String[] BUILT_IN = {"inbox", "today", "upcoming", "someday", "completed", "trash"};
    /** A row's contribution, bit by bit in the order of {@link #BUILT_IN}, then {@link #IN_LIST}; ? is today 6 times. */
    static final String MASK = "(CASE WHEN " + Queries.OPEN_TODO + " AND " + Queries.IN_INBOX + " AND "
            + Queries.NOT_SOMEDAY + " THEN 1 ELSE 0 END)"
            + " | (CASE WHEN " + Queries.OPEN_TODO + " AND " + Queries.TODAYS + " THEN 2 ELSE 0 END)"
            + " | (CASE WHEN " + Queries.OPEN_TODO + " AND " + Queries.UPCOMINGS + " THEN 4 ELSE 0 END)"
            + " | (CASE WHEN " + Queries.OPEN_TODO + " AND someday = 1 AND coalesce(due, '') = ''"
            + " AND coalesce(start, '') = '' THEN 8 ELSE 0 END)"
            + " | (CASE WHEN " + Queries.COMPLETED + " THEN 16 ELSE 0 END)"
            + " | (CASE WHEN trashedAt IS NOT NULL THEN 32 ELSE 0 END)"
            + " | (CASE WHEN " + Queries.OPEN_TODO + " AND coalesce(someday, 0) = 0 THEN 64 ELSE 0 END)";
    /** Every row's; the id is not read (the engine's records need one, and 100,000 would only be garbage here). */
    private static final String ROWS = "SELECT '' AS id, rowid AS r, listId, " + MASK + " AS mask FROM items";
    /** Every row's, then every list's id (as a row with rowid -1), in one statement: one snapshot of both. */
    private static final String ROWS_AND_LISTS = ROWS + " UNION ALL SELECT id, -1, id, -1 FROM lists";
    /** How many rows, and the highest rowid: whether slots by rowid are worth keeping. */
    private static final String EXTENT = "SELECT '' AS id, count(*) AS n, coalesce(max(rowid), 0) AS top FROM items";

    /** Rows by id, with it, to tell each one's event. */
    private static final String ROWS_BY_ID = "SELECT id, rowid AS r, listId, " + MASK + " AS mask FROM items WHERE id IN (";

    /** One row's contribution: its rowid, its list, its mask. */
    record Row(String id, Long r, String listId, Long mask) {
    }

    private record ListId(String id) {
    }

    private record Extent(String id, long n, long top) {
    }

    private final Db db;
    private final String today;
    private final Consumer<List<Count>> onResult;
    private final Executor executor;
    private final Subscription commits;
    private volatile boolean active = true;

    // Guarded by this.
    private int[] masks = new int[0];
    private int[] listOf = new int[0];
    private final long[] totals = new long[BUILT_IN.length];
    /** The lists in the order the counts name them, and each one's count of rows with {@link #IN_LIST}. */
    private List<String> lists = List.of();
    private long[] listCounts = new long[0];
    private final Map<String, Integer> listIndex = new HashMap<>();
    /** False while the rowids are too sparse: every commit is then counted from scratch. */
    private boolean kept;
    private List<Count> last;

    private LiveCounts(Db db, LocalDate today, Consumer<List<Count>> onResult, Executor executor,
                       Executor work) {
        this.db = db;
        this.today = today.toString();
        this.onResult = onResult;
        this.executor = executor;
        this.commits = db.subscribe(new ChangeListener() {
            @Override
            public void onCommit(List<ChangeEvent> events) {
                work.execute(() -> changed(events));
            }

            @Override
            public void onUnnamedWrites(Set<String> tables) {
                work.execute(() -> changed(null));
            }

            @Override
            public Set<String> tablesWatched() {
                return WATCHED;
            }

            @Override
            public void onUnknownChanges() {
                work.execute(() -> changed(null));
            }
        });
    }

    /**
     * The counts as of {@code today}, now and after every commit, to {@code onResult} on {@code executor}; the work
     * after a commit runs on {@code work}. The first result is counted before this returns.
     */
    static LiveCounts open(Db db, LocalDate today, Consumer<List<Count>> onResult, Executor executor, Executor work) {
        LiveCounts c = new LiveCounts(db, today, onResult, executor, work);
        try {
            c.changed(null);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** After a commit naming {@code events}' rows, or with null when what changed is not known. */
    synchronized void changed(List<ChangeEvent> events) {
        if (!active) {
            return;
        }
        Map<String, ChangeEvent.Kind> ids = new LinkedHashMap<>();
        boolean afresh = !kept || events == null;
        boolean listsWritten = false;
        for (int i = 0; !afresh && i < events.size(); i++) {
            ChangeEvent e = events.get(i);
            if (e.table().equalsIgnoreCase("lists")) {
                listsWritten = true;
            } else if (e.table().equalsIgnoreCase("items")) {
                afresh = e.kind() == ChangeEvent.Kind.DELETE || ids.size() >= DELTA_ROWS;
                ids.put(e.id(), e.kind());
            }
        }
        // A list renamed or moved counts nothing new; one made or removed moves its todos in or out of the Inbox.
        afresh = afresh || listsWritten && !listIds().equals(lists);
        if (afresh) {
            countAll();
        } else if (!ids.isEmpty()) {
            update(ids);
        } else {
            return;
        }
        List<Count> now = counts();
        if (!now.equals(last)) {
            last = now;
            executor.execute(() -> {
                if (active) {
                    onResult.accept(now);
                }
            });
        }
    }

    /** The lists' ids, in the order the counts name them. */
    private List<String> listIds() {
        return db.query(ListId.class, "SELECT id FROM lists").stream().map(ListId::id).toList();
    }

    /**
     * Counts every row afresh. The lists are read in the same statement as the rows, so that which todos are in the
     * Inbox (a list gone) and which lists are counted come from one snapshot.
     */
    private void countAll() {
        String t = today;
        Extent extent = db.query(Extent.class, EXTENT).get(0);
        kept = extent.top() < Math.max(65_536L, (long) SPARSE * extent.n());
        Arrays.fill(totals, 0);
        listIndex.clear();
        masks = new int[0];
        listOf = new int[0];
        if (kept) {
            List<Row> rows = db.query(Row.class, ROWS_AND_LISTS, t, t, t, t, t, t);
            List<String> ids = new ArrayList<>();
            long top = 0;
            for (Row r : rows) {
                if (r.r() < 0) {
                    ids.add(r.id());
                }
                top = Math.max(top, r.r());
            }
            // A row written far past the others since the extent was read: the arrays would be mostly empty.
            kept = top < Math.max(65_536L, (long) SPARSE * rows.size());
            if (kept) {
                index(ids);
                masks = new int[(int) top + 1];
                listOf = new int[masks.length];
                Arrays.fill(listOf, -1);
                for (Row r : rows) {
                    if (r.r() >= 0) {
                        add(r, 1);
                    }
                }
                return;
            }
        }
        // Too sparse to keep by rowid: the counts query itself, each time.
        List<Count> counted = db.query(Count.class, Queries.COUNTS, t, t, t, t, t, t);
        List<String> ids = new ArrayList<>();
        for (Count c : counted.subList(BUILT_IN.length, counted.size())) {
            ids.add(c.id().substring("list:".length()));
        }
        index(ids);
        for (int b = 0; b < BUILT_IN.length; b++) {
            totals[b] = counted.get(b).count();
        }
        for (int i = 0; i < ids.size(); i++) {
            listCounts[listIndex.get(ids.get(i))] = counted.get(BUILT_IN.length + i).count();
        }
    }

    /** Numbers the lists {@code ids} in their order. */
    private void index(List<String> ids) {
        lists = List.copyOf(ids);
        for (String l : lists) {
            listIndex.putIfAbsent(l, listIndex.size());
        }
        listCounts = new long[listIndex.size()];
    }

    private void update(Map<String, ChangeEvent.Kind> ids) {
        String t = today;
        List<Object> params = new ArrayList<>(List.of(t, t, t, t, t, t));
        params.addAll(ids.keySet());
        String sql = ROWS_BY_ID + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        for (Row r : db.query(Row.class, sql, params.toArray())) {
            if (r.r() < 0 || r.r() >= Math.max(65_536L, 2L * masks.length)) {
                countAll(); // a row far past the others: counted from scratch, which decides whether to keep slots
                return;
            }
            int slot = r.r().intValue();
            boolean taken = slot < masks.length && (masks[slot] & KEPT) != 0;
            if (taken != (ids.get(r.id()) == ChangeEvent.Kind.UPDATE)) {
                // A row that moved (deleted and written again in one commit) or a slot not as last read: afresh.
                countAll();
                return;
            }
            if (slot < masks.length) {
                take(slot);
            } else {
                int grown = Math.max(slot + 1, masks.length + masks.length / 2);
                masks = Arrays.copyOf(masks, grown);
                int from = listOf.length;
                listOf = Arrays.copyOf(listOf, grown);
                Arrays.fill(listOf, from, grown, -1);
            }
            add(r, 1);
        }
    }

    /** Adds {@code r}'s contribution to the totals ({@code sign} 1) and keeps it in its slot. */
    private void add(Row r, int sign) {
        int mask = r.mask().intValue();
        Integer list = r.listId() == null ? null : listIndex.get(r.listId());
        for (int b = 0; b < BUILT_IN.length; b++) {
            if ((mask & 1 << b) != 0) {
                totals[b] += sign;
            }
        }
        if ((mask & IN_LIST) != 0 && list != null) {
            listCounts[list] += sign;
        }
        if (kept) {
            int slot = r.r().intValue();
            masks[slot] = mask | KEPT;
            listOf[slot] = list == null ? -1 : list;
        }
    }

    /** Takes the contribution kept in {@code slot} out of the totals. */
    private void take(int slot) {
        int mask = masks[slot];
        for (int b = 0; b < BUILT_IN.length; b++) {
            if ((mask & 1 << b) != 0) {
                totals[b]--;
            }
        }
        if ((mask & IN_LIST) != 0 && listOf[slot] >= 0) {
            listCounts[listOf[slot]]--;
        }
        masks[slot] = 0;
        listOf[slot] = -1;
    }

    /** The counts in {@link Queries#COUNTS}'s order: the built-in ones, then each list's. */
    private List<Count> counts() {
        List<Count> out = new ArrayList<>(BUILT_IN.length + lists.size());
        for (int b = 0; b < BUILT_IN.length; b++) {
            out.add(new Count(BUILT_IN[b], totals[b]));
        }
        for (int i = 0; i < lists.size(); i++) {
            out.add(new Count("list:" + lists.get(i), listCounts[listIndex.get(lists.get(i))]));
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        active = false;
        commits.close();
    }

    @Override
    public boolean isActive() {
        return active;
    }
}

package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The smart lists a person saved: {@link SavedFilter} rows, synced as lists are. Saved under an id made
 * from the name, so saving a name again (here or on another device) replaces that filter's query,
 * and two devices that save one name end with one filter. The query is kept as {@link Filter#text()},
 * whose dates every language reads the same.
 */
public final class SavedFilters {
    /** The longest name a smart list takes, as a list's. */
    public static final int MAX_NAME_CHARS = 200;

    private static final Comparator<SavedFilter> ORDER = Comparator
            .comparing((SavedFilter f) -> f.rank() == null ? "\uffff" : f.rank())
            .thenComparing(f -> f.name() == null ? "" : f.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(SavedFilter::id);

    private final Db db;
    private final Clock clock;

    public SavedFilters(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.clock = store.clock();
    }

    /**
     * The rows as the sidebar reads them, each field cut just past what it may hold: a synced row with a
     * query of a megabyte costs one character more than {@link Filter#MAX_CHARS}, which the parser refuses
     * as too long, never its whole size on every read.
     */
    private static final String READ = "SELECT id, substr(name, 1, " + (MAX_NAME_CHARS + 1) + ") AS name, substr(query, 1, "
            + (Filter.MAX_CHARS + 1) + ") AS query, substr(color, 1, 16) AS color, rank, createdAt FROM saved_filters";

    /** Every saved filter, in the person's order, then by name; names and queries read within bounds. */
    public List<SavedFilter> all() {
        return shown(db.query(SavedFilter.class, READ));
    }

    /**
     * {@link #all()} now and again after every commit that changes a saved filter, handed to
     * {@code onResult} on {@code executor}.
     */
    public Subscription subscribe(Consumer<List<SavedFilter>> onResult, Executor executor) {
        return db.querySubscribe(SavedFilter.class, READ, List.of(),
                rows -> onResult.accept(shown(rows)), executor);
    }

    /** The rows a person sees: those with a name and a query (a synced row may lack either), in order. */
    private static List<SavedFilter> shown(List<SavedFilter> rows) {
        return rows.stream().filter(f -> f.name() != null && !f.name().isBlank() && f.query() != null)
                .sorted(ORDER).toList();
    }

    /** The filter of that name, in any case. */
    public Optional<SavedFilter> named(String name) {
        return db.get(SavedFilter.class, DerivedIds.savedFilter(name));
    }

    /**
     * Saves {@code filter} under {@code name} (a new one last; an existing name keeps its place and
     * colour unless {@code color} is given), in one transaction.
     */
    public SavedFilter save(String name, Filter filter, String color) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("name: 1 to " + MAX_NAME_CHARS + " characters");
        }
        String id = DerivedIds.savedFilter(n);
        return db.transactionResult(tx -> {
            Optional<SavedFilter> old = tx.get(SavedFilter.class, id);
            String rank = old.map(SavedFilter::rank).orElseGet(() -> Rank.between(
                    // A synced rank that is no rank (another device, another program) is passed over, not a failure.
                    tx.query(SavedFilter.class, "SELECT * FROM saved_filters").stream().map(SavedFilter::rank)
                            .filter(Rank::isValid).max(String::compareTo).orElse(null), null));
            String c = color != null ? color : old.map(SavedFilter::color).orElse("");
            return tx.save(new SavedFilter(id, n, filter.text(), c, rank, old.map(SavedFilter::createdAt).orElse(clock.millis())));
        });
    }

    /** Removes the filter of that name; false when there is none. */
    public boolean remove(String name) {
        return db.delete(SavedFilter.class, DerivedIds.savedFilter(name));
    }

    /**
     * Puts the filter {@code id} just before {@code beforeId} (null: last), reading the order in the same
     * transaction that writes the new place, so two devices or windows moving at once cannot share one.
     * Returns where it was (for undo); empty when there is no such filter.
     */
    public Optional<Moved> move(String id, String beforeId) {
        return db.transactionResult(tx -> {
            List<SavedFilter> order = new ArrayList<>(shown(tx.query(SavedFilter.class, READ)));
            int at = -1;
            for (int i = 0; i < order.size(); i++) {
                at = order.get(i).id().equals(id) ? i : at;
            }
            if (at < 0 || id.equals(beforeId)) {
                return Optional.<Moved>empty();
            }
            String wasBefore = at + 1 < order.size() ? order.get(at + 1).id() : null;
            SavedFilter moving = order.remove(at);
            int to = order.size();
            for (int i = 0; i < order.size(); i++) {
                to = order.get(i).id().equals(beforeId) ? i : to;
            }
            String prev = to > 0 ? validRank(order.get(to - 1)) : null;
            String next = to < order.size() ? validRank(order.get(to)) : null;
            boolean ranked = order.stream().allMatch(f -> validRank(f) != null) && validRank(moving) != null;
            if (!ranked || prev != null && next != null && prev.compareTo(next) >= 0) {
                // Places that are missing or tied (rows from an older device): number them all afresh, in order.
                order.add(to, moving);
                String r = null;
                for (SavedFilter f : order) {
                    r = Rank.between(r, null);
                    tx.save(tx.get(SavedFilter.class, f.id()).orElseThrow().withRank(r));
                }
            } else {
                tx.save(tx.get(SavedFilter.class, id).orElseThrow().withRank(Rank.between(prev, next)));
            }
            return Optional.of(new Moved(wasBefore));
        });
    }

    /** Where a moved filter was: before {@code wasBefore}, or last when it is null. */
    public record Moved(String wasBefore) {
    }

    private static String validRank(SavedFilter f) {
        return f.rank() != null && Rank.isValid(f.rank()) ? f.rank() : null;
    }

    /** Brings back a removed filter as it was: name, query, colour and place (undo). */
    public Optional<SavedFilter> restore(String id) {
        return db.transactionResult(tx -> tx.restore(SavedFilter.class, id));
    }
}

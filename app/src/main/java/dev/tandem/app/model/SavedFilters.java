package dev.tandem.app.model;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.Db;
import dev.tandem.engine.Subscription;
import java.time.Clock;
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

    SavedFilters(Db db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every saved filter, in the person's order, then by name. */
    public List<SavedFilter> all() {
        return shown(db.query(SavedFilter.class, "SELECT * FROM saved_filters"));
    }

    /**
     * {@link #all()} now and again after every commit that changes a saved filter, handed to
     * {@code onResult} on {@code executor}.
     */
    public Subscription subscribe(Consumer<List<SavedFilter>> onResult, Executor executor) {
        return db.querySubscribe(SavedFilter.class, "SELECT * FROM saved_filters", List.of(),
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
                    tx.query(SavedFilter.class, "SELECT * FROM saved_filters").stream().map(SavedFilter::rank)
                            .filter(Objects::nonNull).max(String::compareTo).orElse(null), null));
            String c = color != null ? color : old.map(SavedFilter::color).orElse("");
            return tx.save(new SavedFilter(id, n, filter.text(), c, rank, old.map(SavedFilter::createdAt).orElse(clock.millis())));
        });
    }

    /** Removes the filter of that name; false when there is none. */
    public boolean remove(String name) {
        return db.delete(SavedFilter.class, DerivedIds.savedFilter(name));
    }

    /** Brings back a removed filter as it was: name, query, colour and place (undo). */
    public Optional<SavedFilter> restore(String id) {
        return db.transactionResult(tx -> tx.restore(SavedFilter.class, id));
    }
}

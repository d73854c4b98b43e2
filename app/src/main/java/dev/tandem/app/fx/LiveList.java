package dev.tandem.app.fx;

import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An {@link ObservableList} fed by a live query. Results may arrive on any thread; they are applied
 * on the UI executor in arrival order. A whole result is applied as a row-level diff keyed by id
 * ({@link ListDiff}), so unchanged rows stay put; a patch ({@link Feed#patch}) touches only the rows
 * it names, each put in its place by binary search, so an edit in a long list costs what the edit
 * costs, not what the list costs; a splice ({@link Feed#splice}) names the places itself, so it costs
 * no search either. Bursts coalesce: whatever is queued before the newest whole result is skipped, and
 * nothing else (a splice is relative to the rows before it, so none may be left out). Switching the
 * query ({@link #bind}, {@link #bindFeed}) drops results of the old one.
 */
public final class LiveList<T> implements AutoCloseable {
    private final RowList<T> items = new RowList<>();
    private final ObservableList<T> readOnly = FXCollections.unmodifiableObservableList(items);
    private final Function<? super T, ?> key;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentLinkedQueue<Op<T>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Runnable> beforeApply = new CopyOnWriteArrayList<>();
    private final List<Consumer<ListDiff.Stats>> afterApply = new CopyOnWriteArrayList<>();
    private final List<Consumer<T>> replaced = new CopyOnWriteArrayList<>();
    private volatile Subscription subscription;
    private volatile boolean loaded;
    private volatile boolean complete;
    private volatile long total = -1;
    /** The last whole result's count was its rows: the count follows the rows from then on. */
    private volatile boolean exact;
    /** The generation whose rows the list holds; read and written on the UI thread only. */
    private long appliedGeneration;

    /** What a live query hands in, from any thread. */
    public interface Feed<T> {
        /**
         * The whole result; {@code complete} is false for a first page the rest of which follows.
         * {@code total}: how many rows the query matches, more than {@code rows} when it shows only
         * some; -1 when unknown.
         */
        void reset(List<T> rows, boolean complete, long total);

        /** Rows with keys {@code changed} go; {@code rows} (those that still belong) come back in {@code order}. */
        void patch(Set<?> changed, List<T> rows, Comparator<? super T> order);

        /**
         * What changed since the rows this feed handed in before (its last whole result and the splices
         * after it), as splices applied in order; {@code total} as in {@link #reset}. Only after a reset.
         */
        void splice(List<ListSplice<T>> splices, long total);
    }

    /** A reset ({@code changed} and {@code splices} null), a patch ({@code changed}) or splices. */
    private record Op<T>(long generation, List<T> rows, boolean complete, long total, Set<?> changed,
                         Comparator<? super T> order, List<ListSplice<T>> splices) {
        boolean isReset() {
            return changed == null && splices == null;
        }
    }

    public LiveList(Function<? super T, ?> key, Executor ui) {
        this.key = Objects.requireNonNull(key, "key");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The rows; change them only through this class. */
    public ObservableList<T> items() {
        return readOnly;
    }

    /** True once the current query's first result (or its first page) was applied. */
    public boolean isLoaded() {
        return loaded;
    }

    /** True once the current query's whole result was applied, not just its first page. */
    public boolean isComplete() {
        return complete;
    }

    /**
     * How many rows the current query matches: the list's size, or more when it shows only some of
     * them (a search listing its newest matches); -1 while only a first page is shown. UI thread.
     */
    public long total() {
        // A whole result whose count was its rows is its rows as they stand now: patches (a delete, a
        // completion, a change from another device) move the count with the rows, and the rows' own
        // listeners read it right. A capped one (a search's newest of many) keeps its count.
        return exact ? items.size() : total;
    }

    /** Runs on the UI thread right before each diff is applied (e.g. to remember the selection). */
    public void onBeforeApply(Runnable r) {
        beforeApply.add(r);
    }

    /** Runs on the UI thread for each row a diff replaced with new content (same key). */
    public void onReplaced(Consumer<T> c) {
        replaced.add(c);
    }

    /** Runs on the UI thread right after each diff is applied (e.g. to restore the selection). */
    public void onAfterApply(Consumer<ListDiff.Stats> c) {
        afterApply.add(c);
    }

    /**
     * Switches to a new query. {@code subscribe} gets the sink for results and the executor to call
     * it on, and returns the subscription; the previous one is closed.
     */
    public void bind(BiFunction<Consumer<List<T>>, Executor, Subscription> subscribe) {
        bindFeed(feed -> subscribe.apply(rows -> feed.reset(rows, true, rows.size()), Runnable::run));
    }

    /** Switches to a new query that hands in whole results and patches through the given feed. */
    public void bindFeed(Function<Feed<T>, Subscription> subscribe) {
        long gen = generation.incrementAndGet();
        loaded = false;
        complete = false;
        exact = false;
        Subscription old = subscription;
        if (old != null) {
            old.close();
        }
        subscription = subscribe.apply(new Feed<>() {
            @Override
            public void reset(List<T> rows, boolean whole, long total) {
                enqueue(new Op<>(gen, List.copyOf(rows), whole, total, null, null, null));
            }

            @Override
            public void patch(Set<?> changed, List<T> rows, Comparator<? super T> order) {
                enqueue(new Op<>(gen, List.copyOf(rows), true, -1, Set.copyOf(changed), order, null));
            }

            @Override
            public void splice(List<ListSplice<T>> splices, long total) {
                enqueue(new Op<>(gen, List.of(), true, total, null, null, List.copyOf(splices)));
            }
        });
    }

    /** Hands a whole result in from any thread. */
    public void offer(List<T> rows) {
        enqueue(new Op<>(generation.get(), List.copyOf(rows), true, rows.size(), null, null, null));
    }

    private void enqueue(Op<T> op) {
        if (op.generation() != generation.get()) {
            return;
        }
        pending.add(op);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<Op<T>> ops = new ArrayList<>();
        for (Op<T> op; (op = pending.poll()) != null; ) {
            if (op.generation() != generation.get()) {
                continue;
            }
            if (op.isReset()) {
                ops.clear();
            }
            ops.add(op);
        }
        if (ops.isEmpty()) {
            return;
        }
        beforeApply.forEach(Runnable::run);
        List<T> changed = new ArrayList<>();
        ListDiff.Stats stats = new ListDiff.Stats(0, 0, 0, 0);
        for (Op<T> op : ops) {
            if (op.isReset()) {
                // Before the rows change, so listeners of the list read the flags that go with them.
                complete = op.complete();
                total = op.total();
                exact = op.complete() && op.total() == op.rows().size();
            }
            ListDiff.Stats s;
            if (op.splices() != null) {
                if (op.generation() != appliedGeneration) {
                    throw new IllegalStateException("a splice before its query's first result");
                }
                int size = items.size();
                for (ListSplice<T> sp : op.splices()) {
                    size += sp.rows().size() - sp.removed();
                }
                // The count it carries is the whole result's, as a reset's is; set before the rows change, as there.
                total = op.total();
                exact = complete && total == size;
                s = ListSplice.apply(items, op.splices(), key, changed::add);
            } else if (op.generation() != appliedGeneration) {
                // A new query's first result: no row of the old one is to be kept, so no diff.
                appliedGeneration = op.generation();
                items.setAll(op.isReset() ? op.rows() : List.of());
                s = new ListDiff.Stats(0, 0, items.size(), 0);
                if (!op.isReset()) {
                    s = ListPatch.apply(items, op.changed(), op.rows(), op.order(), key, changed::add);
                }
            } else {
                s = op.isReset() ? ListDiff.apply(items, op.rows(), key, changed::add)
                        : ListPatch.apply(items, op.changed(), op.rows(), op.order(), key, changed::add);
            }
            if (op.changed() != null && !exact && total >= 0) {
                // A first page's or a capped result's count is the index's: what a patch removes or adds moves it.
                total = Math.max(items.size(), total + s.inserted() - s.removed());
            }
            stats = new ListDiff.Stats(stats.removed() + s.removed(), stats.moved() + s.moved(),
                    stats.inserted() + s.inserted(), stats.replaced() + s.replaced());
        }
        for (T row : changed) {
            replaced.forEach(c -> c.accept(row));
        }
        loaded = true;
        for (Consumer<ListDiff.Stats> c : afterApply) {
            c.accept(stats);
        }
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }
}

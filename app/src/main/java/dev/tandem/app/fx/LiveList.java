package dev.tandem.app.fx;

import dev.tandem.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An {@link ObservableList} fed by a live query. Results may arrive on any thread; the latest one is
 * applied on the UI executor as a row-level diff keyed by id ({@link ListDiff}), so unchanged rows
 * stay put. Bursts coalesce: if several results arrive before the UI thread gets to them, only the
 * newest is applied. Switching the query ({@link #bind}) drops results of the old one.
 */
public final class LiveList<T> implements AutoCloseable {
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> readOnly = FXCollections.unmodifiableObservableList(items);
    private final Function<? super T, ?> key;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Pending<T>> pending = new AtomicReference<>();
    private final List<Runnable> beforeApply = new CopyOnWriteArrayList<>();
    private final List<Consumer<ListDiff.Stats>> afterApply = new CopyOnWriteArrayList<>();
    private final List<Consumer<T>> replaced = new CopyOnWriteArrayList<>();
    private volatile Subscription subscription;
    private volatile boolean loaded;

    private record Pending<T>(long generation, List<T> rows) {
    }

    public LiveList(Function<? super T, ?> key, Executor ui) {
        this.key = Objects.requireNonNull(key, "key");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The rows; change them only through this class. */
    public ObservableList<T> items() {
        return readOnly;
    }

    /** True once the current query's first result was applied. */
    public boolean isLoaded() {
        return loaded;
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
        long gen = generation.incrementAndGet();
        loaded = false;
        Subscription old = subscription;
        if (old != null) {
            old.close();
        }
        subscription = subscribe.apply(rows -> offer(gen, rows), Runnable::run);
    }

    /** Hands a result in from any thread. */
    public void offer(List<T> rows) {
        offer(generation.get(), rows);
    }

    private void offer(long gen, List<T> rows) {
        if (gen != generation.get()) {
            return;
        }
        if (pending.getAndSet(new Pending<>(gen, List.copyOf(rows))) == null) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        Pending<T> p = pending.getAndSet(null);
        if (p == null || p.generation() != generation.get()) {
            return;
        }
        beforeApply.forEach(Runnable::run);
        List<T> changed = new ArrayList<>();
        ListDiff.Stats stats = ListDiff.apply(items, p.rows(), key, changed::add);
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

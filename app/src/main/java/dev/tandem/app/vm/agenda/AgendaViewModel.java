package dev.tandem.app.vm.agenda;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.AgendaItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.calendar.EventEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The agenda's rows ({@link AgendaPlan}), live: subscribed while the agenda is shown, again when the
 * date changes, and let go when another view is shown. Each commit (here or synced from another
 * device) re-runs its query and lays the rows out again on the database's callback thread; only the
 * diff reaches the UI executor, so a remote edit moves a row between days without a reload or any
 * work on the UI thread. Needs no toolkit.
 */
public final class AgendaViewModel implements AutoCloseable {
    private final TodoStore store;
    private final Async async;
    private final ObservableValue<LocalDate> today;
    private final LiveList<AgendaRow> rows;
    /** Marks a row done, undoably: the window's commands. */
    private final BiConsumer<ItemRow, Boolean> setDone;
    private final Consumer<ItemRow> select;
    private boolean shown;
    private volatile BiFunction<LocalDate, LocalDate, List<EventEntry>> events = (a, b) -> List.of();

    /** {@code select} opens a todo in the editor, as selecting it in a list does. */
    public AgendaViewModel(TodoStore store, Async async, ObservableValue<Listing> view, ObservableValue<LocalDate> today,
            BiConsumer<ItemRow, Boolean> setDone, Consumer<ItemRow> select) {
        this.store = store;
        this.async = async;
        this.today = today;
        this.setDone = setDone;
        this.select = select;
        this.rows = new LiveList<>(AgendaRow::key, async.ui());
        view.addListener((o, a, v) -> follow(v));
        today.addListener((o, a, d) -> {
            if (shown) {
                bind();
            }
        });
    }

    /** On the UI executor, when the view changes: subscribes while the agenda is shown. */
    private void follow(Listing v) {
        boolean agenda = v instanceof Listing.Agenda;
        if (agenda && !shown) {
            shown = true;
            bind();
        } else if (!agenda && shown) {
            shown = false;
            async.run(() -> {
                rows.close();
                return null;
            }, r -> { });
        }
    }

    private void bind() {
        LocalDate day = today.getValue();
        LocalDate last = day.plusDays(AgendaPlan.DAYS - 1L);
        async.run(() -> {
            rows.bindFeed(feed -> {
                // The events of the days shown are read once per binding (and again after a refresh), not per commit.
                List<EventEntry> shownEvents = readEvents(day, last);
                // A first page at once (the index on due), so the first frame does not wait for thousands of rows.
                List<Item> first = AgendaItems.firstPage(store, last);
                if (first.size() == AgendaItems.FIRST_PAGE) {
                    List<AgendaRow> page = AgendaPlan.firstPage(first, shownEvents, day, AgendaPlan.DAYS);
                    feed.reset(page, false, -1);
                }
                return AgendaItems.subscribe(store, last, items -> {
                    List<AgendaRow> all = AgendaPlan.of(items, shownEvents, day, AgendaPlan.DAYS);
                    feed.reset(all, true, all.size());
                }, Runnable::run);
            });
            return null;
        }, r -> { });
    }

    private List<EventEntry> readEvents(LocalDate first, LocalDate last) {
        try {
            return events.apply(first, last);
        } catch (RuntimeException e) {
            // The todos still show when the calendars' store cannot be read; the failure is said once.
            async.ui().execute(() -> async.report(e));
            return List.of();
        }
    }

    /** Where the subscribed calendars' events of the days shown come from, read on the background executor. */
    public void useEvents(BiFunction<LocalDate, LocalDate, List<EventEntry>> source) {
        this.events = source;
    }

    /** The calendars were read again: the days shown read their events anew. */
    public void eventsChanged() {
        if (shown) {
            bind();
        }
    }

    /** The headings and rows, on the UI executor. */
    public ObservableList<AgendaRow> rows() {
        return rows.items();
    }

    /** The live list behind {@link #rows}: whether the first result is in, hooks around each update. */
    public LiveList<AgendaRow> live() {
        return rows;
    }

    /** Opens a todo's row in the editor; an occurrence opens its series' open todo. Headings open nothing. */
    public void open(AgendaRow row) {
        select.accept(row == null || !row.isTodo() ? null : row.row());
    }

    /**
     * Ticks a row: a todo (its own date, or overdue) is completed, undoably, as in any list; a later date
     * of a repeating todo is not there yet and stays as it is. True when something was completed.
     */
    public boolean complete(AgendaRow row) {
        if (row == null || !row.canComplete()) {
            return false;
        }
        setDone.accept(row.row(), true);
        return true;
    }

    @Override
    public void close() {
        rows.close();
    }
}

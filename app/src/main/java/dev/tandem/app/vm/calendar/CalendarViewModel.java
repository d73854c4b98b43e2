package dev.tandem.app.vm.calendar;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The week and month grids ({@link CalendarPlan}), live: while the calendar is shown, one query for the
 * days on screen ({@link dev.tandem.app.model.CalendarItems}) is subscribed, and each commit (here or synced from another
 * device) re-runs it and lays the days out again on the database's callback thread; only the finished
 * plan reaches the UI executor ({@link LivePlan}). Going to another week or month subscribes for that range instead. Also
 * the selection (a day, and a todo on it), what the arrow keys do to it, and moves ({@link CalendarMoves}).
 * Needs no toolkit; properties change on the UI executor only.
 */
public final class CalendarViewModel implements AutoCloseable {
    private final Async async;
    private final ObservableValue<LocalDate> today;
    private final Consumer<ItemRow> select;
    private final Supplier<DayOfWeek> weekStart;
    private final CalendarMoves moves;
    private final ReadOnlyObjectWrapper<CalendarRange> range;
    private final ReadOnlyObjectWrapper<CalendarPlan> plan;
    private final ReadOnlyObjectWrapper<LocalDate> selectedDate;
    private final ReadOnlyObjectWrapper<String> selectedKey = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    /** The query for the range shown, while the calendar is shown; it sets the plan. */
    private final LivePlan live;
    private boolean shown;
    private final ReadOnlyStringWrapper feedProblem = new ReadOnlyStringWrapper("");
    private CalendarFeeds feeds;
    /** The list's todo last dragged toward the calendar and its length (0: none); FX thread only. */
    private String draggedItemId;
    private int draggedItemMinutes;

    /** Weeks start on the first day of the week of {@code locale}. */
    public CalendarViewModel(TodoStore store, Async async, ObservableValue<Listing> view, ObservableValue<LocalDate> today,
            UndoManager undo, Questions dialogs, Consumer<String> say, Consumer<ItemRow> select, Locale locale) {
        this(store, async, view, today, undo, dialogs, say, select, () -> WeekFields.of(locale).getFirstDayOfWeek());
    }

    /** Weeks start on the day {@code weekStart} gives, read again by {@link #weekStartChanged}. */
    public CalendarViewModel(TodoStore store, Async async, ObservableValue<Listing> view, ObservableValue<LocalDate> today,
            UndoManager undo, Questions dialogs, Consumer<String> say, Consumer<ItemRow> select,
            Supplier<DayOfWeek> weekStart) {
        this.async = async;
        this.today = today;
        this.select = select;
        this.weekStart = weekStart;
        this.moves = new CalendarMoves(store, async, undo, dialogs, say);
        CalendarRange r = CalendarRange.of(CalendarRange.Mode.WEEK, today.getValue(), weekStart.get());
        this.range = new ReadOnlyObjectWrapper<>(r);
        this.plan = new ReadOnlyObjectWrapper<>(CalendarPlan.empty(r));
        this.live = new LivePlan(store, async, plan, loaded);
        this.selectedDate = new ReadOnlyObjectWrapper<>(today.getValue());
        if (view != null) {
            view.addListener((o, a, v) -> follow(v instanceof Listing.Calendar));
        }
    }

    /** On the UI executor: subscribes while the calendar is shown, lets go when another view is. */
    void follow(boolean calendar) {
        if (calendar && !shown) {
            shown = true;
            // Shown again: what was read ahead before it was hidden may be stale (a calendar switched off meanwhile).
            live.forgetEvents();
            live.bind(range.get());
        } else if (!calendar && shown) {
            shown = false;
            live.stop();
        }
    }

    /**
     * Where the events of subscribed calendars come from: the entries of a range, read on the background
     * executor. Called once, before the calendar first shows.
     */
    public void useEvents(Function<CalendarRange, List<EventEntry>> source) {
        useEvents(source, async.io());
    }

    /**
     * As {@link #useEvents(Function)}, the reads on {@code reads}: an executor other than the background one lets
     * a range's events be read while its todos are asked for.
     */
    public void useEvents(Function<CalendarRange, List<EventEntry>> source, Executor reads) {
        live.useEvents(source, reads);
    }

    /** The subscribed calendars' refresh while the window runs: its problems show, it ends with this. */
    public void useFeeds(CalendarFeeds f) {
        this.feeds = f;
        feedProblem.bind(f.problemProperty());
    }

    /** Why subscribed calendars could not be read at their last refresh, one per line; "" when all could. */
    public ReadOnlyStringProperty feedProblemProperty() {
        return feedProblem.getReadOnlyProperty();
    }

    /** The plan of {@code r} as its live query has it (the range shown or one either side), else null; for tests. */
    CalendarPlan readAhead(CalendarRange r) {
        return live.planOf(r);
    }

    /** The calendars were read again: the range shown reads its events anew. */
    public void eventsChanged() {
        live.forgetEvents();
        if (shown) {
            live.bind(range.get());
        }
    }

    /** The days shown: a week or a month. */
    public ReadOnlyObjectProperty<CalendarRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The todos of the days shown, laid out; an empty plan until the first result is in. */
    public ReadOnlyObjectProperty<CalendarPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** True once the plan is the current range's. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> selectedDateProperty() {
        return selectedDate.getReadOnlyProperty();
    }

    /** The selected todo's {@link CalendarEntry#key}, or null. */
    public ReadOnlyObjectProperty<String> selectedKeyProperty() {
        return selectedKey.getReadOnlyProperty();
    }

    public LocalDate today() {
        return today.getValue();
    }

    public boolean isWeek() {
        return range.get().mode() == CalendarRange.Mode.WEEK;
    }

    public void setMode(CalendarRange.Mode mode) {
        if (range.get().mode() != mode) {
            show(CalendarRange.of(mode, selectedDate.get(), weekStart.get()));
        }
    }

    /** The first day of the week was chosen again (Settings): the week or month shown starts on it now. */
    public void weekStartChanged() {
        CalendarRange r = range.get();
        if (r.weekStart() != weekStart.get()) {
            show(CalendarRange.of(r.mode(), selectedDate.get(), weekStart.get()));
        }
    }

    public void toggleMode() {
        setMode(isWeek() ? CalendarRange.Mode.MONTH : CalendarRange.Mode.WEEK);
    }

    /** The week or month before, the selected day moved back as far. */
    public void previous() {
        LocalDate d = selectedDate.get();
        selectDay(isWeek() ? d.minusWeeks(1) : d.minusMonths(1));
    }

    /** The week or month after, the selected day moved on as far. */
    public void next() {
        LocalDate d = selectedDate.get();
        selectDay(isWeek() ? d.plusWeeks(1) : d.plusMonths(1));
    }

    /** Back to the range with today in it, today selected. */
    public void goToday() {
        selectDay(today.getValue());
    }

    private void show(CalendarRange r) {
        if (r.equals(range.get())) {
            return;
        }
        range.set(r);
        // A neighbour's plan is read ahead: shown in this pulse, else the empty grid until the range's comes.
        CalendarPlan ready = shown ? live.bind(r) : null;
        plan.set(ready != null ? ready : CalendarPlan.empty(r));
    }

    /** Selects a day (no todo on it), going to its week or month if it is not shown. */
    public void selectDay(LocalDate d) {
        selectedDate.set(d);
        selectedKey.set(null);
        CalendarRange r = range.get();
        if (!r.contains(d) || (r.mode() == CalendarRange.Mode.MONTH && !d.getMonth().equals(r.anchor().getMonth()))) {
            show(r.around(d));
        }
    }

    /** Selects a todo and shows it in the editor, as selecting it in a list does. */
    public void selectEntry(CalendarEntry e) {
        if (e == null) {
            return;
        }
        selectDay(e.date());
        selectedKey.set(e.key());
        select.accept(e.row());
    }

    /** The selected todo, if it is on screen. */
    public Optional<CalendarEntry> selected() {
        return plan.get().entry(selectedKey.get());
    }

    /** Left and Right: the day before or after, its first todo selected (none on an empty day). */
    public void stepDay(int days) {
        LocalDate d = selectedDate.get().plusDays(days);
        selectDay(d);
        CalendarDay day = plan.get().day(d);
        if (day != null && !day.entries().isEmpty()) {
            selectEntry(day.entries().get(0));
        }
    }

    /**
     * Up and Down: in the week, the todo before or after the selected one on its day (the first from none);
     * in the month, the same weekday a week before or after.
     */
    public void stepVertical(int dir) {
        if (!isWeek()) {
            stepDay(7 * dir);
            return;
        }
        CalendarDay day = plan.get().day(selectedDate.get());
        if (day == null || day.entries().isEmpty()) {
            return;
        }
        List<CalendarEntry> entries = day.entries();
        int at = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(selectedKey.get())) {
                at = i;
            }
        }
        int next = at < 0 ? 0 : Math.max(0, Math.min(entries.size() - 1, at + dir));
        selectEntry(entries.get(next));
    }

    /** Enter: the selected todo is shown in the editor; false when no todo is selected. */
    public boolean open() {
        Optional<CalendarEntry> e = selected();
        e.ifPresent(x -> select.accept(x.row()));
        return e.isPresent();
    }

    /**
     * Moves the selected todo by {@code days} and {@code minutes} (a timed todo only, kept within its day),
     * one undoable step; the selection follows it. False when nothing moved.
     */
    public boolean moveSelected(int days, int minutes) {
        Optional<CalendarEntry> sel = selected();
        if (sel.isEmpty()) {
            return false;
        }
        CalendarEntry e = sel.get();
        LocalTime time = e.time();
        if (minutes != 0) {
            if (time == null) {
                return false;
            }
            int m = CalendarPlan.minuteOf(time) + minutes;
            if (m < 0 || m > TimeBlock.DAY_MINUTES - GridGeometry.SNAP_MINUTES) {
                return false;
            }
            time = LocalTime.MIN.plusMinutes(m);
        }
        return move(e, e.date().plusDays(days), time);
    }

    /**
     * Moves a todo to a day, at {@code time} (null keeps its time): a drag on the grid or a keyboard move.
     * The selection follows a todo that is not a repeating one's later date.
     */
    public boolean move(CalendarEntry e, LocalDate date, LocalTime time) {
        boolean moved = moves.move(e, date, time);
        if (moved) {
            selectedDate.set(date);
            if (!range.get().contains(date)) {
                show(range.get().around(date));
            }
            selectedKey.set(e.occurrence() ? null : e.key());
        }
        return moved;
    }

    /**
     * While {@code dragged} is dragged over the week's hour grid to start on {@code date} at {@code time}: the free
     * time around that point on the day shown ({@link FreeSlot}), for its length; null off the days shown.
     */
    public FreeSlot freeSlot(CalendarEntry dragged, LocalDate date, LocalTime time) {
        CalendarDay day = date == null || time == null ? null : plan.get().day(date);
        if (day == null) {
            return null;
        }
        int length = dragged == null ? CalendarEntry.DEFAULT_MINUTES : dragged.minutes();
        return FreeSlot.around(day, CalendarPlan.minuteOf(time), length, dragged == null ? null : dragged.key());
    }

    /**
     * A todo of the item list starts being dragged toward the calendar: its row (which the list already holds)
     * gives its length, for {@link #freeSlotForItem} while it is over the week, as the drag data holds only its id.
     */
    public void itemDragStarted(ItemRow row) {
        draggedItemId = row.id();
        draggedItemMinutes = row.lengthMinutes();
    }

    /**
     * As {@link #freeSlot} for a todo dragged in from the item list: its length from its block when the week shows
     * it, else from its row ({@link #itemDragStarted}), else {@value CalendarEntry#DEFAULT_MINUTES} minutes.
     */
    public FreeSlot freeSlotForItem(String itemId, LocalDate date, LocalTime time) {
        CalendarEntry shownEntry = plan.get().entry(itemId).orElse(null);
        if (shownEntry != null) {
            return freeSlot(shownEntry, date, time);
        }
        CalendarDay day = date == null || time == null ? null : plan.get().day(date);
        if (day == null) {
            return null;
        }
        int m = itemId.equals(draggedItemId) && draggedItemMinutes > 0 ? draggedItemMinutes : CalendarEntry.DEFAULT_MINUTES;
        return FreeSlot.around(day, CalendarPlan.minuteOf(time), m, itemId);
    }

    /** A todo dragged in from the item list, dropped on a day (at {@code time}, or keeping its own when null). */
    public void dropItem(String itemId, String title, LocalDate date, LocalTime time) {
        moves.setDue(itemId, title, date, time, CalendarMoves.where(date, time));
    }

    @Override
    public void close() {
        if (feeds != null) {
            feeds.close();
        }
        live.close();
    }
}

package dev.tandem.app.vm.calendar;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Moving todos on the calendar, each move one undoable step: a todo to another day (keeping its time) or
 * another time. A repeating todo asks first: "This one" detaches the open occurrence as completing it
 * would (the series goes on from the next date, a new row; the moved one stops repeating), "The series"
 * shifts the series by as many days (a weekly rule on set weekdays shifts its weekdays with it) and takes
 * the new time. A later date of a series (computed, not stored) can only move with its series. Writes
 * run on the background executor; the dialogs on the UI thread.
 */
final class CalendarMoves {

    private final TodoStore store;
    private final SeriesStore series;
    private final Async async;
    private final UndoManager undo;
    private final Questions dialogs;
    private final Consumer<String> say;

    CalendarMoves(TodoStore store, Async async, UndoManager undo, Questions dialogs, Consumer<String> say) {
        this.store = store;
        this.series = store.series();
        this.async = async;
        this.undo = undo;
        this.dialogs = dialogs;
        this.say = say;
    }

    /**
     * Moves {@code e} to {@code date}, at {@code time} (null: the time it has, or none). False when nothing
     * moves: the same place, or the question about a repeating todo cancelled.
     */
    boolean move(CalendarEntry e, LocalDate date, LocalTime time) {
        LocalTime newTime = time != null ? time : e.time();
        if (date.equals(e.date()) && Objects.equals(newTime, e.time())) {
            return false;
        }
        String where = where(date, newTime);
        Item it = e.item();
        if (!e.repeats()) {
            setDue(it.id(), it.titleOrEmpty(), date, newTime, where);
            return true;
        }
        long days = ChronoUnit.DAYS.between(e.date(), date);
        if (e.occurrence()) {
            if (!dialogs.confirm(Messages.text("main.calendar.moveRepeating.title"), days == 0
                    ? Messages.text("main.calendar.moveRepeating.seriesText", it.titleOrEmpty())
                    : Messages.text("main.calendar.moveRepeating.seriesTextBy", it.titleOrEmpty(), days),
                    Messages.text("main.calendar.moveRepeating.seriesButton"))) {
                return false;
            }
            moveSeries(it, days, newTime, where);
            return true;
        }
        Optional<Integer> pick = dialogs.choose(Messages.text("main.calendar.moveRepeating.title"),
                Messages.text("main.calendar.moveRepeating.choice", it.titleOrEmpty()),
                List.of(Messages.text("main.calendar.moveRepeating.thisOne"),
                        Messages.text("main.calendar.moveRepeating.theSeries")));
        if (pick.isEmpty()) {
            return false;
        }
        if (pick.get() == 0) {
            detach(it.id(), it.titleOrEmpty(), date, newTime, where);
        } else {
            moveSeries(it, days, newTime, where);
        }
        return true;
    }

    /** Where a todo went, as the message line says it: "Fri 27 Nov", "Fri 27 Nov, 14:00". */
    static String where(LocalDate date, LocalTime time) {
        return time == null ? Formats.day(date) : Formats.dayTime(date.atTime(time));
    }

    /** Sets a todo's due date (and time, if given; else it keeps its own): a drop from the item list, a plain move. */
    void setDue(String id, String title, LocalDate date, LocalTime time, String where) {
        async.run(() -> store.update(id, x -> placed(x, date, time == null ? x.timeOfDay() : time)), before -> before
                .ifPresent(b -> {
                    LocalTime t = time == null ? b.timeOfDay() : time;
                    undo.push(Messages.text("main.undo.move", title), () -> store.update(id, x -> restored(x, b)),
                            () -> store.update(id, x -> placed(x, date, t)));
                    say.accept(Messages.text("main.done.movedTo", title, where));
                }));
    }

    /** The open occurrence moves alone: the series goes on from its next date, as completing this one would. */
    private void detach(String id, String title, LocalDate date, LocalTime time, String where) {
        async.run(() -> series.detach(id, x -> placed(x, date, time)), step -> step.ifPresent(st -> {
            // Redo detaches again (making the next date again); undo then takes back that step.
            AtomicReference<SeriesStore.Step> last = new AtomicReference<>(st);
            undo.push(Messages.text("main.undo.move", title), () -> series.undetach(last.get()),
                    () -> series.detach(id, x -> placed(x, date, time)).ifPresent(last::set));
            say.accept(Messages.text("main.done.movedToSeriesGoesOn", title, where));
        }));
    }

    private void moveSeries(Item it, long days, LocalTime time, String where) {
        String id = it.id();
        async.run(() -> store.update(id, x -> shifted(x, days, time)), before -> before.ifPresent(b -> {
            undo.push(Messages.text("main.undo.moveSeries", b.titleOrEmpty()), () -> store.update(id, x -> restored(x, b)
                    .withRepeat(b.repeat(), b.seriesId())), () -> store.update(id, x -> shifted(x, days, time)));
            say.accept(days == 0 ? Messages.text("main.done.movedSeriesTo", b.titleOrEmpty(), where)
                    : Messages.text("main.done.movedSeriesBy", b.titleOrEmpty(), days));
        }));
    }

    /** The series' open todo {@code days} later, at {@code time}, its weekly weekdays shifted with it. */
    static Item shifted(Item x, long days, LocalTime time) {
        LocalDate due = x.dueDate();
        Item moved = placed(x, due == null ? null : due.plusDays(days), time);
        Recurrence r = x.recurrence();
        if (r != null && !r.byDay().isEmpty() && days % 7 != 0) {
            Set<DayOfWeek> shiftedDays = r.byDay().stream().map(d -> d.plus(days)).collect(Collectors.toSet());
            moved = moved.withRepeat(new Recurrence(r.freq(), r.interval(), shiftedDays, r.byMonthDay(), r.byMonth())
                    .toRule(), x.seriesId());
        }
        return moved;
    }

    static Item placed(Item x, LocalDate date, LocalTime time) {
        return x.withDue(date).withDueTime(time);
    }

    private static Item restored(Item x, Item b) {
        return x.withDue(b.dueDate()).withDueTimeText(b.dueTime());
    }
}

package dev.tandem.app.vm.calendar;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.DayPlanner;
import dev.tandem.app.model.events.DayPlanner.Hours;
import dev.tandem.app.model.events.DayPlanner.Plan;
import dev.tandem.app.model.events.DayPlanner.Slot;
import dev.tandem.app.model.events.DayPlanner.Unplaced;
import dev.tandem.app.model.events.PlannedTimes;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Plan my day" in the window (and "Plan this day" for another day): reads the day's todos and events off the UI
 * thread, proposes times ({@link DayPlanner}), shows them for the person to confirm (what does not fit listed under them), and
 * writes the confirmed times as one step ({@link PlannedTimes}) that one Undo takes back whole. Nothing is
 * written before the person says yes; a todo timed, moved or ticked meanwhile keeps what it has, and a proposal
 * whose slot a todo or event took meanwhile is not written but named in the feedback line.
 */
public final class DayPlanning {
    /** How many proposals, and how many todos that do not fit, the question lists by name; the rest are counted. */
    static final int SHOWN = 25;
    private final TodoStore store;
    private final Async async;
    private final Questions dialogs;
    private final UndoManager undo;
    private final Consumer<String> say;
    private final PlannedTimes times;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private volatile Function<LocalDate, List<CalendarEvent>> events = d -> List.of();
    private volatile Supplier<Hours> hours = () -> DayPlanner.DEFAULT_HOURS;

    public DayPlanning(TodoStore store, Async async, Questions dialogs, UndoManager undo, Consumer<String> say) {
        this.store = Objects.requireNonNull(store, "store");
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.say = say;
        this.times = new PlannedTimes(store);
    }

    /** Where the day's events come from (the subscribed calendars'); called on the background executor. */
    public void useEvents(Function<LocalDate, List<CalendarEvent>> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Where this device's working hours come from; called on the background executor. */
    public void useHours(Supplier<Hours> hours) {
        this.hours = Objects.requireNonNull(hours, "hours");
    }

    /** True from a click until the proposals are shown (the button does not start a second plan). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Plans today: proposes, asks, and applies what the person confirms as one undoable step. */
    public void planToday() {
        plan(null);
    }

    /**
     * Plans {@code day} ("Plan this day" on a day's header in the week or the agenda) as {@link #planToday} plans
     * today: the same planner, the same question and write, one undo step. A past day has no time left to plan.
     */
    public void planDay(LocalDate day) {
        plan(Objects.requireNonNull(day, "day"));
    }

    /** {@code chosen} null: today, as the clock has it when the plan is made. */
    private void plan(LocalDate chosen) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        async.run(() -> {
            LocalDateTime now = LocalDateTime.now(store.dateClock());
            LocalDate day = chosen == null ? now.toLocalDate() : chosen;
            return DayPlanner.plan(day, hours.get(), now, events.apply(day), store.dateClock().getZone(),
                    CalendarItems.query(store, day, day));
        }, plan -> {
            busy.set(false);
            show(plan, chosen != null && !plan.day().equals(LocalDate.now(store.dateClock())));
        }, e -> {
            busy.set(false);
            async.report(e);
        });
    }

    private void show(Plan plan, boolean otherDay) {
        String day = Formats.day(plan.day(), LocalDate.now(store.dateClock()));
        if (plan.empty()) {
            say.accept(otherDay ? Messages.text("main.plan.nothingOn", day) : Messages.text("main.plan.nothing"));
            return;
        }
        String title = otherDay ? Messages.text("main.plan.titleOn", day) : Messages.text("main.plan.title");
        if (plan.slots().isEmpty()) {
            dialogs.notify(title, (otherDay ? Messages.text("main.plan.noneFitOn", day) : Messages.text("main.plan.noneFit"))
                    + "\n" + unplaced(plan, otherDay), false);
            return;
        }
        if (!dialogs.confirm(title, text(plan, otherDay), Messages.text("main.plan.apply", plan.slots().size()))) {
            return;
        }
        LocalDate when = plan.day();
        Map<String, LocalTime> chosen = new LinkedHashMap<>();
        plan.slots().forEach(s -> chosen.put(s.todo().id(), s.start()));
        // The events live in calendars.sqlite, not in the write's database: read again just before the write,
        // they are checked as they are then; the timed todos are read inside the write's transaction.
        async.run(() -> times.apply(when, chosen, events.apply(when), store.dateClock().getZone()), applied -> {
            if (applied.count() == 0 && applied.taken().isEmpty()) {
                say.accept(Messages.text("main.plan.changed"));
                return;
            }
            if (applied.count() > 0) {
                String label = Messages.text("main.undo.plan");
                PlannedTimes.Applied[] current = {applied};
                undo.push(label, () -> times.undo(current[0]), () -> current[0] = redo(when, current[0]));
            }
            say.accept(feedback(applied));
        });
    }

    /**
     * Redo, on the background executor: the same todos at the same times, each only if its slot is still free,
     * the events read again as the first write reads them; what is not planned again is said.
     */
    private PlannedTimes.Applied redo(LocalDate day, PlannedTimes.Applied before) {
        PlannedTimes.Applied again = times.redo(day, before, events.apply(day), store.dateClock().getZone());
        if (!again.taken().isEmpty()) {
            String said = feedback(again);
            async.ui().execute(() -> say.accept(said));
        }
        return again;
    }

    /** "Planned 2 todos." and, when some slots were taken meanwhile, which todos were left without a time. */
    static String feedback(PlannedTimes.Applied applied) {
        List<String> parts = new ArrayList<>();
        if (applied.count() > 0) {
            parts.add(Messages.text("main.plan.done", applied.count()));
        }
        List<Item> taken = applied.taken();
        if (!taken.isEmpty()) {
            List<String> titles = new ArrayList<>();
            taken.subList(0, Math.min(SHOWN, taken.size())).forEach(it -> titles.add(it.title()));
            if (taken.size() > SHOWN) {
                titles.add(Messages.text("main.plan.more", taken.size() - SHOWN));
            }
            parts.add(Messages.text("main.plan.taken", taken.size(), String.join(", ", titles)));
        }
        return String.join(" ", parts);
    }

    /** The proposals, one a line ("09:30–10:00  Call the bank"), then what does not fit and why. */
    static String text(Plan plan) {
        return text(plan, false);
    }

    static String text(Plan plan, boolean otherDay) {
        StringBuilder b = new StringBuilder(Messages.text("main.plan.intro", Formats.time(plan.hours().start()),
                Formats.time(plan.hours().end())));
        List<Slot> slots = plan.slots();
        for (Slot s : slots.subList(0, Math.min(SHOWN, slots.size()))) {
            b.append('\n').append(Formats.time(s.start())).append('–').append(Formats.time(s.end())).append("  ")
                    .append(s.todo().title());
        }
        if (slots.size() > SHOWN) {
            b.append('\n').append(Messages.text("main.plan.more", slots.size() - SHOWN));
        }
        if (!plan.unplaced().isEmpty()) {
            b.append("\n\n").append(Messages.text("main.plan.doesNotFit")).append('\n').append(unplaced(plan, otherDay));
        }
        return b.toString();
    }

    private static String unplaced(Plan plan, boolean otherDay) {
        StringBuilder b = new StringBuilder();
        List<Unplaced> all = plan.unplaced();
        for (Unplaced u : all.subList(0, Math.min(SHOWN, all.size()))) {
            b.append(b.length() == 0 ? "" : "\n").append(u.todo().title()).append(": ").append(Messages.text(
                    switch (u.reason()) {
                        case DAY_OVER -> otherDay ? "main.plan.reason.dayOverOn" : "main.plan.reason.dayOver";
                        case LONGER_THAN_HOURS -> "main.plan.reason.longerThanHours";
                        case NO_GAP -> "main.plan.reason.noGap";
                    }));
        }
        if (all.size() > SHOWN) {
            b.append('\n').append(Messages.text("main.plan.more", all.size() - SHOWN));
        }
        return b.toString();
    }
}

package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The week's header above the hour grid: per day its name and date ({@code :today}) and the all-day strip, the
 * day's all-day events first, then its all-day todos' chips, then "+k more". Chips are reused from plan to plan
 * and the ones left over hidden; todos' chips come from the grid ({@code newChip}), which makes them draggable.
 * A day name's context menu offers "Plan this day".
 */
final class WeekHeader extends GridPane {
    private final Label[] names = new Label[7];
    private final VBox[] allDays = new VBox[7];
    private final Label[] mores = new Label[7];
    private final List<List<Label>> chips = new ArrayList<>();
    /** Per day, the all-day events' chips, above its todos' (reused like {@link #chips}). */
    private final List<List<Label>> eventChips = new ArrayList<>();
    private final Supplier<Label> newChip;

    /** {@code planDay}: "Plan this day", from a day name's context menu, with that day. */
    WeekHeader(Supplier<Label> newChip, Consumer<LocalDate> planDay) {
        this.newChip = newChip;
        getColumnConstraints().add(new ColumnConstraints(WeekHours.GUTTER, WeekHours.GUTTER, WeekHours.GUTTER));
        for (int i = 0; i < 7; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(-1);
            c.setHgrow(Priority.ALWAYS);
            c.setMinWidth(0);
            c.setPrefWidth(10);
            getColumnConstraints().add(c);
        }
        for (int i = 0; i < 7; i++) {
            names[i] = new Label();
            names[i].getStyleClass().add(Styles.CALENDAR_DAY_HEADER);
            names[i].setMaxWidth(Double.MAX_VALUE);
            Label name = names[i];
            MenuItem plan = new MenuItem(Messages.text("main.plan.thisDay"));
            plan.setOnAction(e -> {
                if (name.getUserData() instanceof LocalDate d) {
                    planDay.accept(d);
                }
            });
            name.setContextMenu(new ContextMenu(plan));
            add(names[i], i + 1, 0);
            mores[i] = new Label();
            mores[i].getStyleClass().add(Styles.CALENDAR_MORE);
            allDays[i] = new VBox(mores[i]);
            allDays[i].getStyleClass().add(Styles.CALENDAR_ALL_DAY);
            allDays[i].setMinHeight(26);
            add(allDays[i], i + 1, 1);
            chips.add(new ArrayList<>());
            eventChips.add(new ArrayList<>());
        }
    }

    /** The day names, which the selection marks as it marks the hour grid's columns. */
    List<Region> dayNodes() {
        return List.of(names);
    }

    /** Shows the plan's days in the nodes already there, making chips only when a day holds more than ever before. */
    void show(CalendarPlan p, LocalDate today) {
        List<String> dayNames = p.range().weekdayNames();
        for (int i = 0; i < 7; i++) {
            CalendarDay day = p.days().get(i);
            boolean isToday = day.date().equals(today);
            names[i].setText(Messages.text("main.calendar.dayHeading", dayNames.get(i),
                    String.valueOf(day.date().getDayOfMonth())));
            names[i].pseudoClassStateChanged(PseudoStates.TODAY, isToday);
            names[i].setUserData(day.date());
            allDays[i].pseudoClassStateChanged(PseudoStates.TODAY, isToday);
            List<Label> events = eventChips.get(i);
            List<EventEntry> allDayEvents = day.allDayEvents();
            for (int k = 0; k < Math.max(allDayEvents.size(), events.size()); k++) {
                if (k == events.size()) {
                    Label chip = EventNodes.make();
                    events.add(chip);
                    allDays[i].getChildren().add(k, chip);
                }
                EventNodes.show(events.get(k), k < allDayEvents.size() ? allDayEvents.get(k) : null, false);
            }
            List<Label> pool = chips.get(i);
            List<CalendarEntry> entries = day.allDay();
            for (int k = 0; k < Math.max(entries.size(), pool.size()); k++) {
                if (k == pool.size()) {
                    Label chip = newChip.get();
                    pool.add(chip);
                    allDays[i].getChildren().add(events.size() + k, chip);
                }
                TodoNodes.show(pool.get(k), k < entries.size() ? entries.get(k) : null);
            }
            mores[i].setText(Messages.text("main.calendar.more", day.moreAllDay()));
            mores[i].setVisible(day.moreAllDay() > 0);
            mores[i].setManaged(day.moreAllDay() > 0);
        }
    }
}

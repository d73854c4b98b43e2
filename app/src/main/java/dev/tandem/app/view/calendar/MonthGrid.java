package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.GridGeometry;
import dev.tandem.ui.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The month: the weekday names, then 6 weeks of 7 day cells, each with its date ({@code :today},
 * {@code :outside} for the months around) and the todos its height holds, then "+k more", which opens the
 * day in the week ({@link MonthCell}). A todo dragged to another cell moves to that day, keeping its time.
 * The cells and their chips are made once and show each month's plan in turn; a week's plan (the grid is
 * hidden then) leaves them as they are.
 */
final class MonthGrid extends BorderPane {
    private final CalendarViewModel vm;
    private final Runnable onOpen;
    private final GridPane names = new GridPane();
    private final GridPane cells = new GridPane();
    private final Label[] nameLabels = new Label[7];
    private final List<MonthCell> cellNodes = new ArrayList<>();
    private CalendarPlan plan;

    MonthGrid(CalendarViewModel vm, Runnable onOpen) {
        this.vm = vm;
        this.onOpen = onOpen;
        setId("calendar-month");
        for (GridPane g : new GridPane[] {names, cells}) {
            for (int i = 0; i < 7; i++) {
                ColumnConstraints c = new ColumnConstraints();
                c.setPercentWidth(100.0 / 7);
                g.getColumnConstraints().add(c);
            }
        }
        for (int r = 0; r < CalendarRange.MONTH_WEEKS; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / CalendarRange.MONTH_WEEKS);
            rc.setVgrow(Priority.ALWAYS);
            cells.getRowConstraints().add(rc);
        }
        for (int i = 0; i < 7; i++) {
            nameLabels[i] = new Label();
            nameLabels[i].getStyleClass().add(Styles.CALENDAR_DAY_HEADER);
            nameLabels[i].setMaxWidth(Double.MAX_VALUE);
            names.add(nameLabels[i], i, 0);
        }
        for (int i = 0; i < CalendarRange.MONTH_WEEKS * 7; i++) {
            MonthCell[] cell = new MonthCell[1];
            cell[0] = new MonthCell(this::chip, this::showEntry, () -> {
                vm.selectDay((LocalDate) cell[0].getUserData());
                vm.setMode(CalendarRange.Mode.WEEK);
            });
            cell[0].setOnMouseClicked(e -> {
                vm.selectDay((LocalDate) cell[0].getUserData());
                if (e.getClickCount() == 2) {
                    vm.setMode(CalendarRange.Mode.WEEK);
                }
            });
            cells.add(cell[0], i % 7, i / 7);
            cellNodes.add(cell[0]);
        }
        setTop(names);
        setCenter(cells);
        vm.planProperty().addListener((o, a, p) -> {
            if (p.range().mode() == CalendarRange.Mode.MONTH) {
                show(p);
            }
        });
        vm.selectedKeyProperty().addListener((o, a, b) -> markSelection());
        vm.selectedDateProperty().addListener((o, a, b) -> markSelection());
        CalendarPlan first = vm.planProperty().get();
        show(first.range().mode() == CalendarRange.Mode.MONTH ? first : CalendarPlan.empty(vm.rangeProperty().get()));
        CalendarView.acceptItemDrops(cells, (p, d) -> dateAt(p) != null, (id, title, p) -> vm.dropItem(id, title, dateAt(p),
                null));
    }

    GridGeometry geometry() {
        return GridGeometry.month(cells.getWidth() / 7, cells.getHeight() / CalendarRange.MONTH_WEEKS);
    }

    /** The day of the cell at a scene point, or null outside the grid. */
    private LocalDate dateAt(Point2D scene) {
        Point2D p = cells.sceneToLocal(scene);
        if (p == null || p.getX() < 0 || p.getY() < 0 || p.getX() > cells.getWidth() || p.getY() > cells.getHeight()) {
            return null;
        }
        return plan.range().first().plusDays(geometry().cell(p.getX(), p.getY()));
    }

    private void show(CalendarPlan p) {
        this.plan = p;
        CalendarRange r = p.range();
        List<String> weekdays = r.weekdayNames();
        for (int i = 0; i < 7; i++) {
            nameLabels[i].setText(weekdays.get(i));
        }
        LocalDate today = vm.today();
        for (int i = 0; i < cellNodes.size(); i++) {
            CalendarDay day = p.days().get(i);
            cellNodes.get(i).show(day, day.date().equals(today), day.date().getMonth() != r.anchor().getMonth());
        }
        markSelection();
    }

    /** A new chip; what it does reads the entry it shows now from its user data. */
    private Label chip() {
        Label chip = new Label();
        chip.getStyleClass().add(Styles.CALENDAR_CHIP);
        chip.setMaxWidth(Double.MAX_VALUE);
        chip.setMinWidth(0);
        CalendarDrag.install(chip, d -> {
            LocalDate day = dateAt(d.scene());
            if (day != null && chip.getUserData() instanceof CalendarEntry e) {
                vm.move(e, day, null);
            }
        }, (m, clicks) -> {
            if (chip.getUserData() instanceof CalendarEntry e) {
                vm.selectEntry(e);
                if (clicks >= 2) {
                    onOpen.run();
                }
            }
        });
        return chip;
    }

    /** Puts {@code e} into {@code chip}: its text, user data, and whether it repeats or is selected. */
    private void showEntry(Label chip, CalendarEntry e) {
        chip.setText((e.timed() ? e.timeText() + " " : "") + e.title());
        chip.setUserData(e);
        chip.pseudoClassStateChanged(PseudoStates.OCCURRENCE, e.occurrence());
        chip.pseudoClassStateChanged(PseudoStates.SELECTED, e.key().equals(vm.selectedKeyProperty().get()));
    }

    private void markSelection() {
        String key = vm.selectedKeyProperty().get();
        LocalDate day = vm.selectedDateProperty().get();
        for (MonthCell c : cellNodes) {
            for (Label chip : c.chips()) {
                chip.pseudoClassStateChanged(PseudoStates.SELECTED,
                        chip.getUserData() instanceof CalendarEntry e && e.key().equals(key));
            }
            c.pseudoClassStateChanged(PseudoStates.SELECTED, day != null && day.equals(c.getUserData()));
        }
    }
}

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
import javafx.scene.Node;
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
 * Rebuilt from the plan when it changes.
 */
final class MonthGrid extends BorderPane {
    private final CalendarViewModel vm;
    private final Runnable onOpen;
    private final GridPane names = new GridPane();
    private final GridPane cells = new GridPane();
    private final List<Node> selectable = new ArrayList<>();
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
        setTop(names);
        setCenter(cells);
        vm.planProperty().addListener((o, a, p) -> show(p));
        vm.selectedKeyProperty().addListener((o, a, b) -> markSelection());
        vm.selectedDateProperty().addListener((o, a, b) -> markSelection());
        show(vm.planProperty().get());
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
        names.getChildren().clear();
        cells.getChildren().clear();
        selectable.clear();
        cellNodes.clear();
        CalendarRange r = p.range();
        List<String> weekdays = r.weekdayNames();
        for (int i = 0; i < 7; i++) {
            Label n = new Label(weekdays.get(i));
            n.getStyleClass().add(Styles.CALENDAR_DAY_HEADER);
            n.setMaxWidth(Double.MAX_VALUE);
            names.add(n, i, 0);
        }
        LocalDate today = vm.today();
        for (int i = 0; i < p.days().size(); i++) {
            CalendarDay day = p.days().get(i);
            Label number = new Label(Integer.toString(day.date().getDayOfMonth()));
            number.getStyleClass().add(Styles.CALENDAR_DAY_NUMBER);
            MonthCell cell = new MonthCell(day, number, this::chip, () -> {
                vm.selectDay(day.date());
                vm.setMode(CalendarRange.Mode.WEEK);
            });
            cell.setUserData(day.date());
            cell.pseudoClassStateChanged(PseudoStates.TODAY, day.date().equals(today));
            cell.pseudoClassStateChanged(PseudoStates.OUTSIDE, day.date().getMonth() != r.anchor().getMonth());
            cell.setOnMouseClicked(e -> {
                vm.selectDay(day.date());
                if (e.getClickCount() == 2) {
                    vm.setMode(CalendarRange.Mode.WEEK);
                }
            });
            cells.add(cell, i % 7, i / 7);
            cellNodes.add(cell);
        }
        markSelection();
    }

    private Label chip(CalendarEntry e) {
        Label chip = new Label((e.timed() ? e.timeText() + " " : "") + e.title());
        chip.getStyleClass().add(Styles.CALENDAR_CHIP);
        chip.setMaxWidth(Double.MAX_VALUE);
        chip.setMinWidth(0);
        chip.pseudoClassStateChanged(PseudoStates.OCCURRENCE, e.occurrence());
        chip.setUserData(e);
        CalendarDrag.install(chip, d -> {
            LocalDate day = dateAt(d.scene());
            if (day != null) {
                vm.move(e, day, null);
            }
        }, (m, clicks) -> {
            vm.selectEntry(e);
            if (clicks >= 2) {
                onOpen.run();
            }
        });
        selectable.add(chip);
        chip.pseudoClassStateChanged(PseudoStates.SELECTED, e.key().equals(vm.selectedKeyProperty().get()));
        return chip;
    }

    private void markSelection() {
        String key = vm.selectedKeyProperty().get();
        LocalDate day = vm.selectedDateProperty().get();
        for (Node n : selectable) {
            n.pseudoClassStateChanged(PseudoStates.SELECTED, n.getUserData() instanceof CalendarEntry e && e.key().equals(key));
        }
        for (MonthCell c : cellNodes) {
            c.pseudoClassStateChanged(PseudoStates.SELECTED, day != null && day.equals(c.getUserData()));
        }
    }
}

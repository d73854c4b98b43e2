package dev.tandem.app.view.calendar;

import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.GridGeometry;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The calendar: a bar (previous, Today, next, the range's title, Week or Month) over the week's hour
 * grid ({@link WeekGrid}) or the month's cells ({@link MonthGrid}), each built when first shown. The keys
 * work on the selection ({@link CalendarViewModel}): arrows move it, Alt+Left/Right move the selected todo
 * a day, Alt+Up/Down a week, Alt+Shift+Up/Down 15 minutes; Enter opens it; Page Up/Down page; Home is today.
 */
public final class CalendarView extends VBox {
    /**
     * What the window's shortcut overlay lists for the calendar: the keys and the catalogue key of their
     * words (these keys work while it has the focus).
     */
    public static final String[][] KEYS = {
        {"Alt+Right", "main.shortcut.calendarDay"},
        {"Alt+Down", "main.shortcut.calendarWeek"},
        {"Alt+Shift+Down", "main.shortcut.calendarQuarter"},
        {"Page Down", "main.shortcut.calendarPage"},
    };
    private final CalendarViewModel vm;
    private final StackPane content = new StackPane();
    private final Runnable onOpen;
    private final Consumer<LocalDate> planDay;
    private WeekGrid week;
    private MonthGrid month;

    CalendarView(MainViewModel main, Runnable onOpen) {
        this.vm = main.calendar();
        this.onOpen = onOpen;
        this.planDay = main.planning()::planDay;
        setId("calendar");
        getStyleClass().add(Styles.CALENDAR);
        setAccessibleText(Messages.text("main.sidebar.calendar"));
        setFocusTraversable(true);
        Button previous = new Button(null, Icons.of(Icons.PREVIOUS, 16));
        previous.setId("calendar-previous");
        previous.setAccessibleText(Messages.text("main.calendar.previous"));
        previous.setOnAction(e -> vm.previous());
        Button next = new Button(null, Icons.of(Icons.NEXT, 16));
        next.setId("calendar-next");
        next.setAccessibleText(Messages.text("main.calendar.next"));
        next.setOnAction(e -> vm.next());
        Button today = new Button(Messages.text("main.calendar.today"));
        today.setId("calendar-today");
        today.setOnAction(e -> goToday());
        Label title = new Label();
        title.setId("calendar-title");
        title.getStyleClass().add(Styles.CALENDAR_TITLE);
        ToggleGroup modes = new ToggleGroup();
        ToggleButton weekButton = new ToggleButton(Messages.text("main.calendar.week"));
        weekButton.setId("calendar-week-button");
        ToggleButton monthButton = new ToggleButton(Messages.text("main.calendar.month"));
        monthButton.setId("calendar-month-button");
        weekButton.setToggleGroup(modes);
        monthButton.setToggleGroup(modes);
        weekButton.setOnAction(e -> vm.setMode(CalendarRange.Mode.WEEK));
        monthButton.setOnAction(e -> vm.setMode(CalendarRange.Mode.MONTH));
        for (Node n : new Node[] {previous, next, today, weekButton, monthButton}) {
            n.setFocusTraversable(false);
        }
        for (Control c : new Control[] {previous, next, today, title, weekButton,
            monthButton}) {
            // Words never shortened to "...": where the bar is too narrow for them (a long language, a narrow
            // window), Week and Month go to a second row instead.
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox range = new HBox(previous, today, next);
        range.getStyleClass().add(Styles.CALENDAR_BAR_GROUP);
        HBox modesBox = new HBox(weekButton, monthButton);
        modesBox.getStyleClass().add(Styles.CALENDAR_BAR_GROUP);
        FlowPane bar = new FlowPane(range, title, modesBox);
        bar.getStyleClass().add(Styles.CALENDAR_BAR);
        VBox.setVgrow(content, Priority.ALWAYS);
        content.setMinHeight(0);
        // A calendar that could not be read says why until a later read of it succeeds.
        Label problem = new Label();
        problem.setId("calendar-problem");
        problem.getStyleClass().add(Styles.CALENDAR_PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.feedProblemProperty());
        problem.visibleProperty().bind(vm.feedProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(bar, problem, content);
        Consumer<CalendarRange> follow = r -> {
            title.setText(r.title());
            boolean isWeek = r.mode() == CalendarRange.Mode.WEEK;
            weekButton.setSelected(isWeek);
            monthButton.setSelected(!isWeek);
            showMode(isWeek);
        };
        vm.rangeProperty().addListener((o, a, r) -> follow.accept(r));
        follow.accept(vm.rangeProperty().get());
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Today selected and in view: the week scrolls to it even when it was selected already. */
    private void goToday() {
        vm.goToday();
        if (week != null && week.isVisible()) {
            week.revealSelectedDay();
        }
    }

    private void showMode(boolean isWeek) {
        if (isWeek && week == null) {
            week = new WeekGrid(vm, onOpen, planDay);
            content.getChildren().add(week);
        } else if (!isWeek && month == null) {
            month = new MonthGrid(vm, onOpen);
            content.getChildren().add(month);
        }
        // The hidden grid is left out of layout too: the shown one's pulse never lays out the other's nodes.
        if (week != null) {
            week.setVisible(isWeek);
            week.setManaged(isWeek);
        }
        if (month != null) {
            month.setVisible(!isWeek);
            month.setManaged(!isWeek);
        }
    }

    private void key(KeyEvent e) {
        KeyCode c = e.getCode();
        boolean alt = e.isAltDown();
        boolean shift = e.isShiftDown();
        boolean plain = !alt && !shift && !e.isShortcutDown();
        boolean done = true;
        if (c == KeyCode.LEFT || c == KeyCode.RIGHT) {
            int dir = c == KeyCode.LEFT ? -1 : 1;
            if (alt && !shift) {
                vm.moveSelected(dir, 0);
            } else if (plain) {
                vm.stepDay(dir);
            } else {
                done = false;
            }
        } else if (c == KeyCode.UP || c == KeyCode.DOWN) {
            int dir = c == KeyCode.UP ? -1 : 1;
            if (alt && shift) {
                vm.moveSelected(0, dir * GridGeometry.SNAP_MINUTES);
            } else if (alt) {
                vm.moveSelected(7 * dir, 0);
            } else if (plain) {
                vm.stepVertical(dir);
            } else {
                done = false;
            }
        } else if (c == KeyCode.ENTER && plain) {
            if (vm.open()) {
                onOpen.run();
            }
        } else if (c == KeyCode.PAGE_UP && plain) {
            vm.previous();
        } else if (c == KeyCode.PAGE_DOWN && plain) {
            vm.next();
        } else if (c == KeyCode.HOME && plain) {
            goToday();
        } else {
            done = false;
        }
        if (done) {
            e.consume();
        }
    }

    /** A drop of a todo dragged from the item list: its id, its title, and where it was dropped (scene coordinates). */
    interface ItemDrop {
        void dropped(String id, String title, Point2D scene);
    }

    /** {@code target} takes todos dragged from the item list where {@code accepts} says so. */
    static void acceptItemDrops(Node target, BiPredicate<Point2D, DragEvent> accepts, ItemDrop onDrop) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasContent(CalendarDrag.ITEM) && accepts.test(new Point2D(e.getSceneX(), e.getSceneY()), e)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Object content = e.getDragboard().getContent(CalendarDrag.ITEM);
            Point2D p = new Point2D(e.getSceneX(), e.getSceneY());
            if (content instanceof String s && accepts.test(p, e)) {
                int nl = s.indexOf('\n');
                onDrop.dropped(nl < 0 ? s : s.substring(0, nl), nl < 0 ? "" : s.substring(nl + 1), p);
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /**
     * Adds the calendar to {@code center} above {@code body} (the item list, which then holds the todos
     * without a date and is kept low) the first time {@code shown} turns true, so it is not part of the first
     * frame's work; shown and hidden with {@code shown}.
     */
    public static void addWhenShown(VBox center, Region body, MainViewModel vm, ObservableBooleanValue shown, Runnable onOpen,
            Consumer<CalendarView> added) {
        body.maxHeightProperty().bind(Bindings.when(shown).then(170.0).otherwise(Double.MAX_VALUE));
        Runnable add = () -> {
            if (center.lookup("#calendar") == null) {
                CalendarView view = new CalendarView(vm, onOpen);
                view.visibleProperty().bind(shown);
                view.managedProperty().bind(shown);
                VBox.setVgrow(view, Priority.ALWAYS);
                center.getChildren().add(center.getChildren().indexOf(body), view);
                added.accept(view);
            }
        };
        if (shown.get()) {
            add.run();
        }
        shown.addListener((o, a, now) -> {
            if (now) {
                add.run();
            }
        });
    }
}

package dev.tandem.app.view.calendar;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.EventBlock;
import dev.tandem.app.vm.calendar.FreeSlot;
import dev.tandem.app.vm.calendar.GridGeometry;
import dev.tandem.app.vm.calendar.MoreEvents;
import dev.tandem.app.vm.calendar.TimeBlock;
import dev.tandem.ui.Styles;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.DragEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The week: a header per day (name and date, {@code :today}), a row of all-day events and todos, and below a
 * scrolling 24-hour grid with each timed todo and event a block from its start for its length, overlapping ones
 * side by side (events read-only, in their calendar's colour). Where things go comes from {@link GridGeometry}; what a drag means from the view-model.
 * Rebuilt from the plan when it changes (at most a few hundred nodes: a day keeps a bounded number).
 */
final class WeekGrid extends BorderPane {
    static final double GUTTER = WeekHours.GUTTER;
    static final double HOUR_HEIGHT = WeekHours.HOUR_HEIGHT;
    /** The hour at the top of the grid when it first shows, unless a todo of the week starts earlier. */
    static final int START_HOUR = 7;
    /** The least width of a day's column. */
    static final double MIN_DAY_WIDTH = 110;
    private final CalendarViewModel vm;
    private final Runnable onOpen;
    private final WeekHeader header = new WeekHeader(this::chip);
    private final WeekHours hours = new WeekHours(this::block);
    private final ScrollPane scroll = new ScrollPane(hours);
    /** Every chip and block made so far, in use or hidden: what the selection marks. */
    private final List<Node> selectable = new ArrayList<>();
    private final List<Region> dayNodes = new ArrayList<>();
    private CalendarPlan plan;
    private boolean startHourShown;

    WeekGrid(CalendarViewModel vm, Runnable onOpen) {
        this.vm = vm;
        this.onOpen = onOpen;
        setId("calendar-week");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add(Styles.CALENDAR_HOURS);
        scroll.setFocusTraversable(false);
        // A day stays wide enough to read "09:30 Standup": a narrower window scrolls the week sideways.
        hours.setMinWidth(GUTTER + 7 * MIN_DAY_WIDTH);
        // The day columns line up with the hour grid's: the header is as wide as the grid (the viewport,
        // which the vertical scroll bar narrows, or the least width) and moves with its sideways scroll,
        // clipped to the viewport.
        header.prefWidthProperty().bind(hours.widthProperty());
        header.translateXProperty().bind(Bindings.createDoubleBinding(() -> -scroll.getHvalue()
                * Math.max(0, hours.getWidth() - scroll.getViewportBounds().getWidth()), scroll.hvalueProperty(),
                hours.widthProperty(), scroll.viewportBoundsProperty()));
        Pane headerView = new Pane(header);
        headerView.setMinWidth(0);
        Rectangle headerClip = new Rectangle();
        headerClip.widthProperty().bind(headerView.widthProperty());
        headerClip.heightProperty().bind(headerView.heightProperty());
        headerView.setClip(headerClip);
        setTop(headerView);
        setCenter(scroll);
        dayNodes.addAll(header.dayNodes());
        dayNodes.addAll(hours.columns(vm));
        // A month's plan (this grid is hidden then) leaves the week as it is.
        vm.planProperty().addListener((o, a, p) -> {
            if (p.range().mode() == CalendarRange.Mode.WEEK) {
                show(p);
            }
        });
        vm.selectedKeyProperty().addListener((o, a, b) -> markSelection());
        vm.selectedDateProperty().addListener((o, a, b) -> {
            markSelection();
            revealSoon();
        });
        CalendarPlan first = vm.planProperty().get();
        show(first.range().mode() == CalendarRange.Mode.WEEK ? first : CalendarPlan.empty(vm.rangeProperty().get()));
        // A week wider than the room scrolls sideways: the selected day (today, at first) stays in view as the
        // room changes (the editor opens beside the calendar, the window is made narrower).
        // Both after the pulse's layout, when the viewport and the grid have their new sizes.
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth()) {
                revealSoon();
            }
            if (!startHourShown && b.getHeight() > 0) {
                startHourShown = true;
                FxExecutor.INSTANCE.later(this::showStartHour);
            }
        });
        hours.widthProperty().addListener((o, a, b) -> revealSoon());
        CalendarView.acceptItemDrops(hours, (p, d) -> target(p).date() != null, (id, title, p) -> {
            Target t = target(p);
            vm.dropItem(id, title, t.date(), t.time());
        });
        CalendarView.acceptItemDrops(header, (p, d) -> headerDate(p) != null, (id, title, p) ->
                vm.dropItem(id, title, headerDate(p), null));
        // A todo dragged in from the list shows the free time under the pointer, as a block dragged here does.
        hours.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Target t = target(new Point2D(e.getSceneX(), e.getSceneY()));
            if (e.getDragboard().getContent(CalendarDrag.ITEM) instanceof String s && t.date() != null) {
                int nl = s.indexOf('\n');
                showSlot(vm.freeSlotForItem(nl < 0 ? s : s.substring(0, nl), t.date(), t.time()), t);
            }
        });
        hours.addEventHandler(DragEvent.DRAG_EXITED, e -> hours.hideSlot());
        hours.addEventHandler(DragEvent.DRAG_DROPPED, e -> hours.hideSlot());
    }

    /** {@link #revealSelectedDay} once the current pulse has laid the grid out. */
    private void revealSoon() {
        FxExecutor.INSTANCE.later(this::revealSelectedDay);
    }

    /**
     * Scrolls the week sideways so that the selected day's column is in view (nothing to do while the whole
     * week fits); the Today button and Home call it too, since today may already be the selected day.
     */
    void revealSelectedDay() {
        LocalDate day = vm.selectedDateProperty().get();
        if (plan == null || day == null || !plan.range().contains(day)) {
            return;
        }
        double view = scroll.getViewportBounds().getWidth();
        double range = hours.getWidth() - view;
        if (view <= 0 || range <= 0.5) {
            return;
        }
        double dayWidth = (hours.getWidth() - GUTTER) / 7;
        int column = (int) (day.toEpochDay() - plan.range().first().toEpochDay());
        double left = GUTTER + column * dayWidth;
        double shownLeft = scroll.getHvalue() * range;
        // The gutter scrolls with the grid: a day is in view when its column is inside the viewport.
        if (left < shownLeft || left + dayWidth > shownLeft + view) {
            double target = left + dayWidth > shownLeft + view ? left + dayWidth - view : left - GUTTER;
            scroll.setHvalue(Math.max(0, Math.min(1, target / range)));
        }
    }

    /**
     * The first time the grid has a height: working hours at the top, 7:00 exactly (a 7:00 block whole), or the
     * week's earliest timed todo when that starts before 7:00.
     */
    private void showStartHour() {
        int minutes = START_HOUR * 60;
        for (CalendarDay d : plan.days()) {
            for (TimeBlock b : d.blocks()) {
                minutes = Math.min(minutes, b.start());
            }
            for (EventBlock b : d.eventBlocks()) {
                minutes = Math.min(minutes, b.place().start());
            }
            for (MoreEvents m : d.moreEvents()) {
                minutes = Math.min(minutes, m.place().start());
            }
        }
        double range = hours.getMinHeight() - scroll.getViewportBounds().getHeight();
        if (range > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, geometry().y(minutes) / range)));
        }
    }

    /** The hour grid's geometry at its current width. */
    GridGeometry geometry() {
        return hours.geometry();
    }

    /** The hour grid, for tests that drag onto it. */
    Pane hours() {
        return hours;
    }

    private record Target(LocalDate date, LocalTime time) {
    }

    /** The day and time at a scene point on the hour grid (a null date outside it). */
    private Target target(Point2D scene) {
        Point2D p = hours.sceneToLocal(scene);
        if (p == null || p.getX() < GUTTER || p.getY() < 0 || p.getY() > hours.getHeight()) {
            return new Target(null, null);
        }
        GridGeometry g = geometry();
        return new Target(plan.range().first().plusDays(g.column(p.getX() - GUTTER)), g.time(p.getY()));
    }

    /** The day of the header column (names or all-day row) at a scene point, or null. */
    private LocalDate headerDate(Point2D scene) {
        Point2D p = header.sceneToLocal(scene);
        if (p == null || p.getX() < GUTTER || p.getY() < 0 || p.getY() > header.getHeight()) {
            return null;
        }
        return plan.range().first().plusDays(geometry().column(p.getX() - GUTTER));
    }

    /**
     * Shows a plan in the nodes already there, making more only when a day holds more todos than ever
     * before and hiding those left over: a week's switch or a moved todo then changes texts and places,
     * not hundreds of new nodes to style (a week at scale holds 500 todos).
     */
    private void show(CalendarPlan p) {
        boolean otherWeek = plan == null || !plan.range().equals(p.range());
        this.plan = p;
        LocalDate today = vm.today();
        header.show(p, today);
        hours.setDays(p, today);
        markSelection();
        if (otherWeek) {
            revealSoon();
        }
    }

    /** An all-day todo's chip; what it shows comes from {@link TodoNodes#show}. */
    private Label chip() {
        Label chip = new Label();
        chip.getStyleClass().add(Styles.CALENDAR_CHIP);
        chip.setMaxWidth(Double.MAX_VALUE);
        CalendarDrag.install(chip, d -> showSlot(TodoNodes.entryOf(chip), target(d.scene())), d -> {
            hours.hideSlot();
            CalendarEntry e = TodoNodes.entryOf(chip);
            Target t = target(d.scene());
            if (t.date() != null) {
                vm.move(e, t.date(), t.time());
            } else {
                LocalDate day = headerDate(d.scene());
                if (day != null) {
                    vm.move(e, day, null);
                }
            }
        }, (m, clicks) -> click(TodoNodes.entryOf(chip), clicks));
        selectable.add(chip);
        return chip;
    }

    /** A timed todo's block on the hour grid; its todo and place come from {@link WeekHours#setDays}. */
    VBox block() {
        VBox box = new VBox(new Label());
        box.getStyleClass().add(Styles.CALENDAR_BLOCK);
        CalendarDrag.install(box, d -> showSlot(TodoNodes.entryOf(box), blockTarget(box, d)), d -> {
            hours.hideSlot();
            CalendarEntry e = TodoNodes.entryOf(box);
            Target t = blockTarget(box, d);
            if (t.date() == null) {
                LocalDate day = headerDate(d.scene());
                if (day != null) {
                    vm.move(e, day, null);
                }
                return;
            }
            vm.move(e, t.date(), t.time());
        }, (m, clicks) -> click(TodoNodes.entryOf(box), clicks));
        selectable.add(box);
        return box;
    }

    /**
     * Where a block dragged by {@code d} would start: the day under the pointer, its start moved by as much as the
     * block was (the grab point kept); a null date off the hour grid.
     */
    private Target blockTarget(VBox box, CalendarDrag.Drop d) {
        Target t = target(d.scene());
        TimeBlock b = hours.blockOf(box);
        return t.date() == null || b == null ? t : new Target(t.date(), geometry().movedStart(b, d.dy()));
    }

    /** The free time around where the dragged todo would start, on its day's column; none off the hour grid. */
    private void showSlot(CalendarEntry dragged, Target t) {
        showSlot(t.date() == null ? null : vm.freeSlot(dragged, t.date(), t.time()), t);
    }

    /** Shows {@code slot} on {@code t}'s day column, or hides the band when there is none. */
    private void showSlot(FreeSlot slot, Target t) {
        if (slot == null) {
            hours.hideSlot();
        } else {
            hours.showSlot(plan.range().indexOf(t.date()), slot);
        }
    }

    private void click(CalendarEntry e, int clicks) {
        vm.selectEntry(e);
        if (clicks >= 2) {
            onOpen.run();
        }
        requestFocusOnCalendar();
    }

    private void requestFocusOnCalendar() {
        Node n = getParent();
        while (n != null && !(n instanceof CalendarView)) {
            n = n.getParent();
        }
        if (n != null) {
            n.requestFocus();
        }
    }

    private void markSelection() {
        String key = vm.selectedKeyProperty().get();
        LocalDate day = vm.selectedDateProperty().get();
        for (Node n : selectable) {
            n.pseudoClassStateChanged(PseudoStates.SELECTED, n.getUserData() instanceof CalendarEntry e && e.key().equals(key));
        }
        for (Region n : dayNodes) {
            n.pseudoClassStateChanged(PseudoStates.SELECTED, day != null && day.equals(n.getUserData()));
        }
    }
}

package dev.tandem.app.view.calendar;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.EventBlock;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.app.vm.calendar.GridGeometry;
import dev.tandem.app.vm.calendar.TimeBlock;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The week: a header per day (name and date, {@code :today}), a row of all-day events and todos, and below a
 * scrolling 24-hour grid with each timed todo and event a block from its start for its length, overlapping ones
 * side by side (events read-only, in their calendar's colour). Where things go comes from {@link GridGeometry}; what a drag means from the view-model.
 * Rebuilt from the plan when it changes (at most a few hundred nodes: a day keeps a bounded number).
 */
final class WeekGrid extends BorderPane {
    static final double GUTTER = 64;
    static final double HOUR_HEIGHT = 44;
    /** The hour at the top of the grid when it first shows, unless a todo of the week starts earlier. */
    static final int START_HOUR = 7;
    /** The least width of a day's column. */
    static final double MIN_DAY_WIDTH = 110;
    private final CalendarViewModel vm;
    private final Runnable onOpen;
    private final GridPane header = new GridPane();
    private final HourPane hours = new HourPane();
    private final ScrollPane scroll = new ScrollPane(hours);
    /** Every chip and block made so far, in use or hidden: what the selection marks. */
    private final List<Node> selectable = new ArrayList<>();
    private final List<Region> dayNodes = new ArrayList<>();
    private final Label[] names = new Label[7];
    private final VBox[] allDays = new VBox[7];
    private final Label[] mores = new Label[7];
    private final List<List<Label>> chips = new ArrayList<>();
    /** Per day, the all-day events' chips, above its todos' (reused like {@link #chips}). */
    private final List<List<Label>> eventChips = new ArrayList<>();
    private CalendarPlan plan;
    private boolean startHourShown;

    WeekGrid(CalendarViewModel vm, Runnable onOpen) {
        this.vm = vm;
        this.onOpen = onOpen;
        setId("calendar-week");
        header.getColumnConstraints().add(new ColumnConstraints(GUTTER, GUTTER, GUTTER));
        for (int i = 0; i < 7; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(-1);
            c.setHgrow(Priority.ALWAYS);
            c.setMinWidth(0);
            c.setPrefWidth(10);
            header.getColumnConstraints().add(c);
        }
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
        for (int i = 0; i < 7; i++) {
            names[i] = new Label();
            names[i].getStyleClass().add(Styles.CALENDAR_DAY_HEADER);
            names[i].setMaxWidth(Double.MAX_VALUE);
            header.add(names[i], i + 1, 0);
            mores[i] = new Label();
            mores[i].getStyleClass().add(Styles.CALENDAR_MORE);
            allDays[i] = new VBox(mores[i]);
            allDays[i].getStyleClass().add(Styles.CALENDAR_ALL_DAY);
            allDays[i].setMinHeight(26);
            header.add(allDays[i], i + 1, 1);
            chips.add(new ArrayList<>());
            eventChips.add(new ArrayList<>());
            dayNodes.add(names[i]);
        }
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
        }
        double range = hours.getMinHeight() - scroll.getViewportBounds().getHeight();
        if (range > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, geometry().y(minutes) / range)));
        }
    }

    /** The hour grid's geometry at its current width. */
    GridGeometry geometry() {
        return GridGeometry.week(Math.max(1, (hours.getWidth() - GUTTER) / 7), HOUR_HEIGHT);
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
        CalendarRange r = p.range();
        List<String> dayNames = r.weekdayNames();
        LocalDate today = vm.today();
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
                    Label chip = chip();
                    pool.add(chip);
                    allDays[i].getChildren().add(events.size() + k, chip);
                }
                showEntry(pool.get(k), k < entries.size() ? entries.get(k) : null);
            }
            mores[i].setText(Messages.text("main.calendar.more", day.moreAllDay()));
            mores[i].setVisible(day.moreAllDay() > 0);
            mores[i].setManaged(day.moreAllDay() > 0);
        }
        hours.setDays(p, today, this);
        markSelection();
        if (otherWeek) {
            revealSoon();
        }
    }

    /** Puts {@code e} in a chip or block, or hides it (null). */
    private static void showEntry(Node n, CalendarEntry e) {
        n.setVisible(e != null);
        n.setManaged(e != null);
        n.setUserData(e);
        if (e != null) {
            n.pseudoClassStateChanged(PseudoStates.OCCURRENCE, e.occurrence());
            String spoken = e.timed() ? Messages.text("main.calendar.a11y.at", e.title(), e.timeText()) : e.title();
            n.setAccessibleText(e.occurrence() ? Messages.text("main.calendar.a11y.occurrence", spoken) : spoken);
            Label text = n instanceof Label l ? l : (Label) ((VBox) n).getChildren().get(0);
            text.setText(e.timed() ? e.timeText() + " " + e.title() : e.title());
        }
    }

    private static CalendarEntry entryOf(Node n) {
        return (CalendarEntry) n.getUserData();
    }

    /** An all-day todo's chip; what it shows comes from {@link #showEntry}. */
    private Label chip() {
        Label chip = new Label();
        chip.getStyleClass().add(Styles.CALENDAR_CHIP);
        chip.setMaxWidth(Double.MAX_VALUE);
        CalendarDrag.install(chip, d -> {
            CalendarEntry e = entryOf(chip);
            Target t = target(d.scene());
            if (t.date() != null) {
                vm.move(e, t.date(), t.time());
            } else {
                LocalDate day = headerDate(d.scene());
                if (day != null) {
                    vm.move(e, day, null);
                }
            }
        }, (m, clicks) -> click(entryOf(chip), clicks));
        selectable.add(chip);
        return chip;
    }

    /** A timed todo's block on the hour grid; its todo and place come from {@link HourPane#setDays}. */
    VBox block() {
        VBox box = new VBox(new Label());
        box.getStyleClass().add(Styles.CALENDAR_BLOCK);
        CalendarDrag.install(box, d -> {
            CalendarEntry e = entryOf(box);
            TimeBlock b = hours.blockOf(box);
            GridGeometry g = geometry();
            Point2D p = hours.sceneToLocal(d.scene());
            Target t = target(d.scene());
            if (t.date() == null) {
                LocalDate day = headerDate(d.scene());
                if (day != null) {
                    vm.move(e, day, null);
                }
                return;
            }
            // The day under the pointer; the start moved by as much as the block was (the grab point kept).
            vm.move(e, plan.range().first().plusDays(g.column(p.getX() - GUTTER)), g.movedStart(b, d.dy()));
        }, (m, clicks) -> click(entryOf(box), clicks));
        selectable.add(box);
        return box;
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

    /**
     * The 24 hours: labels in the gutter, a line per hour, the day columns and their blocks, placed by
     * {@link GridGeometry} at the current width. Blocks are reused from plan to plan; the ones not in
     * use are hidden.
     */
    private static final class HourPane extends Pane {
        private final List<Label> labels = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private final List<Pane> columns = new ArrayList<>();
        private final List<VBox> blocks = new ArrayList<>();
        private final List<TimeBlock> blockData = new ArrayList<>();
        private final List<Integer> blockDay = new ArrayList<>();
        private int used;
        private final List<Label> events = new ArrayList<>();
        private final List<EventBlock> eventData = new ArrayList<>();
        private final List<Integer> eventDay = new ArrayList<>();

        HourPane() {
            for (int h = 0; h < 24; h++) {
                Label l = new Label(h == 0 ? "" : GridGeometry.hourText(h));
                l.getStyleClass().add(Styles.CALENDAR_HOUR_LABEL);
                labels.add(l);
                Line line = new Line();
                line.getStyleClass().add(Styles.CALENDAR_HOUR_LINE);
                lines.add(line);
            }
            setPrefHeight(24 * HOUR_HEIGHT);
            setMinHeight(24 * HOUR_HEIGHT);
        }

        /** Makes the 7 day columns (a click selects the day), below the lines, labels and blocks. */
        List<Pane> columns(CalendarViewModel vm) {
            for (int i = 0; i < 7; i++) {
                Pane column = new Pane();
                column.getStyleClass().add(Styles.CALENDAR_COLUMN);
                column.setOnMouseClicked(e -> vm.selectDay((LocalDate) column.getUserData()));
                columns.add(column);
            }
            getChildren().addAll(columns);
            getChildren().addAll(lines);
            getChildren().addAll(labels);
            return columns;
        }

        TimeBlock blockOf(Node n) {
            int i = blocks.indexOf(n);
            return i < 0 || i >= used ? null : blockData.get(i);
        }

        void setDays(CalendarPlan p, LocalDate today, WeekGrid grid) {
            blockData.clear();
            blockDay.clear();
            eventData.clear();
            eventDay.clear();
            int k = 0;
            int m = 0;
            for (int i = 0; i < 7; i++) {
                CalendarDay day = p.days().get(i);
                columns.get(i).pseudoClassStateChanged(PseudoStates.TODAY, day.date().equals(today));
                columns.get(i).setUserData(day.date());
                for (TimeBlock b : day.blocks()) {
                    if (k == blocks.size()) {
                        VBox n = grid.block();
                        blocks.add(n);
                        getChildren().add(n);
                    }
                    showEntry(blocks.get(k), b.entry());
                    blocks.get(k).pseudoClassStateChanged(PseudoStates.OVERLAPS_EVENT, day.overlapsEvent(b));
                    blockData.add(b);
                    blockDay.add(i);
                    k++;
                }
                for (EventBlock b : day.eventBlocks()) {
                    if (m == events.size()) {
                        Label n = EventNodes.make();
                        events.add(n);
                        getChildren().add(n);
                    }
                    EventNodes.show(events.get(m), b.event(), true);
                    eventData.add(b);
                    eventDay.add(i);
                    m++;
                }
            }
            for (int i = m; i < events.size(); i++) {
                EventNodes.show(events.get(i), null, true);
            }
            used = k;
            for (int i = k; i < blocks.size(); i++) {
                showEntry(blocks.get(i), null);
            }
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            GridGeometry g = GridGeometry.week(Math.max(1, (w - GUTTER) / 7), HOUR_HEIGHT);
            for (int h = 0; h < 24; h++) {
                double y = g.y(h * 60);
                Label l = labels.get(h);
                l.resizeRelocate(4, y - 8, GUTTER - 8, 16);
                Line line = lines.get(h);
                line.setStartX(GUTTER);
                line.setEndX(w);
                line.setStartY(y + 0.5);
                line.setEndY(y + 0.5);
            }
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).resizeRelocate(GUTTER + i * g.dayWidth(), 0, g.dayWidth(), getHeight());
            }
            for (int i = 0; i < used; i++) {
                TimeBlock b = blockData.get(i);
                VBox n = blocks.get(i);
                // A short block is still a line high, so its time and title can be read.
                n.resizeRelocate(GUTTER + g.left(b, blockDay.get(i)) + 1, g.top(b), Math.max(4, g.width(b) - 2),
                        Math.max(g.height(b), n.prefHeight(-1)));
            }
            for (int i = 0; i < eventData.size(); i++) {
                TimeBlock b = eventData.get(i).place();
                Label n = events.get(i);
                n.resizeRelocate(GUTTER + g.left(b, eventDay.get(i)) + 1, g.top(b), Math.max(4, g.width(b) - 2),
                        Math.max(g.height(b), n.prefHeight(-1)));
            }
        }
    }
}

package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.app.vm.calendar.EventBlock;
import dev.tandem.app.vm.calendar.FreeSlot;
import dev.tandem.app.vm.calendar.GridGeometry;
import dev.tandem.app.vm.calendar.MoreEvents;
import dev.tandem.app.vm.calendar.TimeBlock;
import dev.tandem.ui.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The week's 24 hours: labels in the gutter, a line per hour, the day columns and their blocks (timed todos
 * and events, and "+k more" chips for the events a day does not draw), placed by {@link GridGeometry} at the
 * current width. Blocks are reused from plan to plan; the
 * ones not in use are hidden. Todos' blocks come from the grid ({@code newBlock}), which makes them draggable.
 */
final class WeekHours extends Pane {
    static final double GUTTER = 64;
    static final double HOUR_HEIGHT = 44;
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
    private final List<Label> mores = new ArrayList<>();
    private final List<MoreEvents> moreData = new ArrayList<>();
    private final List<Integer> moreDay = new ArrayList<>();
    private final Supplier<VBox> newBlock;
    /** The free time under a dragged todo ({@link FreeSlot}): below the lines and blocks, never in the pointer's way. */
    private final Region slot = new Region();
    private FreeSlot slotShown;
    private int slotDay;

    WeekHours(Supplier<VBox> newBlock) {
        this.newBlock = newBlock;
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
        slot.getStyleClass().add(Styles.CALENDAR_FREE_SLOT);
        slot.setMouseTransparent(true);
        slot.setManaged(false);
        slot.setVisible(false);
        getChildren().addAll(columns);
        getChildren().add(slot);
        getChildren().addAll(lines);
        getChildren().addAll(labels);
        return columns;
    }

    /** The geometry at the current width. */
    GridGeometry geometry() {
        return GridGeometry.week(Math.max(1, (getWidth() - GUTTER) / 7), HOUR_HEIGHT);
    }

    /** Shows {@code s} in the day column {@code dayIndex}; {@code :too-short} when the dragged todo does not fit it. */
    void showSlot(int dayIndex, FreeSlot s) {
        if (s.equals(slotShown) && dayIndex == slotDay && slot.isVisible()) {
            return;
        }
        slotShown = s;
        slotDay = dayIndex;
        slot.pseudoClassStateChanged(PseudoStates.TOO_SHORT, !s.fits());
        slot.setVisible(true);
        placeSlot(geometry());
    }

    void hideSlot() {
        slot.setVisible(false);
        slotShown = null;
    }

    /** The free slot's band, for tests. */
    Region slot() {
        return slot;
    }

    private void placeSlot(GridGeometry g) {
        if (slotShown != null) {
            slot.resizeRelocate(GUTTER + slotDay * g.dayWidth() + 1, g.y(slotShown.start()), Math.max(0, g.dayWidth() - 2),
                    g.y(slotShown.end()) - g.y(slotShown.start()));
        }
    }

    TimeBlock blockOf(Node n) {
        int i = blocks.indexOf(n);
        return i < 0 || i >= used ? null : blockData.get(i);
    }

    void setDays(CalendarPlan p, LocalDate today) {
        blockData.clear();
        blockDay.clear();
        eventData.clear();
        eventDay.clear();
        moreData.clear();
        moreDay.clear();
        int k = 0;
        int m = 0;
        int c = 0;
        for (int i = 0; i < 7; i++) {
            CalendarDay day = p.days().get(i);
            columns.get(i).pseudoClassStateChanged(PseudoStates.TODAY, day.date().equals(today));
            columns.get(i).setUserData(day.date());
            for (TimeBlock b : day.blocks()) {
                if (k == blocks.size()) {
                    VBox n = newBlock.get();
                    blocks.add(n);
                    getChildren().add(n);
                }
                TodoNodes.show(blocks.get(k), b.entry());
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
            for (MoreEvents more : day.moreEvents()) {
                if (c == mores.size()) {
                    Label n = MoreEventsNodes.make();
                    mores.add(n);
                    getChildren().add(n);
                }
                MoreEventsNodes.show(mores.get(c), more);
                moreData.add(more);
                moreDay.add(i);
                c++;
            }
        }
        for (int i = m; i < events.size(); i++) {
            EventNodes.show(events.get(i), null, true);
        }
        for (int i = c; i < mores.size(); i++) {
            MoreEventsNodes.show(mores.get(i), null);
        }
        used = k;
        for (int i = k; i < blocks.size(); i++) {
            TodoNodes.show(blocks.get(i), null);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        GridGeometry g = geometry();
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
        placeSlot(g);
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
        for (int i = 0; i < moreData.size(); i++) {
            TimeBlock b = moreData.get(i).place();
            Label n = mores.get(i);
            double width = Math.max(4, g.width(b) - 2);
            n.resizeRelocate(GUTTER + g.left(b, moreDay.get(i)) + 1, g.top(b), width,
                    Math.max(g.height(b), n.prefHeight(width)));
        }
    }
}

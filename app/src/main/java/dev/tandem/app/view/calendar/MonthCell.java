package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * One day of the month grid: its date, then as many of its events (read-only, in their calendar's colour) and
 * todos as its height holds, events first, then "+k more" for the rest ({@link CalendarDay#shownWithEvents}). The grid gives every week the same height, whatever it holds, so
 * the cell decides at layout what fits; what does not is hidden, and the cell clips, so nothing draws over
 * the week below.
 *
 * <p>The grid keeps its 42 cells, and each cell its chips, from month to month: {@link #show} puts another
 * day into the nodes already there, so opening or paging the month changes texts and pseudo-classes rather
 * than styling hundreds of new labels. A chip is made only once a layout has room for it, as a virtual list
 * makes its cells: a day may keep 72 todos, and a month of chips for all of them (3,000 labels, each styled)
 * made opening the month four times slower than drawing the few that fit. The first chip is made at once,
 * to measure a line.
 */
final class MonthCell extends Region {
    /** The cell's spacing, as {@code -fx-spacing} on the other boxes: the gap between lines. */
    private static final double GAP = 2;

    private final Label number = new Label();
    private final Supplier<Label> makeChip;
    private final BiConsumer<Label, CalendarEntry> showEntry;
    private final List<Label> chips = new ArrayList<>();
    /** The events' chips, above the todos', made as room allows as {@link #chips} are. */
    private final List<Label> eventChips = new ArrayList<>();
    private final Label more = new Label();
    private final Rectangle clip = new Rectangle();
    private CalendarDay day;
    private List<CalendarEntry> entries = List.of();
    private List<EventEntry> events = List.of();

    /**
     * @param makeChip a new chip, its handlers reading the entry it shows from its user data
     * @param showEntry puts an entry into a chip: its text, user data and states
     * @param openDay what "+k more" does for the day shown
     */
    MonthCell(Supplier<Label> makeChip, BiConsumer<Label, CalendarEntry> showEntry, Runnable openDay) {
        this.makeChip = makeChip;
        this.showEntry = showEntry;
        getStyleClass().add(Styles.CALENDAR_CELL);
        number.getStyleClass().add(Styles.CALENDAR_DAY_NUMBER);
        more.getStyleClass().add(Styles.CALENDAR_MORE);
        more.setMinWidth(0);
        more.setOnMouseClicked(e -> {
            openDay.run();
            e.consume();
        });
        getChildren().addAll(number, more);
        setMinSize(0, 0);
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Shows {@code d} in this cell's nodes; the chips already made take its first todos. */
    void show(CalendarDay d, boolean today, boolean outside) {
        this.day = d;
        this.entries = d.entries();
        this.events = d.events();
        for (int i = 0; i < eventChips.size(); i++) {
            EventNodes.show(eventChips.get(i), i < events.size() ? events.get(i) : null, true);
        }
        setUserData(d.date());
        number.setText(Integer.toString(d.date().getDayOfMonth()));
        pseudoClassStateChanged(PseudoStates.TODAY, today);
        pseudoClassStateChanged(PseudoStates.OUTSIDE, outside);
        for (int i = 0; i < chips.size(); i++) {
            Label c = chips.get(i);
            if (i < entries.size()) {
                showEntry.accept(c, entries.get(i));
            } else {
                c.setUserData(null);
                c.setVisible(false);
            }
        }
        if (chips.isEmpty() && !entries.isEmpty()) {
            addChip();
        }
        if (eventChips.isEmpty() && !events.isEmpty()) {
            addEventChip();
        }
        requestLayout();
    }

    /** The chips made so far, shown or not: their user data is the entry each shows, or null. */
    List<Label> chips() {
        return chips;
    }

    /** Makes the next chip, placed before "+k more"; styled now, as it is measured in this layout. */
    private void addChip() {
        Label c = makeChip.get();
        showEntry.accept(c, entries.get(chips.size()));
        chips.add(c);
        getChildren().add(getChildren().size() - 1, c);
        if (getScene() != null) {
            c.applyCss();
        }
    }

    /** Makes the next event's chip, placed before the todos' chips. */
    private void addEventChip() {
        Label c = EventNodes.make();
        EventNodes.show(c, events.get(eventChips.size()), true);
        getChildren().add(1 + eventChips.size(), c);
        eventChips.add(c);
        if (getScene() != null) {
            c.applyCss();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + number.prefHeight(-1) + in.getBottom();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double y = in.getTop();
        double numberHeight = number.prefHeight(w);
        layoutInArea(number, x, y, w, numberHeight, 0, HPos.LEFT, VPos.TOP);
        y += numberHeight + GAP;
        if (day == null) {
            more.setVisible(false);
            return;
        }
        double line = (chips.isEmpty() ? more.prefHeight(w) : chips.get(0).prefHeight(w)) + GAP;
        int lines = (int) Math.floor((getHeight() - in.getBottom() - y + GAP) / line);
        int[] split = day.shownWithEvents(lines);
        while (eventChips.size() < split[0]) {
            addEventChip();
        }
        for (int i = 0; i < eventChips.size(); i++) {
            Label c = eventChips.get(i);
            boolean on = i < split[0];
            c.setVisible(on);
            if (on) {
                c.resizeRelocate(x, y, w, line - GAP);
                y += line;
            }
        }
        int shown = split[1];
        while (chips.size() < shown) {
            addChip();
        }
        for (int i = 0; i < chips.size(); i++) {
            Label c = chips.get(i);
            c.setVisible(i < shown);
            if (i < shown) {
                c.resizeRelocate(x, y, w, line - GAP);
                y += line;
            }
        }
        int rest = split[2];
        more.setVisible(rest > 0 && lines > 0);
        if (rest > 0) {
            more.setText(Messages.text("main.calendar.more", rest));
            more.resizeRelocate(x, y, w, line - GAP);
        }
    }
}

package dev.tandem.app.view.calendar;

import dev.tandem.app.vm.calendar.CalendarDay;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * One day of the month grid: its date, then as many of its todos as its height holds, then "+k more" for
 * the rest ({@link CalendarDay#shownIn}). The grid gives every week the same height, whatever it holds, so
 * the cell decides at layout what fits; what does not is hidden, and the cell clips, so nothing draws over
 * the week below.
 *
 * <p>A chip is made only once a layout has room for it, as a virtual list makes its cells: a day may keep
 * 72 todos, and a month of chips for all of them (3,000 labels, each styled) made opening the month four
 * times slower than drawing the few that fit. The first chip is made at once, to measure a line.
 */
final class MonthCell extends Region {
    private final CalendarDay day;
    private final Label number;
    private final List<CalendarEntry> entries;
    private final Function<CalendarEntry, Label> makeChip;
    private final List<Label> chips = new ArrayList<>();
    private final Label more = new Label();
    private final Rectangle clip = new Rectangle();

    MonthCell(CalendarDay day, Label number, Function<CalendarEntry, Label> makeChip, Runnable openDay) {
        this.day = day;
        this.number = number;
        this.entries = day.entries();
        this.makeChip = makeChip;
        getStyleClass().add(Styles.CALENDAR_CELL);
        more.getStyleClass().add(Styles.CALENDAR_MORE);
        more.setMinWidth(0);
        more.setOnMouseClicked(e -> {
            openDay.run();
            e.consume();
        });
        getChildren().addAll(number, more);
        if (!entries.isEmpty()) {
            addChip();
        }
        setMinSize(0, 0);
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Makes the next chip, placed before "+k more"; styled now, as it is measured in this layout. */
    private void addChip() {
        Label c = makeChip.apply(entries.get(chips.size()));
        chips.add(c);
        getChildren().add(getChildren().size() - 1, c);
        if (getScene() != null) {
            c.applyCss();
        }
    }

    /** The cell's spacing, as {@code -fx-spacing} on the other boxes: the gap between lines. */
    private static final double GAP = 2;

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
        double line = (chips.isEmpty() ? more.prefHeight(w) : chips.get(0).prefHeight(w)) + GAP;
        int lines = (int) Math.floor((getHeight() - in.getBottom() - y + GAP) / line);
        int shown = day.shownIn(lines);
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
        int rest = day.total() - shown;
        more.setVisible(rest > 0 && lines > 0);
        if (rest > 0) {
            more.setText(Messages.text("main.calendar.more", rest));
            more.resizeRelocate(x, y, w, line - GAP);
        }
    }
}

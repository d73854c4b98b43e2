package dev.tandem.app.vm.calendar;

import dev.tandem.ui.messages.Formats;
import java.time.LocalTime;

/**
 * Where things are on a calendar grid and what a point on it means, in the grid's own coordinates
 * (pixels from its top left): the week's hour grid (a column per day, {@code hourHeight} pixels an hour,
 * minutes by the wall clock) and the month's cells (7 columns of {@code cellHeight}-high rows). The
 * views only place nodes where this says and hand it the point a drag ends on. Pure.
 */
public record GridGeometry(double dayWidth, double hourHeight, int columns, int rows) {
    /** Drags and keyboard moves snap to this many minutes. */
    public static final int SNAP_MINUTES = 15;
    /** The least height of a block, so a 5-minute todo can still be seen and grabbed. */
    public static final int MIN_BLOCK_MINUTES = 15;

    public static GridGeometry week(double dayWidth, double hourHeight) {
        return new GridGeometry(dayWidth, hourHeight, 7, 1);
    }

    /** A month: 7 columns of {@code cellWidth} by {@link CalendarRange#MONTH_WEEKS} rows of {@code cellHeight}. */
    public static GridGeometry month(double cellWidth, double cellHeight) {
        return new GridGeometry(cellWidth, cellHeight, 7, CalendarRange.MONTH_WEEKS);
    }

    /**
     * The hour axis' label for {@code hour}: the language's clock ({@link Formats#time}), as the blocks
     * write times, so "8:00" on the axis lines up with "8:00 Standup" on a block.
     */
    public static String hourText(int hour) {
        return Formats.time(LocalTime.of(hour, 0));
    }

    /** The y of a minute of the day on the hour grid. */
    public double y(int minute) {
        return minute * hourHeight / 60.0;
    }

    public double top(TimeBlock b) {
        return y(b.start());
    }

    public double height(TimeBlock b) {
        return y(Math.max(b.end() - b.start(), MIN_BLOCK_MINUTES));
    }

    /** The x of a block's left edge in its day column {@code dayIndex}. */
    public double left(TimeBlock b, int dayIndex) {
        return dayIndex * dayWidth + b.left() * dayWidth;
    }

    public double width(TimeBlock b) {
        return b.width() * dayWidth;
    }

    /** The day column at {@code x}, kept within the grid. */
    public int column(double x) {
        return clamp((int) Math.floor(x / dayWidth), 0, columns - 1);
    }

    /** The month row at {@code y}, kept within the grid. */
    public int row(double y) {
        return clamp((int) Math.floor(y / hourHeight), 0, rows - 1);
    }

    /** The month cell (its index in the range) at a point. */
    public int cell(double x, double y) {
        return row(y) * columns + column(x);
    }

    /**
     * The time of day at {@code y} on the hour grid, snapped to the nearest {@value #SNAP_MINUTES} minutes
     * and kept within the day (the last start is 23:45).
     */
    public LocalTime time(double y) {
        int minute = (int) Math.round(y * 60.0 / hourHeight / SNAP_MINUTES) * SNAP_MINUTES;
        return LocalTime.MIN.plusMinutes(clamp(minute, 0, TimeBlock.DAY_MINUTES - SNAP_MINUTES));
    }

    /**
     * Where a block dragged so its top moved by {@code dy} starts: its start shifted and snapped, as
     * {@link #time} does for a point; the grab point inside the block does not matter.
     */
    public LocalTime movedStart(TimeBlock b, double dy) {
        return time(top(b) + dy);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

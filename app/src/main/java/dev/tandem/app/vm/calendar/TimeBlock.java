package dev.tandem.app.vm.calendar;


/**
 * A timed todo laid out in its day's column of the hour grid. Minutes count from midnight by the wall
 * clock ({@link java.time.LocalTime}), never from instants, so a day has 24 hours on the grid even when
 * the clocks change: a todo at 2:30 on the day 2:00 skips to 3:00 sits where 2:30 would be.
 *
 * @param start   minute of the day it starts
 * @param end     minute it ends, at most 24:00 (a block past midnight is cut at the day's end)
 * @param column  its place among the blocks it overlaps, from 0
 * @param columns how many side by side in its group of overlapping blocks
 */
public record TimeBlock(CalendarEntry entry, int start, int end, int column, int columns) {
    public static final int DAY_MINUTES = 24 * 60;

    /** Its left edge as a share of the column's width. */
    public double left() {
        return (double) column / columns;
    }

    /** Its width as a share of the column's width. */
    public double width() {
        return 1.0 / columns;
    }
}

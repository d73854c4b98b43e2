package dev.tandem.app.vm.calendar;

/**
 * A timed event laid out in its day's column of the hour grid, beside the day's timed todos: {@code place}
 * is where it goes (its {@link TimeBlock#entry} is null), sharing columns with the todos' blocks it overlaps.
 */
public record EventBlock(EventEntry event, TimeBlock place) {
}

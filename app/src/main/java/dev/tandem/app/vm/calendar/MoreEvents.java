package dev.tandem.app.vm.calendar;

import java.util.List;

/**
 * Timed events of a day that the hour grid does not draw as blocks (more than {@link CalendarPlan#MAX_SIDE_BY_SIDE}
 * side by side, or past the day's {@link CalendarPlan#MAX_EVENT_BLOCKS}), shown as one "+k more" chip instead.
 * {@code place} spans them, from the first one's start to the latest end, and is laid out beside the blocks it
 * overlaps as an event's block is (its {@link TimeBlock#entry} is null).
 *
 * @param hidden the events it stands for, in the day's order ({@link CalendarPlan#EVENT_ORDER}); never empty
 */
public record MoreEvents(List<EventEntry> hidden, TimeBlock place) {
    public MoreEvents {
        hidden = List.copyOf(hidden);
    }

    /** How many events the chip counts. */
    public int count() {
        return hidden.size();
    }
}

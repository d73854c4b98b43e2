package dev.tandem.app.model;

import java.util.Comparator;

/**
 * The order of one day's todos at the same time of day (or all-day): by priority (none last), then as
 * added. Shared by the desktop's agenda and calendar and the web page's days, which each put the times
 * around it; apart from the time, so the calendar can sort thousands of todos by a time it read once.
 */
public final class DayOrder {
    public static final Comparator<Item> SAME_TIME = Comparator
            .comparingInt((Item i) -> i.priorityLevel() == 0 ? 5 : i.priorityLevel())
            .thenComparing(i -> i.createdAt() == null ? 0L : i.createdAt())
            .thenComparing(i -> i.id() == null ? "" : i.id());

    private DayOrder() {
    }
}

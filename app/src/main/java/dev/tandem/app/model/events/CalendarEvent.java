package dev.tandem.app.model.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One occurrence of an event of a subscribed calendar, read-only. {@code start} and {@code end} are
 * epoch milliseconds; when {@code floating} (an all-day event, or a time with no zone) they are the
 * local date-time read as if it were UTC, placed in the viewer's zone when shown.
 */
public record CalendarEvent(String calendar, String uid, long start, long end, boolean floating, boolean allDay,
                            String title, String location) {
    public CalendarEvent {
        Objects.requireNonNull(calendar, "calendar");
        uid = uid == null ? "" : uid;
        title = title == null ? "" : title;
        location = location == null ? "" : location;
    }

    /** When it starts as a local date-time in {@code zone}. */
    public LocalDateTime startIn(ZoneId zone) {
        return local(start, zone);
    }

    /** When it ends as a local date-time in {@code zone} (exclusive). */
    public LocalDateTime endIn(ZoneId zone) {
        return local(end, zone);
    }

    /** The first day it shows on in {@code zone}. */
    public LocalDate day(ZoneId zone) {
        return startIn(zone).toLocalDate();
    }

    private LocalDateTime local(long millis, ZoneId zone) {
        Instant i = Instant.ofEpochMilli(millis);
        return floating ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : LocalDateTime.ofInstant(i, zone);
    }
}

package dev.tandem.engine.caldav;

import java.util.Objects;

/**
 * One calendar object resource: its absolute path, its entity tag as sent (or null) and its iCalendar
 * text, empty when the object is larger than Tandem reads (2,000,000 characters), so no reader takes it for a task.
 */
public record CalendarObject(String href, String etag, String ics) {
    public CalendarObject {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(ics, "ics");
    }
}

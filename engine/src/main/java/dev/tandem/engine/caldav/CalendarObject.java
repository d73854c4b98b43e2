package dev.tandem.engine.caldav;

import java.util.Objects;

/** One calendar object resource: its absolute path, its entity tag as sent (or null) and its iCalendar text. */
public record CalendarObject(String href, String etag, String ics) {
    public CalendarObject {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(ics, "ics");
    }
}

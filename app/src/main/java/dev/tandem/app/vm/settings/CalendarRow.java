package dev.tandem.app.vm.settings;

import javafx.beans.property.BooleanProperty;

/**
 * One subscribed calendar as Settings → Calendars lists it: its name, colour ({@code #rrggbb} or "" for the
 * theme's), where it is read from (nothing secret), how many events are kept, and {@code state}: when it was last
 * read, or "Could not read: …" with the reason, kept until a later read succeeds ({@code failed}). Ticking
 * {@code shown} shows or hides its events.
 */
public record CalendarRow(String name, String colour, String source, int events, String state, boolean failed,
                          BooleanProperty shown) {
}

package dev.tandem.app.model.events;

import java.util.Objects;

/**
 * A calendar this device shows beside its todos: {@code source} is where it is read from (an https
 * or webcal address, a local .ics file's path, or {@code caldav:} and a calendar's address on a
 * CalDAV account), {@code me} the address whose declined invitations are hidden ("" when unknown).
 * {@code validator} is what the source said last (an ETag, a Last-Modified date, a CalDAV sync token
 * or ctag, a file's size and time), {@code refreshed} when
 * the events were last read whole (epoch ms, 0 never), {@code problem} why the last try could not
 * read it ("" when it could).
 */
public record CalendarSubscription(String name, String source, String colour, boolean enabled, String me,
                                   String validator, long refreshed, long tried, String problem) {
    public CalendarSubscription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        colour = colour == null ? "" : colour;
        me = me == null ? "" : me;
        validator = validator == null ? "" : validator;
        problem = problem == null ? "" : problem;
    }

    /** A new subscription, never read yet. */
    public static CalendarSubscription of(String name, String source, String colour, String me) {
        return new CalendarSubscription(name, source, colour, true, me, "", 0, 0, "");
    }
}

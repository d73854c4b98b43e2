package dev.tandem.engine.caldav;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a calendar since a sync token. {@code changed} maps the path of each new or
 * changed object to its entity tag (null when the server gave none); {@code removed} lists deleted
 * paths. {@code complete} means the answer lists every object the calendar holds (a first sync, a
 * server without RFC 6578, or one that forgot the token): then an object known before and not
 * listed was deleted, and {@code removed} is empty. {@code syncToken} is the token to ask with
 * next time, or null when the server has none.
 */
public record CalendarChanges(String syncToken, Map<String, String> changed, List<String> removed, boolean complete) {
    public CalendarChanges {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(removed, "removed");
        changed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changed));
        removed = List.copyOf(removed);
    }
}

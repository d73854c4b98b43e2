package dev.tandem.engine.caldav;

import java.util.Objects;

/**
 * A calendar collection on a CalDAV server. {@code href} is its absolute path ending in '/';
 * {@code name} its display name ("" when it has none); {@code version} what changes whenever any of
 * its objects changes (the RFC 6578 {@code sync-token}, else the {@code getctag}), or "" when the
 * server offers neither; {@code holdsTasks} whether it takes VTODOs and {@code holdsEvents} whether
 * it takes VEVENTs (a calendar that names no component set takes every kind).
 */
public record TaskCalendar(String href, String name, String version, boolean holdsTasks, boolean holdsEvents) {
    public TaskCalendar {
        Objects.requireNonNull(href, "href");
        name = name == null ? "" : name;
        version = version == null ? "" : version;
    }

    /** A calendar whose events are not asked about (one Tandem made for tasks, a test's). */
    public TaskCalendar(String href, String name, String version, boolean holdsTasks) {
        this(href, name, version, holdsTasks, false);
    }
}

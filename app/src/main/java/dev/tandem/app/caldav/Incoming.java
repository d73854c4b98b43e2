package dev.tandem.app.caldav;

import dev.tandem.engine.caldav.CalendarObject;

/** An object read from the server in one round, parsed: a task to merge. */
record Incoming(CalendarObject object, Vtodo.Read read) {
}

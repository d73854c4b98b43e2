package dev.tandem.app.feeds;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.caldav.CalendarChanges;
import dev.tandem.engine.caldav.CalendarObject;
import dev.tandem.engine.caldav.TaskCalendar;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CalDAV calendar's events, read through the engine's CalDAV client (its discovery, caps on
 * answers, proxies and TLS trust). The calendar's version (sync token or ctag) is the validator:
 * unchanged, nothing more is asked. Otherwise the entity tags are listed and only objects whose tag
 * changed are read again; the rest come from the copy kept in the store. Each object is parsed on
 * its own (RFC 4791 keeps an event and its exceptions in one object), under the same caps as a feed,
 * with the number of objects, their total size and the time spent capped for the whole calendar.
 */
final class CalDavFeed {
    private CalDavFeed() {
    }

    /** The calendars of {@code account} that take events. */
    static List<TaskCalendar> eventCalendars(CalDavAccount account) {
        return account.calendars().stream().filter(TaskCalendar::holdsEvents).toList();
    }

    /** Refreshes {@code name} from the one calendar {@code account} names; null when its version is unchanged. */
    static List<CalendarEvent> read(CalDavAccount account, EventStore store, String name, String validator,
                                    FeedParser parser, FeedLimits limits, Instant from, Instant to, String me,
                                    String[] newValidator, java.util.function.LongSupplier nanos) {
        long started = nanos.getAsLong();
        List<TaskCalendar> found = eventCalendars(account);
        if (found.size() != 1) {
            throw new FeedException(Messages.text("common.calendars.noCalendar", account.where()));
        }
        TaskCalendar cal = found.get(0);
        newValidator[0] = cal.version();
        if (!cal.version().isEmpty() && cal.version().equals(validator)) {
            return null;
        }
        CalendarChanges all = account.changes(cal, null);
        if (all.changed().size() > limits.maxEvents()) {
            throw new FeedException(Messages.text("common.calendars.manyEvents", limits.maxEvents()));
        }
        Map<String, String[]> known = store.objects(name);
        Map<String, String[]> now = new LinkedHashMap<>();
        List<String> toRead = new ArrayList<>();
        for (Map.Entry<String, String> e : all.changed().entrySet()) {
            String[] k = known.get(e.getKey());
            if (k != null && e.getValue() != null && k[0].equals(e.getValue())) {
                now.put(e.getKey(), k);
            } else {
                toRead.add(e.getKey());
            }
        }
        for (CalendarObject o : account.read(cal, toRead)) {
            now.put(o.href(), new String[] {o.etag() == null ? "" : o.etag(), o.ics()});
        }
        long chars = 0;
        List<CalendarEvent> events = new ArrayList<>();
        for (String[] o : now.values()) {
            if (nanos.getAsLong() - started > limits.maxTime().toNanos()) {
                throw new FeedException(Messages.text("common.calendars.slow", limits.maxTime().toSeconds()));
            }
            chars += o[1].length();
            if (chars > limits.maxBytes()) {
                throw new FeedException(Messages.text("common.calendars.big", Math.max(1, limits.maxBytes() >> 20)));
            }
            if (o[1].isEmpty()) {
                continue;
            }
            try {
                events.addAll(parser.parse(name, o[1], from, to, me).events());
            } catch (FeedException e) {
                // One unreadable object is left out; the calendar's other events still show.
                continue;
            }
            if (events.size() >= limits.maxOccurrences()) {
                break;
            }
        }
        store.objects(name, now);
        return events.subList(0, Math.min(events.size(), limits.maxOccurrences()));
    }
}

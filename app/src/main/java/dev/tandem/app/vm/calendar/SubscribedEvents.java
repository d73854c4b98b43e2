package dev.tandem.app.vm.calendar;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The events of the enabled subscribed calendars on the days of a range, each in its calendar's colour: one
 * read of the store for the range ({@link EventStore#between}, bounded there), on the caller's (background)
 * thread.
 */
public final class SubscribedEvents implements Function<CalendarRange, List<EventEntry>> {
    private final EventStore store;
    private final Supplier<ZoneId> zone;

    public SubscribedEvents(EventStore store, Supplier<ZoneId> zone) {
        this.store = store;
        this.zone = zone;
    }

    @Override
    public List<EventEntry> apply(CalendarRange r) {
        return between(r.first(), r.last());
    }

    /** The events of the enabled calendars that touch {@code day}, as stored ("Plan my day" reads them). */
    public List<CalendarEvent> eventsOn(LocalDate day) {
        ZoneId z = zone.get();
        Set<String> enabled = new HashSet<>();
        for (CalendarSubscription s : store.subscriptions()) {
            if (s.enabled()) {
                enabled.add(s.name());
            }
        }
        return store.between(day.atStartOfDay(z).toInstant(), day.plusDays(1).atStartOfDay(z).toInstant(), z).stream()
                .filter(e -> enabled.contains(e.calendar())).toList();
    }

    /** The entries of the days {@code first} to {@code last}, in the store's order. */
    public List<EventEntry> between(LocalDate first, LocalDate last) {
        ZoneId z = zone.get();
        Map<String, String> colours = new HashMap<>();
        for (CalendarSubscription s : store.subscriptions()) {
            if (s.enabled()) {
                colours.put(s.name(), s.colour());
            }
        }
        List<EventEntry> out = new ArrayList<>();
        for (CalendarEvent e : store.between(first.atStartOfDay(z).toInstant(),
                last.plusDays(1).atStartOfDay(z).toInstant(), z)) {
            String colour = colours.get(e.calendar());
            if (colour != null) {
                out.addAll(EventEntry.on(e, colour, first, last, z));
            }
        }
        return out;
    }
}

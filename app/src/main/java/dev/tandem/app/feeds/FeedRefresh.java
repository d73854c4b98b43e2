package dev.tandem.app.feeds;

import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads the subscribed calendars again and keeps what they say in the {@link EventStore}, one
 * calendar at a time: a calendar that cannot be read keeps its last copy and the reason, and the
 * others go on. Conditional throughout: a feed is asked with its last ETag (If-None-Match; 304 keeps
 * the copy), a CalDAV calendar by its version (sync token or ctag), a file by its size and
 * modification time. Occurrences are kept expanded for {@link #BEFORE} back and {@link #AHEAD} ahead of
 * the refresh, the window a view asks within; so every view of the calendar works offline from
 * the last copy. Runs off the UI thread: every call may wait on the network.
 */
public final class FeedRefresh {
    /** How far back the kept occurrences reach. */
    public static final Duration BEFORE = Duration.ofDays(31);
    /** How far ahead the kept occurrences reach. */
    public static final Duration AHEAD = Duration.ofDays(400);
    /** How often a calendar is read again while the app runs ({@link #refreshDue}). */
    public static final Duration INTERVAL = Duration.ofMinutes(60);

    /** What one calendar's refresh did: read anew, unchanged, or the problem (kept in the store too). */
    public record Outcome(String name, boolean unchanged, String problem, int events) {
    }

    private final EventStore store;
    private final FeedLimits limits;
    private final Clock clock;
    private final LongSupplier nanos;
    private final Function<String, WebDavSettings> caldavLogin;

    /**
     * {@code caldavLogin} gives the settings (address, user, password) to reach a CalDAV calendar's
     * address with; it may throw a {@link FeedException} when no password is at hand.
     */
    public FeedRefresh(EventStore store, FeedLimits limits, Clock clock, LongSupplier nanos,
                       Function<String, WebDavSettings> caldavLogin) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.nanos = nanos;
        this.caldavLogin = caldavLogin;
    }

    /** Every enabled calendar, in name order. */
    public List<Outcome> refreshAll() {
        List<Outcome> out = new ArrayList<>();
        for (CalendarSubscription s : store.subscriptions()) {
            if (s.enabled()) {
                out.add(refresh(s));
            }
        }
        return out;
    }

    /** The enabled calendars not tried within {@link #INTERVAL}: at the app's start and on its timer. */
    public List<Outcome> refreshDue() {
        long now = clock.millis();
        List<Outcome> out = new ArrayList<>();
        for (CalendarSubscription s : store.subscriptions()) {
            if (s.enabled() && now - s.tried() >= INTERVAL.toMillis()) {
                out.add(refresh(s));
            }
        }
        return out;
    }

    /** A calendar of a CalDAV account that takes events: its display name and address. */
    public record FoundCalendar(String name, String address) {
    }

    /**
     * The calendars that take events (supported-calendar-component-set naming VEVENT, or none) on the
     * account {@code settings} reach; only that one when the address names one calendar.
     */
    public static List<FoundCalendar> eventCalendars(WebDavSettings settings) {
        try (CalDavAccount account = CalDavAccount.connect(settings)) {
            URI base = URI.create(settings.url());
            return CalDavFeed.eventCalendars(account).stream().map(c -> new FoundCalendar(
                    c.name().isBlank() ? c.href() : c.name(), base.resolve(c.href()).toString())).toList();
        }
    }

    public Outcome refresh(CalendarSubscription s) {
        Instant now = clock.instant();
        Instant from = now.minus(BEFORE);
        Instant to = now.plus(AHEAD);
        FeedParser parser = new FeedParser(limits, nanos);
        try {
            FeedSource source = FeedSource.stored(s.source());
            String validator;
            List<CalendarEvent> events;
            switch (source.kind()) {
                case WEB -> {
                    FeedFetch.Fetched f = new FeedFetch(limits).get(URI.create(source.address()), s.validator());
                    if (f.unchanged()) {
                        store.unchanged(s.name(), now);
                        return new Outcome(s.name(), true, "", store.count(s.name()));
                    }
                    validator = f.etag();
                    events = parser.parse(s.name(), f.text(), from, to, s.me()).events();
                }
                case FILE -> {
                    Path p = Path.of(source.address());
                    if (!Files.isRegularFile(p)) {
                        throw new FeedException(Messages.text("common.calendars.noFile", p.toString()));
                    }
                    validator = Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
                    if (validator.equals(s.validator()) && s.refreshed() > 0) {
                        store.unchanged(s.name(), now);
                        return new Outcome(s.name(), true, "", store.count(s.name()));
                    }
                    events = parser.parse(s.name(), readCapped(p), from, to, s.me()).events();
                }
                default -> {
                    String[] version = new String[1];
                    try (CalDavAccount account = CalDavAccount.connect(caldavLogin.apply(source.address()))) {
                        events = CalDavFeed.read(account, store, s.name(), s.validator(), parser, limits, from, to,
                                s.me(), version, nanos);
                    }
                    if (events == null) {
                        store.unchanged(s.name(), now);
                        return new Outcome(s.name(), true, "", store.count(s.name()));
                    }
                    validator = version[0];
                }
            }
            store.replace(s.name(), events, validator, now, s.me());
            return new Outcome(s.name(), false, "", events.size());
        } catch (FeedException | SyncException | IllegalArgumentException e) {
            return failed(s, String.valueOf(e.getMessage()), now);
        } catch (IOException e) {
            return failed(s, Messages.text("common.calendars.network", String.valueOf(e.getMessage())), now);
        }
    }

    private Outcome failed(CalendarSubscription s, String problem, Instant now) {
        store.failed(s.name(), problem, now);
        return new Outcome(s.name(), false, problem, store.count(s.name()));
    }

    /** A local file's text, refused past the byte cap before any of it is parsed. */
    private String readCapped(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (b.length > limits.maxBytes()) {
                throw new FeedException(Messages.text("common.calendars.big", Math.max(1, limits.maxBytes() >> 20)));
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}

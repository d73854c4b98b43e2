package dev.tandem.app.cli;

import dev.tandem.app.caldav.CalDavState;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.feeds.FeedSource;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tandem calendars [add SOURCE | rm NAME | refresh]}: the calendars this device shows beside
 * its todos (docs/CALENDARS.md). They are this device's alone, kept beside the profile and never
 * synced. A CalDAV account's log-in comes from TANDEM_CALDAV_USER (else the user saved by
 * {@code tandem caldav}) and TANDEM_CALDAV_PASSWORD each time; the password is never written.
 */
final class CalendarCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    CalendarCommands(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    int calendars(TodoStore store, SettingsStore settings, Args a) {
        List<String> words = a.positional();
        String what = words.isEmpty() ? "list" : words.get(0);
        try (EventStore events = EventStore.open(store.replica().file())) {
            return switch (what) {
                case "list" -> list(events);
                case "add" -> add(store, settings, events, words, a);
                case "rm" -> rm(events, words);
                case "refresh" -> refresh(store, events, events.subscriptions());
                default -> throw new UsageError(Messages.text("cli.calendars.expected"));
            };
        }
    }

    private int list(EventStore events) {
        List<CalendarSubscription> subs = events.subscriptions();
        if (subs.isEmpty()) {
            err.println(Messages.text("cli.calendars.none"));
            return 0;
        }
        ZoneId zone = ZoneId.systemDefault();
        for (CalendarSubscription s : subs) {
            String when = s.refreshed() == 0 ? Messages.text("cli.calendars.never")
                    : Formats.dayYearTime(LocalDateTime.ofInstant(Instant.ofEpochMilli(s.refreshed()), zone));
            String state = s.problem().isEmpty() ? Messages.text("cli.calendars.read", when, events.count(s.name()))
                    : Messages.text("cli.calendars.couldNotRead", s.problem(), when);
            out.println(s.name() + (s.colour().isEmpty() ? "" : " (" + s.colour() + ")") + "  " + shown(s.source())
                    + "  " + (s.enabled() ? "" : Messages.text("cli.calendars.off") + "  ") + state);
        }
        return 0;
    }

    private int add(TodoStore store, SettingsStore settings, EventStore events, List<String> words, Args a) {
        if (words.size() != 2) {
            throw new UsageError(Messages.text("cli.calendars.addUsage"));
        }
        String colour = a.options().getOrDefault("--colour", "");
        if (!colour.isEmpty() && !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new UsageError(Messages.text("cli.calendars.colour", colour));
        }
        FeedSource source;
        try {
            source = FeedSource.of(words.get(1));
        } catch (FeedException e) {
            throw new UsageError(Messages.text("cli.calendars.source", e.getMessage()));
        }
        // "Me", whose declined invitations are left out: --me, else "Your address" saved on this device (as the
        // window's Settings → Calendars adds with it), else for a CalDAV account its user when that is an address.
        String me = a.options().containsKey("--me") ? a.options().get("--me") : CalendarMeSetting.load(settings, events);
        List<CalendarSubscription> added = new ArrayList<>();
        if (source.kind() == FeedSource.Kind.CALDAV) {
            WebDavSettings login = login(store, source.address());
            List<FeedRefresh.FoundCalendar> found = FeedRefresh.eventCalendars(login);
            if (found.isEmpty()) {
                throw new Cli.Failure(Messages.text("cli.calendars.noEventCalendars", source.address()));
            }
            String mine = me.isEmpty() && login.user().contains("@") ? login.user() : me;
            for (FeedRefresh.FoundCalendar f : found) {
                String name = a.options().containsKey("--name") && found.size() == 1 ? a.options().get("--name") : f.name();
                added.add(CalendarSubscription.of(name, new FeedSource(FeedSource.Kind.CALDAV, f.address()).stored(),
                        colour, mine));
            }
        } else {
            added.add(CalendarSubscription.of(a.options().getOrDefault("--name", defaultName(source.address())),
                    source.stored(), colour, me));
        }
        for (CalendarSubscription s : added) {
            if (!events.add(s)) {
                throw new UsageError(Messages.text("cli.calendars.taken", s.name()));
            }
            out.println(Messages.text("cli.calendars.added", s.name()));
        }
        return refresh(store, events, added);
    }

    private int rm(EventStore events, List<String> words) {
        if (words.size() != 2) {
            throw new UsageError(Messages.text("cli.calendars.rmUsage"));
        }
        if (!events.remove(words.get(1))) {
            throw new Cli.Failure(Messages.text("cli.calendars.unknown", words.get(1)));
        }
        out.println(Messages.text("cli.calendars.removed", words.get(1)));
        return 0;
    }

    private int refresh(TodoStore store, EventStore events, List<CalendarSubscription> which) {
        FeedRefresh r = new FeedRefresh(events, FeedLimits.DEFAULT, clock, System::nanoTime, a -> login(store, a));
        boolean problems = false;
        for (CalendarSubscription s : which) {
            if (!s.enabled()) {
                continue;
            }
            FeedRefresh.Outcome o = r.refresh(events.subscription(s.name()).orElse(s));
            if (!o.problem().isEmpty()) {
                problems = true;
                err.println(Messages.text("cli.calendars.refreshFailed", o.name(), o.problem()));
            } else {
                out.println(Messages.text(o.unchanged() ? "cli.calendars.unchanged" : "cli.calendars.refreshed",
                        o.name(), o.events()));
            }
        }
        return problems ? Cli.SYNCED_WITH_PROBLEMS : 0;
    }

    private WebDavSettings login(TodoStore store, String address) {
        String user;
        try (CalDavState state = CalDavState.open(store.replica().file())) {
            user = env.getOrDefault("TANDEM_CALDAV_USER", state.setting("user").orElse(""));
        }
        String password = env.getOrDefault("TANDEM_CALDAV_PASSWORD", "");
        if (!user.isBlank() && password.isEmpty()) {
            throw new FeedException(Messages.text("common.calendars.needsPassword"));
        }
        try {
            return new WebDavSettings(address, user, password, env.getOrDefault("TANDEM_CALDAV_TRUST", ""));
        } catch (IllegalArgumentException e) {
            throw new FeedException(String.valueOf(e.getMessage()), e);
        }
    }

    private static String shown(String source) {
        return FeedSource.shown(source);
    }

    /** "holidays" from ".../holidays.ics", else the host or file name. */
    static String defaultName(String address) {
        return FeedSource.defaultName(address);
    }
}

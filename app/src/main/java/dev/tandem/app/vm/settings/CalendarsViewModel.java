package dev.tandem.app.vm.settings;

import dev.tandem.app.caldav.CalDavWords;
import dev.tandem.app.caldav.CalendarLogin;
import dev.tandem.app.feeds.FeedException;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.feeds.FeedSource;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → Calendars: the calendars this device shows beside its todos (docs/CALENDARS.md). Lists them with
 * their colour, source, events kept and when they were read, or why they could not be ("could not read: …",
 * kept until a later read succeeds); adds a feed by address (checked as {@code tandem calendars add} checks it),
 * a local .ics file, or the event calendars found on a CalDAV account; shows or hides, recolours, renames and
 * removes one; reads them all again; sets this device's working hours, the day "Plan my day" fills
 * ({@link PlanningFields}). Needs no toolkit.
 *
 * <p>Every read of the store, the disk or the network runs on {@code async}'s background executor, and only the
 * result reaches the UI executor: a slow or hostile server holds up nothing but its own line, under the caps of
 * {@link FeedLimits}. The list's commands (show, colour, rename, remove) stay usable while a feed is read; the
 * lists read back land in the order they were asked ({@link #generation}), so a late answer never hides a newer
 * one. A CalDAV log-in typed here is kept in memory only, for the account's own server; otherwise the log-in is
 * the one {@link CalendarLogin} finds (the environment, else the CalDAV bridge's saved account).
 */
public final class CalendarsViewModel implements HasFeedback {
    private static final String COLOUR = "#[0-9a-fA-F]{6}";
    private final Feedback feedback = new Feedback();
    private final EventStore store;
    private final FeedLimits limits;
    private final Clock clock;
    private final Function<String, WebDavSettings> savedLogin;
    private final Async async;
    private final Questions dialogs;
    private final Runnable changed;
    private final SettingsStore settings;
    /** The working hours and "me", fields of their own. */
    private final PlanningFields planning;
    private final StringProperty feedUrl = new SimpleStringProperty("");
    private final StringProperty accountUrl = new SimpleStringProperty("");
    private final StringProperty accountUser = new SimpleStringProperty("");
    private final StringProperty accountPassword = new SimpleStringProperty("");
    private final ObservableList<CalendarRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FoundCalendarChoice> found = FXCollections.observableArrayList();
    private long generation;

    /**
     * {@code savedLogin}: a CalDAV calendar's log-in when none is typed here; {@code changed}: run on the UI
     * executor when what the calendars show changed, so the views shown read their events again;
     * {@code settings}: where the working hours are kept.
     */
    public CalendarsViewModel(EventStore store, FeedLimits limits, Clock clock,
                              Function<String, WebDavSettings> savedLogin, Async async, Questions dialogs,
                              Runnable changed, SettingsStore settings) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.savedLogin = savedLogin;
        this.async = async;
        this.dialogs = dialogs;
        this.changed = changed;
        this.settings = settings;
        this.planning = new PlanningFields(settings, store, async, feedback, this::fail);
    }

    /** The address typed for "Add feed": https://, webcal:// (or a path). */
    public StringProperty feedUrlProperty() {
        return feedUrl;
    }

    /** The CalDAV account's address: the account's root or one calendar. */
    public StringProperty accountUrlProperty() {
        return accountUrl;
    }

    public StringProperty accountUserProperty() {
        return accountUser;
    }

    /** Empty: the log-in the CalDAV bridge saved (or the environment's). Never written. */
    public StringProperty accountPasswordProperty() {
        return accountPassword;
    }

    /** The start of the working hours as typed: "9:00". */
    public StringProperty hoursStartProperty() {
        return planning.hoursStart;
    }

    /** The end of the working hours as typed: "17:00". */
    public StringProperty hoursEndProperty() {
        return planning.hoursEnd;
    }

    /** "Me": the e-mail address whose declined invitations are left out, as typed ("" for none). */
    public StringProperty meProperty() {
        return planning.me;
    }

    /** The subscribed calendars, in name order. */
    public ObservableList<CalendarRow> rows() {
        return rows;
    }

    /** The event calendars the last "Find calendars" found, each to tick. */
    public ObservableList<FoundCalendarChoice> found() {
        return found;
    }

    /** Reads the calendars again from the store. */
    public void load() {
        long asked = ++generation;
        async.run(this::readRows, r -> {
            if (asked == generation) {
                rows.setAll(r);
            }
        }, this::fail);
    }

    /** Reads the working hours saved on this device (or the default) into the two fields. */
    public void loadHours() {
        planning.loadHours();
    }

    /** Saves the working hours typed ({@link PlanningFields#saveHours}). */
    public void saveHours() {
        planning.saveHours();
    }

    /** Reads "me" saved on this device into its field, unless something is typed. */
    public void loadMe() {
        planning.loadMe();
    }

    /** Saves "me" typed, an e-mail address or nothing, for every calendar ({@link PlanningFields#saveMe}). */
    public void saveMe() {
        planning.saveMe();
    }

    private List<CalendarRow> readRows() {
        List<CalendarRow> out = new ArrayList<>();
        for (CalendarSubscription s : store.subscriptions()) {
            String when = s.refreshed() == 0 ? Messages.text("settings.calendars.never")
                    : Formats.dayYearTime(LocalDateTime.ofInstant(Instant.ofEpochMilli(s.refreshed()), clock.getZone()));
            int count = store.count(s.name());
            String state = s.problem().isEmpty() ? Messages.text("settings.calendars.read", count, when)
                    : Messages.text("settings.calendars.couldNotRead", s.problem(), when);
            SimpleBooleanProperty shown = new SimpleBooleanProperty(s.enabled());
            shown.addListener((o, a, on) -> show(s.name(), on));
            out.add(new CalendarRow(s.name(), s.colour(), FeedSource.shown(s.source()), count, state,
                    !s.problem().isEmpty(), shown));
        }
        return out;
    }

    /** Adds the feed at the address typed, and reads it. */
    public void addFeed() {
        String given = feedUrl.get().strip();
        if (given.isEmpty()) {
            feedback.fail(Messages.text("settings.calendars.enterUrl"));
            return;
        }
        add(() -> {
            FeedSource source = FeedSource.of(given);
            if (source.kind() == FeedSource.Kind.CALDAV) {
                throw new FeedException(Messages.text("settings.calendars.useAccount"));
            }
            return List.of(CalendarSubscription.of(FeedSource.defaultName(source.address()), source.stored(), "",
                    CalendarMeSetting.load(settings, store)));
        }, () -> feedUrl.set(""));
    }

    /** Asks for a local .ics file, then adds it and reads it. */
    public void chooseAndAddFile() {
        dialogs.chooseFile(Messages.text("settings.calendars.file.title"), new Questions.FileKind(
                Messages.text("settings.calendars.file.filter"), List.of("*.ics", "*.ICS")),
                Path.of(System.getProperty("user.home"))).ifPresent(this::addFile);
    }

    /** Adds the local .ics file {@code file}, and reads it. */
    public void addFile(Path file) {
        add(() -> {
            FeedSource source = FeedSource.of(file.toString());
            return List.of(CalendarSubscription.of(FeedSource.defaultName(source.address()), source.stored(), "",
                    CalendarMeSetting.load(settings, store)));
        }, () -> { });
    }

    /** Finds the account's event calendars (from its principal when the address is the account's root). */
    public void discover() {
        String url = accountUrl.get().strip();
        if (url.isEmpty()) {
            feedback.fail(Messages.text("settings.calendars.enterAccount"));
            return;
        }
        if (!feedback.begin()) {
            return;
        }
        Function<String, WebDavSettings> login = login();
        async.run(() -> FeedRefresh.eventCalendars(login.apply(FeedSource.of("caldav:" + url).address())), list -> {
            found.setAll(list.stream().map(f -> new FoundCalendarChoice(f.name(), f.address(),
                    new SimpleBooleanProperty(true))).toList());
            feedback.end(list.isEmpty() ? Messages.text("settings.calendars.noneFound", url)
                    : Messages.text("settings.calendars.found", list.size()));
        }, this::fail);
    }

    /** Adds the found calendars that are ticked, and reads them. */
    public void addChosen() {
        List<FoundCalendarChoice> chosen = found.stream().filter(f -> f.chosen().get()).toList();
        if (chosen.isEmpty()) {
            feedback.fail(Messages.text("settings.calendars.noneChosen"));
            return;
        }
        Function<String, WebDavSettings> login = login();
        add(() -> {
            // "Me", whose declined invitations are hidden: the one saved here, else the log-in's user when it is
            // an address.
            String user = login.apply(chosen.get(0).address()).user();
            String saved = CalendarMeSetting.load(settings, store);
            String me = !saved.isEmpty() ? saved : user.contains("@") ? user : "";
            return chosen.stream().map(f -> CalendarSubscription.of(f.name(), "caldav:" + f.address(), "", me)).toList();
        }, found::clear);
    }

    /**
     * Adds what {@code make} names (run in the background: it may read the disk), each under a name not yet
     * taken, then reads each; {@code done} on the UI executor once they are added.
     */
    private void add(Supplier<List<CalendarSubscription>> make, Runnable done) {
        if (!feedback.begin()) {
            return;
        }
        FeedRefresh refresh = refresher();
        async.run(() -> {
            List<String> said = new ArrayList<>();
            for (CalendarSubscription s : make.get()) {
                CalendarSubscription named = s;
                for (int n = 2; !store.add(named); n++) {
                    named = CalendarSubscription.of(s.name() + " " + n, s.source(), s.colour(), s.me());
                }
                FeedRefresh.Outcome o = refresh.refresh(named);
                said.add(o.problem().isEmpty() ? Messages.text("settings.calendars.added", named.name(), o.events())
                        : Messages.text("settings.calendars.addedUnread", named.name(), o.problem()));
            }
            return String.join(" ", said);
        }, text -> {
            done.run();
            feedback.end(text);
            afterChange();
        }, this::fail);
    }

    /** Reads every calendar shown again, now. */
    public void refreshNow() {
        if (!feedback.begin()) {
            return;
        }
        FeedRefresh refresh = refresher();
        async.run(() -> refresh.refreshAll().stream().filter(o -> !o.problem().isEmpty()).count(), bad -> {
            feedback.end(bad == 0 ? Messages.text("settings.calendars.refreshed")
                    : Messages.text("settings.calendars.refreshedProblems", bad));
            afterChange();
        }, this::fail);
    }

    private void show(String name, boolean on) {
        async.run(() -> {
            store.enable(name, on);
            return null;
        }, v -> changed.run(), this::fail);
    }

    /** Shows {@code name} in {@code colour} ({@code #rrggbb}). */
    public void colour(String name, String colour) {
        if (!colour.matches(COLOUR)) {
            feedback.fail(Messages.text("settings.calendars.badColour", colour));
            return;
        }
        change(() -> {
            store.colour(name, colour.toLowerCase(java.util.Locale.ROOT));
            return "";
        });
    }

    /** Asks for {@code name}'s new name, then renames it. */
    public void askRename(String name) {
        dialogs.askText(Messages.text("settings.calendars.rename.title"), Messages.text("settings.calendars.rename.label"),
                name).ifPresent(to -> rename(name, to));
    }

    /** Names {@code name} {@code to}; a name taken already or blank is refused and nothing changes. */
    public void rename(String name, String to) {
        String wanted = to == null ? "" : to.strip();
        if (wanted.isEmpty()) {
            feedback.fail(Messages.text("settings.calendars.emptyName"));
            return;
        }
        if (wanted.equals(name)) {
            return;
        }
        change(() -> {
            if (!store.rename(name, wanted)) {
                throw new FeedException(Messages.text("settings.calendars.taken", wanted));
            }
            return Messages.text("settings.calendars.renamed", wanted);
        });
    }

    /** Unsubscribes from {@code name}; its events are forgotten on this device. */
    public void remove(String name) {
        change(() -> {
            store.remove(name);
            return Messages.text("settings.calendars.removed", name);
        });
    }

    /** A change of the list alone: said (when it says something), the list read again, the views told. */
    private void change(Supplier<String> work) {
        async.run(work, text -> {
            if (!text.isEmpty()) {
                feedback.say(text);
            }
            afterChange();
        }, this::fail);
    }

    private void afterChange() {
        load();
        changed.run();
    }

    private FeedRefresh refresher() {
        return new FeedRefresh(store, limits, clock, System::nanoTime, login());
    }

    /**
     * The CalDAV log-in, as the fields are now: what is typed, for the typed account's own server, when a
     * password is typed; else the one saved.
     */
    private Function<String, WebDavSettings> login() {
        String url = accountUrl.get().strip();
        String user = accountUser.get().strip();
        String password = accountPassword.get();
        return address -> {
            if (password.isEmpty() || !CalendarLogin.sameServer(url, address)) {
                return savedLogin.apply(address);
            }
            try {
                return new WebDavSettings(address, user, password);
            } catch (IllegalArgumentException e) {
                throw new FeedException(String.valueOf(e.getMessage()), e);
            }
        };
    }

    private void fail(Throwable e) {
        String why = e instanceof SyncException s ? CalDavWords.say(s) : Feedback.why(e);
        feedback.failed(Messages.text("settings.calendars.failed", why));
        load();
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}

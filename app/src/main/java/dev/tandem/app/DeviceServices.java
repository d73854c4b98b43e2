package dev.tandem.app;

import dev.tandem.app.agent.ReminderAgent;
import dev.tandem.app.backup.BackupService;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.caldav.CalendarLogin;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedProblems;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.sync.HistoryUpkeep;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.web.WebServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background services a {@link Device} runs, as its {@link DeviceBuilder} switched them on, started
 * together by {@link #start} and stopped by {@link #close} before the device's sync and store close. Sync
 * itself is {@link DeviceSync}'s (which remote) and {@link SyncService}'s (when); this class starts the rest:
 * the web companion of {@code tandem serve}, daily backups, the CalDAV bridge, the subscribed calendars' hourly
 * read, reminders and history upkeep.
 *
 * <p>Ordering: the web server stops first (no page writes after it), then the calendars' reads, then reminders, each
 * closed even when the
 * one before failed to; the device then closes CalDAV, sync and backups, which every device has, switched on or
 * not. Starting twice starts nothing twice.
 */
final class DeviceServices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tandem");

    private final TodoStore store;
    private final SettingsStore settings;
    private final Clock clock;
    private final SyncService sync;
    private final CalDavService caldav;
    private final BackupService backups;
    private final Executor io;
    private final boolean runBackups;
    private final boolean runCaldav;
    private final boolean runHistory;
    private final FeedRefresh calendars;
    private ScheduledExecutorService calendarTimer;
    private final WebServer server;
    private final ReminderAgent reminders;
    private boolean started;

    DeviceServices(DeviceBuilder b, Device device, AttachmentFetcher fetcher, Executor io) {
        this.store = device.store();
        this.settings = device.settings();
        this.clock = device.clock();
        this.sync = device.sync();
        this.caldav = device.caldav();
        this.backups = device.backups();
        this.io = io;
        this.runBackups = b.backups;
        this.runCaldav = b.caldav;
        this.runHistory = b.sync != DeviceBuilder.SyncSource.OFF;
        this.calendars = !b.calendars ? null : new FeedRefresh(device.events(), FeedLimits.DEFAULT, clock,
                System::nanoTime, new CalendarLogin(System.getenv(), store.replica().file(), settings));
        this.reminders = b.notifier == null ? null : new ReminderAgent(store, b.notifier, b.windowOpen);
        if (b.web != null) {
            // Nobody looks while no page is open: check the remotes as rarely as an unfocused window does.
            sync.setFocused(false);
            caldav.setFocused(false);
            b.web.store(store).settings(settings).deviceName(device.name()).sharedLists(device::sharedLists).events(device.events())
                    .attachments(device.attachments(), fetcher, () -> device.attachmentSettings().limit())
                    .onOpenPages(n -> {
                        sync.setFocused(n > 0);
                        caldav.setFocused(n > 0);
                    });
            this.server = b.web.build();
        } else {
            this.server = null;
        }
    }

    /** The web companion this device serves ({@link DeviceBuilder#web}); empty when it serves none. */
    Optional<WebServer> server() {
        return Optional.ofNullable(server);
    }

    /**
     * Which services run, in the order {@link #start} starts them: "web", "backups", "caldav", "calendars",
     * "reminders".
     */
    List<String> running() {
        List<String> on = new ArrayList<>();
        if (server != null) {
            on.add("web");
        }
        if (runBackups) {
            on.add("backups");
        }
        if (runCaldav) {
            on.add("caldav");
        }
        if (calendars != null) {
            on.add("calendars");
        }
        if (reminders != null) {
            on.add("reminders");
        }
        return on;
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (runCaldav) {
            caldav.start();
        }
        if (runBackups) {
            backups.startDaily();
        }
        if (calendars != null) {
            startCalendars();
        }
        if (reminders != null) {
            reminders.start();
        }
        if (runHistory) {
            // Once a day, in the background: history stays bounded (HistoryUpkeep).
            io.execute(() -> {
                try {
                    new HistoryUpkeep(store.replica(), settings, clock).pruneIfDue();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not prune history: " + e.getMessage(), e);
                }
            });
        }
        if (server != null) {
            server.start();
        }
    }

    /**
     * Each round reads the calendars not tried within the hour; a slow or hostile feed holds up only this thread
     * (the feeds' caps bound it), and a round that fails is logged and the next one still runs. A calendar that
     * cannot be read is logged once per new failure ({@link FeedProblems}), not at every hour's try.
     */
    private void startCalendars() {
        FeedProblems problems = new FeedProblems();
        calendarTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-calendars");
            t.setDaemon(true);
            return t;
        });
        calendarTimer.scheduleWithFixedDelay(() -> {
            try {
                for (FeedRefresh.Outcome o : problems.news(calendars.refreshDue())) {
                    LOG.log(System.Logger.Level.WARNING, "could not read the calendar " + o.name() + ": " + o.problem());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not read the calendars: " + e.getMessage(), e);
            }
        }, 0, FeedRefresh.INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        // CalDAV and backups exist in every device, started or not: the device closes them after this.
        List<AutoCloseable> order = new ArrayList<>();
        if (server != null) {
            order.add(server);
        }
        if (calendarTimer != null) {
            ScheduledExecutorService timer = calendarTimer;
            order.add(() -> {
                timer.shutdownNow();
                // A round under way ends at its next read: the device closes the calendars' store after this.
                try {
                    if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                        LOG.log(System.Logger.Level.WARNING, "the calendars' read did not stop within 5 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        if (reminders != null) {
            order.add(reminders);
        }
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + c.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
    }
}

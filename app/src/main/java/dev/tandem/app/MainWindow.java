package dev.tandem.app;

import dev.tandem.app.agent.ShortcutPortal;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.caldav.CalendarLogin;
import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.Launcher;
import dev.tandem.app.settings.WorkingHoursSetting;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.DeviceRoster;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.view.FxDialogs;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.settings.AppearanceViewModel;
import dev.tandem.app.vm.window.DayWatch;
import dev.tandem.app.vm.window.Dialogs;
import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.vm.window.ReminderScheduler;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.app.vm.window.TransferViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.window.WindowViewModel;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.app.vm.calendar.CalendarFeeds;
import dev.tandem.app.vm.calendar.SubscribedEvents;
import dev.tandem.app.vm.conflict.ConflictsViewModel;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.app.vm.history.BackupsViewModel;
import dev.tandem.app.vm.settings.AttachmentSettingsViewModel;
import dev.tandem.app.vm.settings.CalDavViewModel;
import dev.tandem.app.vm.settings.CalendarsViewModel;
import dev.tandem.app.vm.settings.DevicesViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.ShortcutHelp;
import dev.tandem.app.vm.settings.SyncSettingsFlow;
import dev.tandem.app.vm.sharing.SharingViewModel;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Builds one device's window: its view-models over the device's store, sync service and settings,
 * then the view that binds to them. The one place where the open profile meets the UI, so views
 * need nothing but their view-models.
 */
public final class MainWindow {
    private MainWindow() {
    }

    /** {@code dialogsOrNull}: real JavaFX dialogs when null, scripted ones in tests. */
    public static MainView create(Device device, Theme theme, Dialogs dialogsOrNull) {
        return create(device, theme, dialogsOrNull, LinkOpener.NONE);
    }

    /**
     * As above; {@code links} opens the links in notes (the host's browser in the app, a recorder in
     * tests). Every view-model reads the time from the device's one clock ({@link Device#clock}).
     */
    public static MainView create(Device device, Theme theme, Dialogs dialogsOrNull, LinkOpener links) {
        return create(device, theme, dialogsOrNull, links, DayWatch.MAX_WAIT);
    }

    /**
     * As above; the window's date watch reads the clock at least every {@code dayCheck} (a minute in the app):
     * a test that moves the device's clock across midnight passes a shorter one to see the new day at once.
     */
    public static MainView create(Device device, Theme theme, Dialogs dialogsOrNull, LinkOpener links,
                                  Duration dayCheck) {
        Clock clock = device.clock();
        Async async = device.async();
        AtomicReference<MainView> view = new AtomicReference<>();
        AppearanceViewModel appearance = new AppearanceViewModel(theme, async,
                t -> device.settings().put("ui.theme", t.name().toLowerCase(Locale.ROOT)));
        Dialogs dialogs = dialogsOrNull != null ? dialogsOrNull : new FxDialogs(() -> {
            MainView v = view.get();
            return v == null || v.getScene() == null ? null : v.getScene().getWindow();
        }, () -> appearance.theme().stylesheets(), async);
        UndoManager undo = new UndoManager(async);
        SyncSettingsFlow settings = new SyncSettingsFlow(async, dialogs, () -> device.settings().loadSync(),
                device::saveSync, SettingsViewModel::realCheck, s -> KeyOps.of(s, device.settings(), device.store().replica(), device.name()),
                device::name, device::rename, () -> new CalDavViewModel(device.caldav(), device.store(), async),
                () -> new DevicesViewModel(device.sync()::engine, new DeviceRoster(device.store()), async,
                        clock));
        settings.useLanguage(device.settings());
        Autostart autostart = Autostart.forThisProcess(device.settings());
        settings.useSession(autostart, () -> new ShortcutHelp(System.getProperty("os.name", ""), System.getenv(),
                Launcher.current(), autostart.profileArgs(),
                ShortcutPortal.State.read(device.settings().dir())));
        MainViewModel main = new MainViewModel(device.store(), async, dialogs, undo, dayCheck);
        settings.useWeekStart(device.settings(), d -> main.calendar().weekStartChanged());
        SubscribedEvents events = new SubscribedEvents(device.events(), () -> device.store().dateClock().getZone());
        // A week's events are read on a thread of their own while its todos are asked for on the database's queue.
        main.calendar().useEvents(events, Async.backgroundExecutor("tandem-week-events"));
        main.agenda().useEvents(events::between);
        main.planning().useEvents(events::eventsOn);
        main.planning().useHours(() -> WorkingHoursSetting.load(device.settings()));
        // The calendars are read again at the window's start and each hour, on a thread of their own: a slow
        // server never holds up the database's queue or the UI.
        // A caldav: calendar's log-in: the environment's, else the account the CalDAV bridge saved (its own server only).
        CalendarLogin login = new CalendarLogin(System.getenv(), device.store().replica().file(), device.settings());
        FeedRefresh refresh = new FeedRefresh(device.events(), FeedLimits.DEFAULT, clock, System::nanoTime, login);
        CalendarFeeds feeds = new CalendarFeeds(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tandem-calendars");
            t.setDaemon(true);
            return t;
        }), async.ui(), refresh::refreshDue, device.events()::subscriptions, () -> {
            main.calendar().eventsChanged();
            main.agenda().eventsChanged();
        });
        main.calendar().useFeeds(feeds);
        // Settings → Calendars reads feeds on threads of its own too, never the database's queue nor the UI's.
        Async calendarWork = new Async(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tandem-calendar-settings");
            t.setDaemon(true);
            return t;
        }), async.ui(), async::report);
        // A change there runs a round of the feeds (those just read are not due again): it says again which
        // calendars could not be read, under the calendar's bar, and the views read their events again.
        settings.useCalendars(() -> new CalendarsViewModel(device.events(), FeedLimits.DEFAULT, clock, login,
                calendarWork, dialogs, () -> calendarWork.io().execute(feeds::refresh), device.settings()));
        feeds.start(FeedRefresh.INTERVAL.toMinutes());
        EditorViewModel editor = new EditorViewModel(device.store(), async, undo, links);
        editor.useAttachments(new AttachmentsViewModel(device.attachments(), device.fetcher(),
                () -> device.attachmentSettings().limit(), async, dialogs, undo, links, clock));
        settings.useAttachments(() -> new AttachmentSettingsViewModel(device::attachmentSettings,
                device::saveAttachmentSettings, device.fetcher(), device.remoteCleanup()::preview,
                device.remoteCleanup()::clean, async, dialogs));
        WindowViewModel models = new WindowViewModel(
                main,
                editor,
                new ConflictsViewModel(device.store(), async, undo, dialogs),
                new SyncStatusViewModel(device.sync(), async.ui(), clock),
                appearance, settings, new TransferViewModel(device.store(), async, dialogs),
                () -> device.sync().syncNow(), device.name(),
                new ReminderScheduler(device.store(), async, clock, main.commands()));
        device.onError(e -> dialogs.notify(Messages.text("main.window.failed"),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), true));
        // Offline or a busy server only changes the status bar; what needs the user pops up once.
        device.sync().addNoticeListener(n -> async.ui().execute(() -> dialogs.notify(n.title(), n.message(), n.error())));
        // The notice changes once per event (to "" at the next sync), so this pops up once.
        models.status().noticeProperty().addListener((o, a, notice) -> {
            if (!notice.isEmpty()) {
                dialogs.notify(Messages.text("main.window.newDeviceId"), notice, false);
            }
        });
        main.listSharing().use(new SharingViewModel(new Spaces(device.settings(), System.getenv()), device.store(), async,
                dialogs, undo, () -> {
                    device.reapplySync();
                    device.sync().syncNow();
                }, () -> new Spaces(device.settings(), System.getenv()).myName()));
        main.recovery().useBackups(new BackupsViewModel(device.backups(), device.store(), device.dataDir(), Device.DB_FILE, async,
                dialogs, undo));
        models.usePhoneWeb(new PhoneWebViewModel(device.web(), async, clock),
                dialogs);
        MainView v = new MainView(models);
        view.set(v);
        phoneSync(device, v, dialogs);
        return v;
    }

    /**
     * The CalDAV task lists' background sync (the device runs it) asks the server only while the
     * window is focused, and says when it fails.
     */
    private static void phoneSync(Device device, MainView v, Dialogs dialogs) {
        CalDavService caldav = device.caldav();
        Async async = device.async();
        AtomicReference<String> lastFailure = new AtomicReference<>("");
        Consumer<CalDavService.Status> failures = s -> async.ui().execute(() -> {
            // A failure pops up once, not at every retry; the dialog shows the current state.
            String failure = s.state() == CalDavService.Status.State.FAILED ? s.message() : "";
            if (!failure.isEmpty() && !failure.equals(lastFailure.get())) {
                dialogs.notify(Messages.text("main.window.caldavFailed"),
                        Messages.text("main.window.caldavFailedText", s.message(), s.hint()), true);
            }
            lastFailure.set(failure);
        });
        caldav.addListener(failures);
        ObservableValue<Window> window = v.sceneProperty().flatMap(Scene::windowProperty);
        window.flatMap(Window::focusedProperty).orElse(false).addListener((o, a, focused) -> caldav.setFocused(focused));
        // The device's service outlives a closed window; its notices do not.
        window.addListener((o, a, w) -> {
            if (w != null) {
                w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> caldav.removeListener(failures));
            }
        });
        caldav.setFocused(v.getScene() != null && v.getScene().getWindow() != null
                && v.getScene().getWindow().isFocused());
    }
}

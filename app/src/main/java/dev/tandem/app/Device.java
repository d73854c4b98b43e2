package dev.tandem.app;

import dev.tandem.app.backup.BackupService;
import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.sync.RemoteCleanup;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.web.WebCompanion;
import dev.tandem.app.web.WebServer;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One device's runtime: its data dir, database, store, settings and background services, which start
 * together and stop before the store closes. Every process that stays up opens one through
 * {@link #builder}, switching on the services it runs ({@link DeviceBuilder}): the window, {@code tandem
 * serve}, {@code tandem agent} and the quick-add window differ only in their switches. Opening it touches
 * the disk, so it is done off the FX thread. The demo runs two of these in one process.
 */
public final class Device implements AutoCloseable {
    public static final String DB_FILE = "tandem.db";
    /** How long {@link #close} waits for background work before it says so and waits on. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** The display name; changed by {@link #rename} on the background thread, read on any. */
    private volatile String name;
    private final Path dataDir;
    private final TodoStore store;
    private final SettingsStore settings;
    private final SyncService sync;
    private final CalDavService caldav;
    private final ExecutorService ioExecutor;
    private final Async async;
    /** The one clock of this device: what "now" and "today" are for its store, window, backups and sync. */
    private final Clock clock;
    private final BackupService backups;
    private final WebCompanion web;
    private final AttachmentStore attachments;
    private final AttachmentFetcher fetcher;
    private final RemoteCleanup remoteCleanup;
    /** False for a store a command opened ({@link DeviceBuilder#store}): it closes that one itself. */
    private final boolean ownsStore;
    /** Which remote the sync takes, as the builder said; the engine when the caller built it. */
    private final DeviceBuilder.SyncSource syncSource;
    private final DeviceBuilder builder;
    private DeviceServices services;
    /** The subscribed calendars' events, beside the database; closed with it. */
    private final EventStore events;
    /** What Settings chose about attachments; read on any thread, replaced by {@link #saveAttachmentSettings}. */
    private volatile AttachmentSettings attachmentSettings;
    private AtomicReference<Consumer<Throwable>> errorHandler;
    /** Which remote it syncs with, and following what another process saves; set once by {@link #open}. */
    private DeviceSync remote;
    private volatile Duration closeWait = CLOSE_WAIT;

    private Device(String name, Path dataDir, TodoStore store, SettingsStore settings, SyncService sync,
                   CalDavService caldav, ExecutorService ioExecutor, Async async, Clock clock, DeviceBuilder b) {
        this.ownsStore = b.store == null;
        this.syncSource = b.sync;
        this.builder = b;
        this.name = name;
        this.dataDir = dataDir;
        this.store = store;
        this.settings = settings;
        this.sync = sync;
        this.caldav = caldav;
        this.ioExecutor = ioExecutor;
        this.async = async;
        this.clock = clock;
        this.backups = new BackupService(store, dataDir, settings, clock, System.getenv());
        this.web = new WebCompanion(store, settings, dataDir, this::name,
                () -> new SpaceLists(settings).listIds());
        this.attachments = store.attachments();
        this.fetcher = new AttachmentFetcher(store, sync::engine, Async.backgroundExecutor("tandem-attachments"));
        this.remoteCleanup = new RemoteCleanup(store.replica(), sync::engine);
        this.events = EventStore.open(store.replica().file());
        web.events(events);
        web.attachments(attachments, fetcher, () -> attachmentSettings.limit());
        // Applied before the first sync, so "Keep attachments on this device" holds from the start.
        applyAttachmentSettings(AttachmentSettings.load(settings));
        // "Keep attachments on this device": what a sync brought is fetched after it.
        sync.addListener(status -> {
            if (status.state() == SyncStatus.State.IDLE && fetcher.keepsAll() && status.lastReport() != null
                    && status.lastReport().pulled() > 0) {
                fetcher.fetchMissing(attachments.all());
            }
        });
    }

    /** The device's one clock, in the zone whose date is "today". */
    public Clock clock() {
        return clock;
    }

    /** Files attached to items. */
    public AttachmentStore attachments() {
        return attachments;
    }

    /** Downloads of attachments' bytes, when shown or all ahead. */
    public AttachmentFetcher fetcher() {
        return fetcher;
    }

    /** "Clean up the remote": the attached files nothing names any more, counted, then deleted when asked. */
    public RemoteCleanup remoteCleanup() {
        return remoteCleanup;
    }

    /** The attachment size limit, "Keep attachments on this device" and the cache limit in force. */
    public AttachmentSettings attachmentSettings() {
        return attachmentSettings;
    }

    /**
     * Saves and applies Settings' attachment choices; turning "Keep attachments on this device" on
     * fetches every attachment not here yet. Touches the disk: call off the FX thread.
     */
    public void saveAttachmentSettings(AttachmentSettings s) {
        boolean newlyKeepAll = s.keepAll() && !attachmentSettings.keepAll();
        s.save(settings);
        applyAttachmentSettings(s);
        if (newlyKeepAll) {
            fetcher.fetchMissing(attachments.all());
        }
    }

    private void applyAttachmentSettings(AttachmentSettings s) {
        attachmentSettings = s;
        fetcher.keepAll(s.keepAll());
        fetcher.cacheLimit(s.cacheLimit());
    }

    /** A device in {@code dataDir} named {@code name}, with no service switched on yet. */
    public static DeviceBuilder builder(String name, Path dataDir) {
        return new DeviceBuilder(name, dataDir);
    }

    /**
     * Opens the device in {@code dataDir} as the tests and the demo know it: sync (with the saved settings,
     * or {@code forcedRemote} whatever they say) and CalDAV switched on, no backups.
     */
    public static Device open(String name, Path dataDir, Executor ui, SyncSettings forcedRemote, Duration debounce) {
        return open(name, dataDir, ui, forcedRemote, debounce, true);
    }

    /**
     * As above; with {@code startSync} false, syncing waits for {@link #start}, so that opening
     * does not build the remote (for S3 that loads the AWS SDK).
     */
    public static Device open(String name, Path dataDir, Executor ui, SyncSettings forcedRemote, Duration debounce,
                              boolean startSync) {
        return open(name, dataDir, ui, forcedRemote, debounce, startSync, Clock.systemDefaultZone());
    }

    /**
     * As above, with {@code clock} as the device's one clock ({@link #clock}); its zone is where
     * "today" is. A test pins it, or moves it across midnight.
     */
    public static Device open(String name, Path dataDir, Executor ui, SyncSettings forcedRemote, Duration debounce,
                              boolean startSync, Clock clock) {
        DeviceBuilder b = builder(name, dataDir).ui(ui).debounce(debounce).startNow(startSync).clock(clock).caldav();
        return (forcedRemote == null ? b.syncSaved() : b.syncWith(forcedRemote)).build();
    }

    /** Opens what {@code b} describes; {@link DeviceBuilder#build} checked it and starts it. */
    static Device open(DeviceBuilder b) {
        Path dataDir = b.dataDir;
        Clock clock = b.clock;
        String name = b.name;
        try {
            DataDirs.createPrivate(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("main.error.dataDir", dataDir.toString()), e);
        }
        StartupTiming.mark("open-dir");
        TodoStore store = b.store != null ? b.store
                : TodoStore.open(Schema.database(dataDir.resolve(DB_FILE)), clock, clock.getZone());
        StartupTiming.mark("open-store");
        if (b.store == null) {
            try {
                new Authors(store).register(name);
                StartupTiming.mark("open-authors");
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        SettingsStore settings = new SettingsStore(dataDir);
        store.setSharedLists(() -> new SpaceLists(settings).listIds());
        SyncService sync = new SyncService(store.replica(), clock, new Random());
        sync.setDebounce(b.debounce);
        // Every commit, an edit here or one another device's sync brought, goes to the phone a moment later.
        CalDavService caldav = new CalDavService(store, settings, clock.getZone(),
                r -> store.replica().onCommit(events -> r.run()));
        ExecutorService io = Async.backgroundExecutor("tandem-io");
        AtomicReference<Consumer<Throwable>> onError =
                new AtomicReference<>(e -> { });
        Async async = new Async(io, b.ui, e -> {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "background task failed", e);
            onError.get().accept(e);
        });
        Device d = new Device(name, dataDir, store, settings, sync, caldav, io, async, clock, b);
        d.errorHandler = onError;
        d.remote = new DeviceSync(settings, store, sync, b.forcedRemote);
        try {
            d.services = new DeviceServices(b, d, d.fetcher, io);
        } catch (RuntimeException e) {
            d.close();
            if (b.engine != null) {
                // Handed over to the sync only at start: nobody else would close it.
                b.engine.close();
            }
            throw e;
        }
        return d;
    }

    /**
     * Starts what the builder switched on, once: syncing with the saved settings (or the forced remote), unless
     * settings were applied already, and from then on with what another process saves on this profile, or through
     * the caller's engine; the web companion, backups, the CalDAV task lists' sync, reminders. Builds the engine;
     * call off the FX thread.
     */
    public void start() {
        switch (syncSource) {
            case SAVED, FORCED -> remote.start();
            case ENGINE -> sync.configure(builder.engine, builder.interval, builder.pacing);
            default -> { }
        }
        services.start();
    }

    /** The services switched on besides sync, in the order they start: "web", "backups", "caldav", "reminders". */
    public List<String> services() {
        return services.running();
    }

    /** The web companion this device serves ({@link DeviceBuilder#web}), running from {@link #start}. */
    public Optional<WebServer> server() {
        return services.server();
    }

    /** The lists shared with other people, for what must keep them apart (the page, the store). */
    Set<String> sharedLists() {
        return new SpaceLists(settings).listIds();
    }

    /** Starts syncing with these settings (or stops, for NONE). Builds the engine; call off the FX thread. */
    public void applySync(SyncSettings s) {
        remote.apply(s);
    }

    /**
     * Saves these sync settings and starts syncing with them, as one step (the settings watch then finds
     * them in force). Touches the disk and builds the engine; call off the FX thread.
     */
    public void saveSync(SyncSettings s) {
        remote.save(s);
    }

    /**
     * Starts syncing again with what is saved (or the forced remote), after the lists shared with
     * other people changed; call off the FX thread.
     */
    public void reapplySync() {
        remote.reapply();
    }

    /** Where failures of background commands go (on the UI thread), e.g. a notification. */
    public void onError(Consumer<Throwable> handler) {
        errorHandler.set(handler);
    }

    /**
     * Gives this device a new display name: validated ({@link Authors#validName}), saved in the
     * settings ({@link SettingsStore#DEVICE_NAME}) for the next start, and saved as this device's
     * synced {@code DeviceName} row, a local change the next sync carries to the other devices.
     * Touches the disk and the database; call off the FX thread (the app runs it on {@link #async()}).
     *
     * @return the name as saved (stripped)
     * @throws IllegalArgumentException when the name is not valid
     */
    public String rename(String newName) {
        String valid = Authors.validName(newName).orElseThrow(() -> new IllegalArgumentException(Authors.nameProblem()));
        settings.saveDeviceName(valid);
        new Authors(store).register(valid);
        name = valid;
        return valid;
    }

    public String name() {
        return name;
    }

    public Path dataDir() {
        return dataDir;
    }

    public TodoStore store() {
        return store;
    }

    public SettingsStore settings() {
        return settings;
    }

    public SyncService sync() {
        return sync;
    }

    /** The calendars this device is subscribed to and their events as last read. */
    public EventStore events() {
        return events;
    }

    /** The CalDAV task lists' sync: running from {@link #start} (when switched on) until {@link #close}. */
    public CalDavService caldav() {
        return caldav;
    }

    public Async async() {
        return async;
    }

    /** The profile's backups: Settings' "Back up now", "Restore…", the folder, and the status bar's last backup. */
    public BackupService backups() {
        return backups;
    }

    /** The web companion ("Open on phone…"): not serving until asked, stopped when the device closes. */
    public WebCompanion web() {
        return web;
    }

    /** How long {@link #close} waits before it says it waits on ({@link #CLOSE_WAIT} unless set): a test's is short. */
    void closeWait(Duration wait) {
        closeWait = Objects.requireNonNull(wait, "wait");
    }

    @Override
    public void close() {
        // A deferred start after this would build a remote nobody closes; so would a settings change.
        remote.close();
        if (services != null) {
            services.close();
        }
        web.close();
        caldav.close();
        sync.close();
        backups.close();
        // A download cut off here leaves only a temporary file, deleted at the next open.
        fetcher.close();
        // The store closes only after the background work that uses it has ended (BackgroundWork says why).
        BackgroundWork.end(ioExecutor, closeWait, name);
        events.close();
        if (ownsStore) {
            store.close();
        }
    }
}

package dev.tandem.app;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SettingsWatch;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.sync.Pacing;
import dev.tandem.app.sync.SyncService;
import dev.tandem.engine.sync.SyncEngine;
import java.time.Duration;

/**
 * Which remote a {@link Device} syncs with: the saved settings (or the demo's forced remote), put in
 * force at start, when Sync settings saves, when the shared lists change, and when another process
 * saves them on this profile ({@code tandem sync --remote … --save}, {@code tandem passphrase}), which
 * a {@link SettingsWatch} hears.
 *
 * <p>One lock orders it all: what is in force, a save and its application (so the watch, hearing this
 * process's own save, finds those settings in force already and builds no second engine), and close
 * (after which nothing builds an engine that nobody would close).
 */
final class DeviceSync implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tandem");

    private final SettingsStore settings;
    private final TodoStore store;
    private final SyncService sync;
    /** Syncs here whatever is saved (the demo); null for a profile's own settings. */
    private final SyncSettings forcedRemote;
    private final Object lock = new Object();
    // Under lock.
    private SyncSettings applied;
    /** The saved settings as this process last read or wrote them: the watch follows changes to them only. */
    private SyncSettings lastSaved;
    private SettingsWatch watch;
    private boolean closed;

    DeviceSync(SettingsStore settings, TodoStore store, SyncService sync, SyncSettings forcedRemote) {
        this.settings = settings;
        this.store = store;
        this.sync = sync;
        this.forcedRemote = forcedRemote;
    }

    /**
     * Puts the saved settings (or the forced remote) in force, unless some were already, and from then on
     * follows what another process saves. Builds the engine; off the FX thread.
     */
    void start() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (forcedRemote == null && lastSaved == null) {
                lastSaved = settings.loadSync();
            }
            if (applied == null) {
                apply(wanted());
            }
            if (forcedRemote == null && watch == null) {
                watch = SettingsWatch.start(settings.dir(), "tandem-settings", this::followSaved);
                // Saved while the watch was being set up: read once more.
                followSaved();
            }
        }
    }

    /** Puts {@code s} in force (NONE: sync off). Builds the engine; off the FX thread. */
    void apply(SyncSettings s) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            applied = s;
            configure(s);
        }
    }

    /** Saves {@code s} and puts it in force, as one step. */
    void save(SyncSettings s) {
        synchronized (lock) {
            settings.saveSync(s);
            lastSaved = s;
            apply(s);
        }
    }

    /** Puts what is saved (or the forced remote) in force again: the shared lists changed. */
    void reapply() {
        apply(wanted());
    }

    private SyncSettings wanted() {
        return forcedRemote != null ? forcedRemote : settings.loadSync();
    }

    /**
     * The settings file changed: sync settings another process saved apply here too, so a running window
     * does not keep saying "Sync off" or syncing with an old passphrase. Only a change to what is saved counts:
     * settings put in force here and not saved (a remote chosen before the deferred start) stay in force until
     * another save.
     */
    private void followSaved() {
        synchronized (lock) {
            if (closed || forcedRemote != null) {
                return;
            }
            SyncSettings saved = settings.loadSync();
            if (saved.equals(lastSaved)) {
                return;
            }
            lastSaved = saved;
            if (!saved.equals(applied)) {
                LOG.log(System.Logger.Level.INFO, "sync settings saved by another program: " + saved.describe());
                apply(saved);
            }
        }
    }

    private void configure(SyncSettings s) {
        SyncEngine engine = null;
        boolean personal = s.mode() != SyncSettings.Mode.NONE && s.validate().isEmpty();
        try {
            SyncEngine.Builder b = personal ? s.engineBuilder() : null;
            if (personal && s.encrypted()) {
                settings.encrypt(b, s.passphrase());
            }
            // The lists shared with other people sync through their own spaces, beside the personal
            // remote or, with none set up, on their own.
            engine = new SpaceLists(settings).withSpaces(b, System.getenv(), store);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot set up sync: " + e.getMessage());
        }
        sync.configure(engine, Duration.ofSeconds(Math.max(SyncSettings.MIN_INTERVAL, s.intervalSeconds())),
                s.mode() == SyncSettings.Mode.FOLDER ? Pacing.LOCAL : Pacing.REMOTE);
    }

    /** Nothing is put in force after this; the watch ends. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (watch != null) {
                watch.close();
            }
        }
    }
}

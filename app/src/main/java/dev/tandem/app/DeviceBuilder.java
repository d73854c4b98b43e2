package dev.tandem.app;

import dev.tandem.app.agent.Notifier;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.Pacing;
import dev.tandem.app.web.WebServer;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * How a process that stays up opens its {@link Device}: one store from one data dir, and a switch for each
 * background service it runs. The window switches on sync (the saved settings), backups and CalDAV;
 * {@code tandem serve} sync (the remote its options name), web, backups and CalDAV; {@code tandem agent}
 * reminders; the quick-add window none. A service switched off is still there to be asked (Settings' "Back
 * up now" works in every process) but runs nothing in the background. {@link #build} checks the switches
 * fit together before anything opens.
 */
public final class DeviceBuilder {
    /** Where a device's sync takes its remote from. */
    enum SyncSource { OFF, SAVED, FORCED, ENGINE }

    final String name;
    final Path dataDir;
    Executor ui = Runnable::run;
    Clock clock = Clock.systemDefaultZone();
    Duration debounce = Duration.ofMillis(500);
    TodoStore store;
    boolean startNow = true;
    SyncSource sync = SyncSource.OFF;
    SyncSettings forcedRemote;
    SyncEngine engine;
    Duration interval;
    Pacing pacing;
    WebServer.Builder web;
    boolean backups;
    boolean caldav;
    boolean calendars;
    Notifier notifier;
    BooleanSupplier windowOpen;
    private final List<String> twice = new ArrayList<>();

    DeviceBuilder(String name, Path dataDir) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Where background results are handed (the toolkit's thread for a window); at once by default. */
    public DeviceBuilder ui(Executor executor) {
        this.ui = Objects.requireNonNull(executor, "ui");
        return this;
    }

    /** The device's one clock; its zone is where "today" is. The system's by default. */
    public DeviceBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /** How long after the last local edit a sync starts (half a second by default). */
    public DeviceBuilder debounce(Duration d) {
        this.debounce = Objects.requireNonNull(d, "debounce");
        return this;
    }

    /**
     * Runs on a store a command opened already (its data dir's); the device then leaves it open when it
     * closes, and registers no device name (the command's own writes decide that).
     */
    public DeviceBuilder store(TodoStore s) {
        this.store = Objects.requireNonNull(s, "store");
        return this;
    }

    /** Whether {@link #build} starts the services at once; false waits for {@link Device#start}. */
    public DeviceBuilder startNow(boolean now) {
        this.startNow = now;
        return this;
    }

    /** Sync with the profile's saved settings, following what another process saves, and keep history bounded. */
    public DeviceBuilder syncSaved() {
        return syncFrom(SyncSource.SAVED);
    }

    /** Sync with {@code remote} whatever the saved settings say (the demo). */
    public DeviceBuilder syncWith(SyncSettings remote) {
        this.forcedRemote = Objects.requireNonNull(remote, "remote");
        return syncFrom(SyncSource.FORCED);
    }

    /** Sync through {@code remoteEngine}, built by the caller ({@code tandem serve --remote …}), every {@code every}. */
    public DeviceBuilder syncWith(SyncEngine remoteEngine, Duration every, Pacing pace) {
        this.engine = Objects.requireNonNull(remoteEngine, "engine");
        this.interval = Objects.requireNonNull(every, "interval");
        this.pacing = Objects.requireNonNull(pace, "pacing");
        return syncFrom(SyncSource.ENGINE);
    }

    private DeviceBuilder syncFrom(SyncSource source) {
        if (sync != SyncSource.OFF) {
            twice.add("sync");
        }
        sync = source;
        return this;
    }

    /**
     * Serve the web companion as {@code server} says (address, TLS, proxy); the device adds its store, settings,
     * name, attachments and shared lists, and checks the remote as often as open pages need. Started by
     * {@link Device#start}, stopped first on close.
     */
    public DeviceBuilder web(WebServer.Builder server) {
        if (web != null) {
            twice.add("web");
        }
        this.web = Objects.requireNonNull(server, "web");
        return this;
    }

    /** Daily backups by the profile's backup settings ({@link dev.tandem.app.backup.BackupService#startDaily}). */
    public DeviceBuilder backups() {
        this.backups = true;
        return this;
    }

    /** The CalDAV task lists' sync with the profile's saved account, if it has one. */
    public DeviceBuilder caldav() {
        this.caldav = true;
        return this;
    }

    /**
     * The subscribed calendars read again at start and every {@link dev.tandem.app.feeds.FeedRefresh#INTERVAL}, on a
     * thread of their own, so a page served from this device shows this hour's events without a window open.
     */
    public DeviceBuilder calendars() {
        this.calendars = true;
        return this;
    }

    /** Ring reminders through {@code through}, quiet while {@code windowOpenNow} says a window rings them. */
    public DeviceBuilder reminders(Notifier through, BooleanSupplier windowOpenNow) {
        if (notifier != null) {
            twice.add("reminders");
        }
        this.notifier = Objects.requireNonNull(through, "notifier");
        this.windowOpen = Objects.requireNonNull(windowOpenNow, "windowOpen");
        return this;
    }

    /**
     * Opens the device (touches the disk: off the FX thread) and, unless {@link #startNow} said otherwise, starts
     * what is switched on.
     *
     * @throws IllegalStateException when a service is set twice, or the debounce is negative
     * @throws IllegalArgumentException when the web server's options do not fit together (the device is closed)
     */
    public Device build() {
        if (!twice.isEmpty()) {
            throw new IllegalStateException("set twice: " + String.join(", ", twice));
        }
        if (debounce.isNegative()) {
            throw new IllegalStateException("negative debounce: " + debounce);
        }
        if (store != null && store.replica().file().filter(f -> f.toAbsolutePath().normalize().startsWith(
                dataDir.toAbsolutePath().normalize())).isEmpty()) {
            throw new IllegalStateException("the store is not in " + dataDir);
        }
        Device d = Device.open(this);
        if (startNow) {
            d.start();
        }
        return d;
    }
}

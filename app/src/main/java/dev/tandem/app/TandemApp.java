package dev.tandem.app;

import dev.tandem.app.agent.ProfileLock;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The desktop app. The window appears at once; the database opens on a background thread and the
 * main view replaces the placeholder when it is ready. With {@code --exit-after-first-frame} (or
 * {@code TANDEM_EXIT_AFTER_FIRST_FRAME=1}) it prints "Tandem started: first frame shown" after the
 * first frame of the real main view and exits 0.
 */
public final class TandemApp extends Application {
    /** Set by {@link Main}; parsed from the parameters when launched otherwise. */
    static volatile AppOptions options;

    /** The database, opening in the background since {@link #preopen} (before the toolkit starts). */
    private static volatile CompletableFuture<Device> opening;
    private static volatile Path openingDir;

    /**
     * Held while this window runs, let go by the OS when the process ends: {@code tandem agent} on the
     * same profile rings nothing meanwhile, so a reminder makes one notification, the window's.
     */
    private static volatile ProfileLock windowLock;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Starts opening the profile's database while the JavaFX toolkit starts up. */
    static void preopen(AppOptions o) {
        if (o.demo()) {
            return;
        }
        Path dataDir = DataDirs.resolve(o.dataDir(), System.getenv());
        openingDir = dataDir;
        opening = CompletableFuture.supplyAsync(
                () -> {
                    StartupTiming.mark("open-start");
                    SqliteNativeCache.use(System.getenv());
                    Main.quietConnectionPool();
                    StartupTiming.mark("open-sqlite");
                    // Sync starts after the first frame (startSyncSoon): building a remote can load the
                    // S3 client or derive an encryption key, neither of which the first frame needs.
                    Device d = Device.builder(deviceName(dataDir), dataDir).ui(FxExecutor.INSTANCE)
                            .debounce(Duration.ofMillis(500)).syncSaved().backups().caldav().startNow(false).build();
                    StartupTiming.mark("open-device");
                    windowLock = ProfileLock.hold(dataDir, ProfileLock.WINDOW);
                    return d;
                },
                r -> {
                    Thread t = new Thread(r, "tandem-open");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("fx-start");
        AppOptions o = options != null ? options : AppOptions.parse(getParameters().getRaw(), System.getenv());
        Path dataDir = DataDirs.resolve(o.dataDir(), System.getenv());
        if (o.demo()) {
            DemoMode demo = new DemoMode(dataDir.resolve("demo"), o.theme() == null ? Theme.LIGHT : o.theme(),
                    SystemOpener.forThisSystem(getHostServices()::showDocument));
            toClose.add(demo);
            demo.start(stage, () -> firstFrame(o, () -> { }));
            return;
        }
        stage.setTitle("Tandem");
        AppStage.setIcon(stage);
        Label loading = new Label(Messages.text("main.app.opening"));
        StackPane placeholder = new StackPane(loading);
        Scene scene = new Scene(placeholder, 1180, 740);
        AppStage.orient(scene);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.setMinWidth(AppStage.MIN_WIDTH);
        stage.setMinHeight(AppStage.MIN_HEIGHT);
        stage.show();
        if (opening == null || !dataDir.equals(openingDir)) {
            preopen(o);
        }
        CompletableFuture<Device> future = opening;
        Thread opener = new Thread(() -> {
            try {
                Device device;
                try {
                    device = future.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
                StartupTiming.mark("db-open");
                Theme theme = o.theme() != null ? o.theme() : Theme.parse(device.settings().get("ui.theme", "light"));
                FxExecutor.INSTANCE.execute(() -> {
                    toClose.add(device);
                    MainView view = MainWindow.create(device, theme, null,
                            SystemOpener.forThisSystem(getHostServices()::showDocument));
                    toClose.add(0, view::close);
                    scene.setRoot(view);
                    AppStage.reportFocus(stage, device);
                    stage.setTitle(DataDirs.windowTitle(dataDir, DataDirs.resolve(null, System.getenv())));
                    view.start();
                    StartupTiming.mark("view-built");
                    firstFrame(o, () -> startSyncSoon(device));
                });
            } catch (RuntimeException e) {
                FxExecutor.INSTANCE.execute(() -> {
                    loading.setText(Messages.text("main.app.openFailed", dataDir.toString(), e.getMessage()));
                    loading.setWrapText(true);
                    System.err.println(Messages.text("main.app.openFailedTerminal", dataDir.toString(), e.getMessage()));
                    if (o.exitAfterFirstFrame()) {
                        System.exit(1);
                    }
                });
            }
        }, "tandem-open");
        opener.setName("tandem-open-wait");
        opener.setDaemon(true);
        opener.start();
    }

    /**
     * After the first frame of the real UI: runs {@code then}, or for smoke tests prints and exits
     * instead. Start-up timing is reported here too.
     */
    private void firstFrame(AppOptions o, Runnable then) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The pulse after the one that laid out the new root has rendered it.
                if (++frames < 2) {
                    return;
                }
                stop();
                StartupTiming.mark("first-frame");
                StartupTiming.report();
                if (o.exitAfterFirstFrame()) {
                    System.out.println("Tandem started: first frame shown");
                    Platform.exit();
                } else {
                    then.run();
                }
            }
        }.start();
    }

    /**
     * A moment after the first frame, so the first sync's work (and its class loading) does not
     * compete with the rest of start-up: the live queries' first results and the window's first
     * interactions.
     */
    private static void startSyncSoon(Device device) {
        CompletableFuture.runAsync(() -> {
            device.start();
            firstStartOfAgent(device);
        },
                CompletableFuture.delayedExecutor(SYNC_START_DELAY_MS,
                        TimeUnit.MILLISECONDS, TandemApp::daemon))
                .exceptionally(e -> {
                    // Unreadable settings, say: the window works on, unsynced, as when sync is off.
                    System.getLogger("tandem").log(System.Logger.Level.WARNING, "cannot start sync", e);
                    return null;
                });
    }

    /**
     * "Remind me when Tandem is closed" is on by default: the window's first start writes the autostart entry
     * and starts the agent, once (never a command's start, never after the user chose). A failure leaves the
     * choice open, tried again at the next start, and the window works on.
     */
    private static void firstStartOfAgent(Device device) {
        try {
            Autostart.forThisProcess(device.settings()).firstStart();
        } catch (RuntimeException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "cannot set up the reminder agent", e);
        }
    }

    private static final long SYNC_START_DELAY_MS = 500;

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "tandem-sync-start");
        t.setDaemon(true);
        t.start();
    }

    /** The name this device goes by: the one chosen in Settings, else the host name. */
    static String deviceName(Path dataDir) {
        return DeviceNames.chosenName(dataDir);
    }

    /** This computer's name: {@link Device#hostName()}. */
    static String hostName() {
        return DeviceNames.hostName();
    }

    @Override
    public void stop() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                System.getLogger("tandem").log(System.Logger.Level.WARNING, "close failed", e);
            }
        }
    }
}

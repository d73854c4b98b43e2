package dev.tandem.app;

import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        AppOptions o = options != null ? options : AppOptions.parse(getParameters().getRaw(), System.getenv());
        Path dataDir = DataDirs.resolve(o.dataDir(), System.getenv());
        if (o.demo()) {
            DemoMode demo = new DemoMode(dataDir.resolve("demo"), o.theme() == null ? Theme.LIGHT : o.theme());
            toClose.add(demo);
            demo.start(stage, () -> firstFrame(o));
            return;
        }
        stage.setTitle("Tandem");
        Label loading = new Label("Opening your todos…");
        StackPane placeholder = new StackPane(loading);
        Scene scene = new Scene(placeholder, 1180, 740);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.show();
        Thread opener = new Thread(() -> {
            try {
                Device device = Device.open(hostName(), dataDir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
                Theme theme = o.theme() != null ? o.theme() : Theme.parse(device.settings().get("ui.theme", "light"));
                Platform.runLater(() -> {
                    toClose.add(device);
                    MainView view = new MainView(device, theme, null);
                    toClose.add(0, view::close);
                    scene.setRoot(view);
                    stage.setTitle("Tandem — " + dataDir);
                    view.start();
                    firstFrame(o);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    loading.setText("Tandem could not open its data in " + dataDir + ":\n" + e.getMessage());
                    loading.setWrapText(true);
                    System.err.println("tandem: could not open " + dataDir + ": " + e.getMessage());
                    if (o.exitAfterFirstFrame()) {
                        System.exit(1);
                    }
                });
            }
        }, "tandem-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** Smoke tests: print and exit after the first frame of the real UI. */
    private void firstFrame(AppOptions o) {
        if (!o.exitAfterFirstFrame()) {
            return;
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The pulse after the one that laid out the new root has rendered it.
                if (++frames < 2) {
                    return;
                }
                stop();
                System.out.println("Tandem started: first frame shown");
                if (Boolean.getBoolean("tandem.timing")) {
                    long ms = System.currentTimeMillis()
                            - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("tandem.timing first-frame-ms=" + ms);
                }
                Platform.exit();
            }
        }.start();
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "This computer";
        }
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

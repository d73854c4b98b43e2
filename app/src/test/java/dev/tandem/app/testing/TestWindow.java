package dev.tandem.app.testing;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.window.Dialogs;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.service.query.EmptyNodeQueryException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's main window in a real (headless Monocle) window, for the UI tests: a device that reports
 * to the FX thread, its {@link MainView} shown on the test's stage, waits on the FX thread, and the
 * closing after each test. ({@link TestUi} is the FX thread's stand-in for view-model tests, with no
 * window.)
 */
public final class TestWindow {
    private TestWindow() {
    }

    /** Opens the profile in {@code dataDir} as the app does, reporting to the FX thread, with a 3 s sync debounce. */
    public static Device device(String name, Path dataDir, SyncSettings forcedRemoteOrNull) {
        return Device.open(name, dataDir, FxExecutor.INSTANCE, forcedRemoteOrNull, Duration.ofSeconds(3));
    }

    /** As {@link #device(String, Path, SyncSettings)}, with no forced remote and {@code clock} as the device's one clock. */
    public static Device deviceAt(String name, Path dataDir, Clock clock) {
        return Device.open(name, dataDir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
    }

    /**
     * On the FX thread: the device's main window (light theme; {@code dialogsOrNull}: scripted dialogs,
     * or the real ones for null) in a {@code width} × {@code height} scene on {@code stage}, shown and started.
     */
    public static MainView mainWindow(Stage stage, Device device, Dialogs dialogsOrNull, double width, double height) {
        MainView view = MainWindow.create(device, Theme.LIGHT, dialogsOrNull);
        show(stage, view, width, height);
        return view;
    }

    /** On the FX thread: {@code view} in a {@code width} × {@code height} scene on {@code stage}, shown and started. */
    public static Scene show(Stage stage, MainView view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        stage.setScene(scene);
        stage.show();
        view.start();
        return scene;
    }

    /** After a test: {@link #close(Duration, List, List)} waiting 5 s for the view to close. */
    public static void close(MainView view, Device device) throws Exception {
        close(Duration.ofSeconds(5), view, device);
    }

    /** After a test: {@link #close(Duration, List, List)} for one view and its device. */
    public static void close(Duration timeout, MainView view, Device device) throws Exception {
        close(timeout, Arrays.asList(view), Arrays.asList(device));
    }

    /**
     * After a test: closes every stage, then the views on the FX thread (waiting up to {@code timeout}),
     * then the devices. A null view or device (the test never opened it) is passed over.
     */
    public static void close(Duration timeout, List<MainView> views, List<Device> devices) throws Exception {
        FxToolkit.cleanupStages();
        if (views.stream().anyMatch(v -> v != null)) {
            WaitForAsyncUtils.asyncFx(() -> {
                for (MainView v : views) {
                    if (v != null) {
                        v.close();
                    }
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (Device d : devices) {
            if (d != null) {
                d.close();
            }
        }
    }

    /** Where {@code n} is in its scene. */
    public static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** The text a label or button shows, after any shortening to "…". */
    public static String shownText(Labeled l) {
        Text t = (Text) l.lookup(".text");
        return t == null ? "" : t.getText();
    }

    /** Waits up to 10 s until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitFor(BooleanSupplier condition) throws Exception {
        waitFor(10, condition);
    }

    /**
     * Waits up to {@code seconds} until {@code condition}, evaluated on the FX thread, holds. A node the condition
     * looks up that is not built yet (a query that finds nothing) is a condition not met yet, not a failure: under
     * load the editor or a dialog may still be on its way.
     */
    public static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            try {
                return condition.getAsBoolean();
            } catch (EmptyNodeQueryException notYet) {
                return false;
            }
        }).get());
    }

    /** Runs {@code c} on the FX thread and returns its result, waiting up to 5 s. */
    public static <T> T onFx(Callable<T> c) throws Exception {
        return onFx(5, c);
    }

    /** Runs {@code c} on the FX thread and returns its result, waiting up to {@code seconds}. */
    public static <T> T onFx(int seconds, Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(seconds, TimeUnit.SECONDS);
    }
}

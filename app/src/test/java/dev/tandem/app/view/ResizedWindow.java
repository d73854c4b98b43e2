package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A main window on a stage of its own, for the UI tests that resize it. Not TestFX's primary stage: that one is
 * shared by the UI test classes run after this one in the same JVM, and a size set on it with setWidth stays (it
 * is then "explicit") and wins over their scenes' sizes (OfflineUiTest's 760 px window would open 800 px wide).
 */
public final class ResizedWindow {
    public final Device device;
    public final MainView view;
    final Stage stage;

    /** On the FX thread (a test's start): a profile in a new folder under {@code dir}, filled by {@code seed}, shown 1180 × 740. */
    public ResizedWindow(Path dir, String name, Consumer<TodoStore> seed) throws Exception {
        stage = new Stage();
        device = TestWindow.device(name, Files.createTempDirectory(dir, "ui"), null);
        seed.accept(device.store());
        view = TestWindow.mainWindow(stage, device, null, 1180, 740);
    }

    private ResizedWindow(Device device, double w, double h) {
        this.device = device;
        stage = new Stage();
        view = TestWindow.mainWindow(stage, device, null, w, h);
    }

    /**
     * Off the FX thread (in a test's body): a profile in a new folder under {@code dir}, filled by {@code seed} on the
     * calling thread, then shown {@code w} × {@code h} from the start.
     */
    public static ResizedWindow open(Path dir, String name, Consumer<TodoStore> seed, double w, double h) throws Exception {
        Device d = TestWindow.device(name, Files.createTempDirectory(dir, "ui"), null);
        seed.accept(d.store());
        // The first window of a JVM loads the toolkit's classes and styles: more than onFx's usual 5 s on a busy machine.
        return onFx(30, () -> new ResizedWindow(d, w, h));
    }

    /** Makes the window {@code w} × {@code h} and lets it lay out. */
    public void resize(double w, double h) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        settle();
    }

    /** After a test: the view, the device and the stage closed. */
    public void close() throws Exception {
        TestWindow.close(view, device);
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** Lets queued FX work and a layout pass or two run. */
    public static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents(5);
    }
}

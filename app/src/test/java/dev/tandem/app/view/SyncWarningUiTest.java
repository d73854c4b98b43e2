package dev.tandem.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a real (headless) window: a remote object this device cannot read turns the status bar into
 * "Synced with problems" with a warning that says what to do, and the warning is back after a
 * restart, before any new sync could have found the object again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SyncWarningUiTest {
    @TempDir
    static Path tmp;

    private Stage stage;
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    /** Another device pushes a todo; then its batch rots on the remote. */
    private static Path remoteWithARottenBatch() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        Db other = Db.open(Files.createDirectories(tmp.resolve("other")).resolve(Device.DB_FILE));
        try (TodoStore store = new TodoStore(other, Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder().folder(remote).build()) {
            store.add("Written on the other device", null, null);
            store.replica().sync(engine);
        }
        Path batch;
        try (Stream<Path> files = Files.walk(remote.resolve("batches"))) {
            batch = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(batch);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(batch, bytes);
        return remote;
    }

    private void open(Path dataDir, Path remote) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            device = TestWindow.device("This laptop", dataDir, SyncSettings.folder(remote, 3600));
            view = TestWindow.mainWindow(stage, device, null, 1100, 720);
        }).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get(5, TimeUnit.SECONDS);
    }

    private static boolean visible(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).isVisible()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void statusBar_unreadRemoteObject_warnsAndKeepsWarningAfterRestart(FxRobot robot) throws Exception {
        Path remote = remoteWithARottenBatch();
        Path dataDir = tmp.resolve("laptop");
        open(dataDir, remote);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#sync-headline").equals("Synced with problems"));
        assertTrue(visible(robot, "#sync-warning"));
        assertTrue(text(robot, "#sync-warning").contains("could not be read"), text(robot, "#sync-warning"));
        assertTrue(text(robot, "#sync-detail").contains("1 remote object unread"), text(robot, "#sync-detail"));

        close();
        view = null;
        device = null;
        open(dataDir, remote);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> visible(robot, "#sync-warning"));
        assertTrue(!text(robot, "#sync-headline").equals("Synced"), "never plain Synced while something is unread");
    }
}

package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.KeyOps;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Encryption keys" in a real window over a real encrypted folder remote: every explanation shows
 * whole in each task (none cut after a line or two), a task's message stays with its task, and Close
 * works while the keyring is still being read.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeysDialogUiTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    @TempDir
    static Path tmp;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 1366, 768));
        stage.show();
    }

    private static List<String> clipped(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && l.isWrapText() && l.getScene() != null
                    && l.getHeight() + 1 < l.prefHeight(l.getWidth())) {
                out.add(l.getText());
            }
        }
        return out;
    }

    @Test
    void close_whileTheKeyringIsRead_closesAtOnce(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // A remote that answers only when the test lets it, and then that it cannot be reached.
        KeyOps slow = new KeyOps() {
            @Override
            public KeyringStatus status() {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SyncException(SyncException.Reason.UNREACHABLE, "Could not reach 127.0.0.1:1");
            }

            @Override
            public KeyringStatus changePassphrase(String p) {
                throw new UnsupportedOperationException("not used");
            }

            @Override
            public KeyringStatus resetPassphrase(String code, String p) {
                throw new UnsupportedOperationException("not used");
            }

            @Override
            public String newRecoveryKey() {
                throw new UnsupportedOperationException("not used");
            }

            @Override
            public RotationReport rotate(String p, SyncProgress progress) {
                throw new UnsupportedOperationException("not used");
            }
        };
        try {
            Async async = new Async(Async.backgroundExecutor("keys-slow"), FxExecutor.INSTANCE, e -> { });
            KeysViewModel vm = new KeysViewModel(slow, async, new FakeDialogs(), PASSPHRASE, p -> { }, ZoneOffset.UTC);
            KeysDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
                KeysDialog d = new KeysDialog(robot.listWindows().get(0), vm, Theme.LIGHT.stylesheets(), false);
                d.show();
                return d;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(vm.readingProperty().get(), "still reading");
            Button close = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
            assertFalse(close.isDisabled(), "Close is never held while the keyring is read");
            robot.clickOn(close);
            waitFor(() -> !dialog.isShowing());
            String shown = vm.statusProperty().get();
            release.countDown();
            waitFor(() -> !vm.readingProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(shown, vm.statusProperty().get(), "the closed dialog's read is dropped");
            assertEquals("", vm.messageProperty().get(), "and so is its failure");
        } finally {
            release.countDown();
        }
    }

    @Test
    void eachTask_explanationsShowWholeAndMessagesStayWithTheirTask(FxRobot robot) throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        SyncSettings settings = SyncSettings.folder(remote, 30).withPassphrase(PASSPHRASE);
        try (Db db = Db.open(tmp.resolve("keys.db"))) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            try (SyncEngine e = settings.engineBuilder().encrypted(PASSPHRASE).deviceName("sam-laptop").build()) {
                store.replica().sync(e);
            }
            Async async = new Async(Async.backgroundExecutor("keys-ui"), FxExecutor.INSTANCE, e -> { });
            KeysViewModel vm = new KeysViewModel(KeyOps.of(settings, store.replica(), "sam-laptop"), async, new FakeDialogs(),
                    PASSPHRASE, p -> { }, ZoneOffset.UTC);
            KeysDialog dialog = WaitForAsyncUtils.asyncFx(() -> {
                KeysDialog d = new KeysDialog(robot.listWindows().get(0), vm, Theme.LIGHT.stylesheets(), false);
                d.show();
                return d;
            }).get(10, TimeUnit.SECONDS);
            waitFor(() -> !vm.statusProperty().get().startsWith("Reading"));
            Node pane = dialog.getDialogPane();
            for (String tab : List.of("#keys-tab-passphrase", "#keys-tab-recovery", "#keys-tab-forgot", "#keys-tab-rotate")) {
                robot.clickOn(tab);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> clipped(pane)).get(5, TimeUnit.SECONDS), tab);
            }
            robot.clickOn("#keys-tab-passphrase");
            robot.clickOn("#keys-change-button"); // nothing typed: refused, said here
            waitFor(() -> !vm.messageProperty().get().isEmpty());
            robot.clickOn("#keys-tab-recovery");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(vm.messageProperty().get().isEmpty(), "the passphrase's message does not follow to another task");
            WaitForAsyncUtils.asyncFx(dialog::close).get(5, TimeUnit.SECONDS);
        }
    }
}

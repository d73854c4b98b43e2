package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.ScreenFit;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings dialog in a real (headless Monocle) window: it stays on the screen however long
 * the check's results are, with Save and Cancel in view; Enter saves, through the same checks as Save.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsDialogUiTest {
    private static final String DAV_URL = "https://cloud.example.com/remote.php/dav/files/sam/Tandem";

    @TempDir
    static Path tmp;

    private SettingsDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.setResult(null);
                dialog.close();
            }
            return null;
        });
        FxToolkit.cleanupStages();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** A view-model whose check answers {@code check} at once, on the UI thread, counting the checks. */
    private static SettingsViewModel viewModel(ConnectionCheck check, AtomicInteger checks) {
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        Function<SyncSettings, ConnectionCheck> checker = s -> {
            checks.incrementAndGet();
            return check;
        };
        return new SettingsViewModel(SyncSettings.none(), async, checker);
    }

    private SettingsDialog open(SettingsViewModel vm) throws Exception {
        dialog = fx(() -> {
            SettingsDialog d = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    private static ConnectionCheck passes(int steps, int messageLength) {
        List<ConnectionCheck.Step> list = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            StringBuilder m = new StringBuilder("Step " + i + " worked:");
            while (m.length() < messageLength) {
                m.append(" the remote answered as it must, and the test object was handled unchanged");
            }
            list.add(new ConnectionCheck.Step("Step " + i, true, m.toString(), null));
        }
        return new ConnectionCheck(list);
    }

    private Window window() {
        return dialog.getDialogPane().getScene().getWindow();
    }

    private static Rectangle2D screen() {
        return Screen.getPrimary().getVisualBounds();
    }

    /** The window is on the screen, and Save and Cancel show inside it. */
    private void assertButtonsOnScreen() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Window w = window();
            Rectangle2D screen = screen();
            assertTrue(w.getY() >= screen.getMinY(), "top " + w.getY() + " on " + screen);
            assertTrue(w.getY() + w.getHeight() <= screen.getMaxY(),
                    "bottom " + (w.getY() + w.getHeight()) + " below the screen's " + screen.getMaxY());
            for (String id : List.of("#settings-save", "#settings-cancel")) {
                Button b = (Button) dialog.getDialogPane().lookup(id);
                assertTrue(b.isVisible() && b.getScene() != null, id + " shows");
                Bounds on = b.localToScreen(b.getBoundsInLocal());
                assertTrue(on.getMinY() >= w.getY() && on.getMaxY() <= w.getY() + w.getHeight(),
                        id + " at " + on + " inside the window " + w.getY() + ".." + (w.getY() + w.getHeight()));
                assertTrue(on.getMinX() >= w.getX() && on.getMaxX() <= w.getX() + w.getWidth(), id + " inside the window");
                assertTrue(on.getMaxY() <= screen.getMaxY(), id + " on the screen");
            }
            return null;
        });
    }

    private void chooseWebDav(FxRobot robot) {
        robot.clickOn("#mode-webdav");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-davUrl").write(DAV_URL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void testConnection_manyLongSteps_dialogStaysOnScreenWithButtonsVisible(FxRobot robot) throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SettingsViewModel vm = viewModel(passes(5, 900), checks);
        open(vm);
        chooseWebDav(robot);
        assertButtonsOnScreen();
        fx(() -> {
            ScrollPane scroll = (ScrollPane) dialog.getDialogPane().lookup("#settings-scroll");
            assertTrue(scroll.getContent().getLayoutBounds().getHeight() <= scroll.getViewportBounds().getHeight() + 0.5,
                    "a form that fits shows whole, without scrolling: " + scroll.getContent().getLayoutBounds().getHeight()
                            + " in " + scroll.getViewportBounds().getHeight());
            return null;
        });

        robot.clickOn("#settings-test");
        waitFor(() -> robot.lookup(".check-step").queryAll().size() == 5);
        assertEquals(1, checks.get());
        assertButtonsOnScreen();
        fx(() -> {
            ScrollPane scroll = (ScrollPane) dialog.getDialogPane().lookup("#settings-scroll");
            // The results are taller than the screen: the form scrolls inside the capped window.
            assertTrue(scroll.getContent().getLayoutBounds().getHeight() > scroll.getViewportBounds().getHeight(),
                    "the form scrolls");
            assertTrue(window().getHeight() <= screen().getHeight() - 2 * ScreenFit.SCREEN_MARGIN + 0.5,
                    "capped to the screen: " + window().getHeight());
            assertEquals(scroll.getViewportBounds().getWidth(), scroll.getContent().getLayoutBounds().getWidth(), 1,
                    "fit to width, no horizontal scrolling");
            return null;
        });

        // Save still works from there: the settings passed the check, so the dialog closes at once.
        robot.clickOn("#settings-save");
        waitFor(() -> !dialog.isShowing());
        assertEquals(Boolean.TRUE, dialog.getResult());
        assertEquals(DAV_URL, vm.settings().dav().url());
    }

    @Test
    void testConnection_dialogLowOnScreen_movesUpToKeepItsBottomOnScreen(FxRobot robot) throws Exception {
        SettingsViewModel vm = viewModel(passes(5, 200), new AtomicInteger());
        open(vm);
        chooseWebDav(robot);
        fx(() -> {
            Window w = window();
            w.setY(screen().getMaxY() - w.getHeight() - 4);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double heightBefore = fx(() -> window().getHeight());

        robot.clickOn("#settings-test");
        waitFor(() -> robot.lookup(".check-step").queryAll().size() == 5);
        assertTrue(fx(() -> window().getHeight()) > heightBefore, "the dialog grew with the results");
        assertButtonsOnScreen();
    }

    /** Typing the repeat says nothing; leaving it says they differ, in a line kept for it: the field never moves. */
    @Test
    void passphraseRepeat_mismatchTyped_saidOnLeavingAndNothingMoves(FxRobot robot) throws Exception {
        open(viewModel(passes(1, 10), new AtomicInteger()));
        robot.clickOn("#mode-folder");
        robot.clickOn("#field-passphrase").write("correct horse");
        robot.clickOn("#field-passphraseRepeat");
        WaitForAsyncUtils.waitForFxEvents();
        Node repeat = robot.lookup("#field-passphraseRepeat").query();
        Node interval = robot.lookup("#field-interval").query();
        double repeatY = fx(() -> repeat.localToScene(0, 0).getY());
        double intervalY = fx(() -> interval.localToScene(0, 0).getY());
        Label error = robot.lookup("#error-passphrase").queryAs(Label.class);

        robot.write("corr");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> error.isVisible()), "nothing said while the repeat is typed: " + error.getText());
        assertEquals(repeatY, fx(() -> repeat.localToScene(0, 0).getY()), 0.5);

        robot.type(KeyCode.TAB);
        waitFor(() -> error.isVisible());
        assertEquals("The two passphrases differ.", fx(error::getText));
        assertEquals(repeatY, fx(() -> repeat.localToScene(0, 0).getY()), 0.5, "the repeat field stays put");
        assertEquals(intervalY, fx(() -> interval.localToScene(0, 0).getY()), 0.5, "the fields below stay put");
    }

    @Test
    void enter_validFolder_savesAndCloses(FxRobot robot) throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SettingsViewModel vm = viewModel(passes(3, 20), checks);
        open(vm);
        Path remote = Files.createDirectories(tmp.resolve("enter-remote"));
        robot.clickOn("#mode-folder");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-folder").write(remote.toString());
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.ENTER);
        waitFor(() -> !dialog.isShowing());
        assertEquals(Boolean.TRUE, dialog.getResult(), "saved, not thrown away");
        assertTrue(vm.readyToCloseProperty().get());
        assertEquals(1, checks.get(), "checked before saving, like Save");
        assertEquals(SyncSettings.Mode.FOLDER, vm.settings().mode());
        assertEquals(remote.toString(), vm.settings().folder());
    }

    @Test
    void enter_afterTestWithCancelFocused_savesInsteadOfThrowingAway(FxRobot robot) throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SettingsViewModel vm = viewModel(passes(5, 120), checks);
        open(vm);
        chooseWebDav(robot);
        robot.clickOn("#settings-test");
        waitFor(() -> robot.lookup(".check-step").queryAll().size() == 5);
        // Focus on Cancel (Tab from the last field, or where it goes when the Test button disables).
        fx(() -> {
            dialog.getDialogPane().lookup("#settings-cancel").requestFocus();
            return null;
        });
        waitFor(() -> dialog.getDialogPane().lookup("#settings-cancel").isFocused());

        robot.type(KeyCode.ENTER);
        waitFor(() -> !dialog.isShowing());
        assertEquals(Boolean.TRUE, dialog.getResult(), "Enter saved");
        assertEquals(1, checks.get(), "the passed check counts; no second one");
        assertEquals(SyncSettings.Mode.WEBDAV, vm.settings().mode());
    }

    @Test
    void escape_filledForm_cancels(FxRobot robot) throws Exception {
        SettingsViewModel vm = viewModel(passes(1, 20), new AtomicInteger());
        open(vm);
        chooseWebDav(robot);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !dialog.isShowing());
        assertEquals(Boolean.FALSE, dialog.getResult());
        assertFalse(vm.readyToCloseProperty().get());
    }

    @Test
    void enter_invalidForm_staysOpenWithErrorsShown(FxRobot robot) throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SettingsViewModel vm = viewModel(passes(1, 20), checks);
        open(vm);
        robot.clickOn("#mode-s3");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-region");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        waitFor(() -> robot.lookup("#error-bucket").queryAs(Label.class).isVisible());
        assertTrue(dialog.isShowing(), "still open");
        assertEquals("Enter the bucket name.", robot.lookup("#error-bucket").queryAs(Label.class).getText());
        assertEquals("Enter the access key ID.", robot.lookup("#error-accessKey").queryAs(Label.class).getText());
        assertEquals(0, checks.get(), "nothing checked");
        assertFalse(vm.readyToCloseProperty().get());

        // Enter on a focused Cancel does not throw the form away either.
        fx(() -> {
            dialog.getDialogPane().lookup("#settings-cancel").requestFocus();
            return null;
        });
        waitFor(() -> dialog.getDialogPane().lookup("#settings-cancel").isFocused());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "still open");
        assertEquals(SyncSettings.Mode.S3, vm.settings().mode());
    }

    @Test
    void deviceNameField_syncOff_showsTheCurrentNameAndItsError() throws Exception {
        Async async = new Async(Runnable::run, FxExecutor.INSTANCE, e -> { });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), "sam-laptop", async, s -> null);
        open(vm);
        fx(() -> {
            TextField field = (TextField) dialog.getDialogPane().lookup("#field-deviceName");
            assertTrue(field.isVisible() && field.getParent().isVisible(), "shown when sync is off");
            assertEquals("sam-laptop", field.getText());
            assertEquals("How other devices name this one, e.g. Sam's laptop", field.getPromptText());
            field.setText("");
            vm.touch(SettingsViewModel.DEVICE_NAME);
            Label error = (Label) dialog.getDialogPane().lookup("#error-deviceName");
            assertEquals("A name of 1 to 64 characters.", error.getText());
            assertTrue(error.isVisible());
            return null;
        });
    }
}

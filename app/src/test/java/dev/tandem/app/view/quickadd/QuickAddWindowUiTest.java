package dev.tandem.app.view.quickadd;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
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
 * {@code tandem add --window} for real, headless: the command opens the quick-add window, the text typed goes
 * into the profile through quick add's grammar (with its chips on the way), and the window is gone; Escape
 * closes it with nothing added.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuickAddWindowUiTest {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Stage quickAddWindow() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Quick add — Tandem".equals(s.getTitle()) && s.isShowing())
                .findFirst().orElse(null);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<CliRun.Result> command(String... args) throws Exception {
        CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(() -> CliRun.run(tmp, args));
        waitFor(() -> {
            if (run.isDone()) {
                throw new AssertionError("the command ended without a window: " + run.join());
            }
            return fx(() -> quickAddWindow() != null);
        });
        return run;
    }

    @Test
    void addWindow_typeAndEnter_todoInProfileWindowGone(FxRobot robot) throws Exception {
        CompletableFuture<CliRun.Result> run = command("add", "--window");
        TextField field = fx(() -> (TextField) quickAddWindow().getScene().lookup("#quick-add"));
        waitFor(field::isFocused);
        robot.clickOn(field).write("Water plants tomorrow p1");
        FlowPane chips = fx(() -> (FlowPane) quickAddWindow().getScene().lookup("#quick-add-tokens"));
        waitFor(() -> field.getText().equals("Water plants tomorrow p1"));
        assertEquals(2, fx(() -> chips.getChildren().size()), () -> fx(() -> chips.getChildren().toString()));
        assertTrue(chips.isVisible());
        robot.type(KeyCode.ENTER);

        CliRun.Result r = run.get(20, TimeUnit.SECONDS);
        assertEquals(0, r.code(), r.err());
        assertTrue(fx(() -> quickAddWindow() == null), "the window is gone");
        String list = CliRun.run(tmp, "list", "--json").out();
        assertTrue(list.contains("\"title\":\"Water plants\""), list);
        assertTrue(list.contains("\"priority\":1"), list);
    }

    /** The window grows with what it shows: the chips of "Buy batteries tomorrow 5pm p2" read whole inside it. */
    @Test
    void addWindow_chipsShow_theWindowGrowsToShowThemWhole_andItsPromptNamesNoShortcut(FxRobot robot) throws Exception {
        CompletableFuture<CliRun.Result> run = command("add", "--window");
        TextField field = fx(() -> (TextField) quickAddWindow().getScene().lookup("#quick-add"));
        waitFor(field::isFocused);
        String prompt = fx(field::getPromptText);
        assertFalse(prompt.contains("Ctrl") || prompt.contains("+N"), "the window's prompt names the main window's shortcut: " + prompt);
        double before = fx(() -> quickAddWindow().getHeight());
        fx(() -> {
            field.setText("Buy batteries tomorrow 5pm p2");
            return null;
        });
        FlowPane chips = fx(() -> (FlowPane) quickAddWindow().getScene().lookup("#quick-add-tokens"));
        waitFor(() -> chips.isVisible() && chips.getChildren().size() == 3);
        waitFor(() -> {
            Scene scene = quickAddWindow().getScene();
            Bounds b = chips.localToScene(chips.getLayoutBounds());
            return b.getHeight() > 10 && b.getMaxY() <= scene.getHeight() + 0.5;
        });
        assertTrue(fx(() -> quickAddWindow().getHeight()) > before + 10, "the window did not grow for its chips");
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, run.get(20, TimeUnit.SECONDS).code());
    }

    @Test
    void addWindow_escapeWithText_closedNothingAdded(FxRobot robot) throws Exception {
        CompletableFuture<CliRun.Result> run = command("add", "--window", "Half typed");
        TextField field = fx(() -> (TextField) quickAddWindow().getScene().lookup("#quick-add"));
        waitFor(field::isFocused);
        assertEquals("Half typed", field.getText());
        robot.type(KeyCode.ESCAPE);

        assertEquals(1, run.get(20, TimeUnit.SECONDS).code());
        assertTrue(fx(() -> quickAddWindow() == null));
        assertFalse(CliRun.run(tmp, "list", "--json").out().contains("Half typed"));
    }

    @Test
    void addWindow_otherOptions_refusedBeforeAnyWindow() {
        CliRun.Result r = CliRun.run(tmp, "add", "--window", "--due", "tomorrow", "Milk");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("add --window takes the text only"), r.err());
    }
}

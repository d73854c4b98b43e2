package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.testing.Await;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
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
 * A reminder popping up while the user types: the keys stay with what they type. The review's case: a
 * notification took Enter meant for quick add and completed the reminded todo.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReminderFocusUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        view = MainWindow.create(device, Theme.LIGHT, null);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.start();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private Item titled(String title) {
        return device.store().allItems().stream().filter(i -> title.equals(i.title())).findFirst().orElse(null);
    }

    /** The buttons of the reminder cards the window shows; on the FX thread. */
    private List<ButtonBase> cardButtons() {
        List<ButtonBase> buttons = new ArrayList<>();
        for (Node card : view.lookupAll(".reminder-card")) {
            collect(card, buttons);
        }
        return buttons;
    }

    /** The pop-up windows shown: a reminder opens none (one took the keys typed in its owner). */
    private static List<Window> popups() {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing()).toList();
    }

    private static void collect(Node n, List<ButtonBase> out) {
        if (n instanceof ButtonBase b) {
            out.add(b);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void reminderFires_whileTypingInQuickAdd_focusStaysInTheField_andEnterAddsTheTypedTodo(FxRobot robot)
            throws Exception {
        long at = clock.millis() + Duration.ofMinutes(30).toMillis();
        Item reminded = device.store().add("Water plants", null, null, null,
                new TodoDetails(null, List.of(), null, at)).item();
        waitFor(() -> robot.lookup("Water plants").tryQuery().isPresent());
        TextField quickAdd = robot.lookup("#quick-add").queryAs(TextField.class);
        robot.clickOn(quickAdd).write("Buy milk");

        clock.advance(Duration.ofMinutes(31));
        waitFor(() -> robot.lookup("Snooze 10 min").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(fx(quickAdd::isFocused), "the field being typed in keeps the focus");
        assertEquals(quickAdd, fx(() -> quickAdd.getScene().getFocusOwner()));
        assertEquals(List.of(), fx(ReminderFocusUiTest::popups), "keys typed in the window go to a pop-up first");
        List<ButtonBase> buttons = fx(this::cardButtons);
        assertTrue(buttons.stream().anyMatch(b -> "Done".equals(b.getText())), "the card has its buttons");
        for (ButtonBase b : buttons) {
            assertFalse(fx(b::isFocusTraversable), b.getText() + " could take the focus");
            assertFalse(b instanceof Button button && (fx(button::isDefaultButton) || fx(button::isCancelButton)),
                    b.getText() + " answers Enter or Escape typed anywhere");
        }

        robot.write(" tomorrow").type(KeyCode.ENTER);
        waitFor(() -> titled("Buy milk") != null || device.store().get(reminded.id()).orElseThrow().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(device.store().get(reminded.id()).orElseThrow().isDone(), "Enter answered the notification");
        assertEquals(device.store().today().plusDays(1), titled("Buy milk").dueDate(),
                "the whole text went to quick add");
        assertEquals("", fx(quickAdd::getText));
        assertTrue(fx(quickAdd::isFocused), "ready for the next one");
        assertTrue(robot.lookup("Snooze 10 min").tryQuery().isPresent(), "the card stays until answered");

        robot.write("Call ");
        robot.clickOn(robot.lookup(".reminder-close").queryAs(Node.class));
        waitFor(() -> robot.lookup("Snooze 10 min").tryQuery().isEmpty());
        assertTrue(fx(quickAdd::isFocused), "a click on the card leaves the keys where they were");
        assertEquals("Call ", fx(quickAdd::getText));
        assertFalse(device.store().get(reminded.id()).orElseThrow().isDone(), "closing the card does not complete the todo");
    }

    @Test
    void quickAdd_reminderTimeAlreadyPassed_popsNothingUp_andTheMessageSaysSo(FxRobot robot) throws Exception {
        // Midnight has passed whenever the test runs: the reminder is set when its time is gone.
        robot.clickOn("#quick-add").write("Water plants today remind 0:00").type(KeyCode.ENTER);
        waitFor(() -> titled("Water plants") != null);
        Item it = titled("Water plants");
        waitFor(() -> !device.store().get(it.id()).orElseThrow().reminderPending());
        Label said = robot.lookup("#quick-add-message").queryAs(Label.class);
        waitFor(() -> said.getText().startsWith("No reminder"));
        assertEquals("No reminder for “Water plants”: 0:00 today has passed.", fx(said::getText));
        Await.quietFor(Duration.ofMillis(1500), "a notification for the passed time would show within it");
        assertTrue(robot.lookup("Snooze 10 min").tryQuery().isEmpty(), "no notification");
        assertFalse(device.store().get(it.id()).orElseThrow().isDone());
    }
}

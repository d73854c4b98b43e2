package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's notifications in a real (headless Monocle) window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FxDialogsUiTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 800, 600));
        s.show();
    }

    /** As long as the new-device-id notice: it wraps within the window instead of running past it. */
    @Test
    void notify_longMessage_wrapsWithinTheWindow() throws Exception {
        String longMessage = "This device now syncs under a new device id, because a copy of its profile (or a restored"
                + " backup) synced under the old one. What the copy wrote is merged here; nothing was lost.";
        onFx(() -> {
            new FxDialogs(() -> stage, Theme.LIGHT::stylesheets, Async.direct(e -> { }))
                    .notify("New device id", longMessage, false);
            return null;
        });
        waitFor(() -> popup() != null && popup().getWidth() > 0);
        onFx(() -> {
            Window p = popup();
            assertTrue(p.getWidth() <= stage.getWidth(), "the notification is " + p.getWidth() + " px wide in a "
                    + stage.getWidth() + " px window");
            return null;
        });
    }

    /** The confirmations, the choice and the prompt for text: the app's own question icon, not the toolkit's stock "?". */
    @Test
    void questions_showTheAppsIcon_notTheStockOne(FxRobot robot) throws Exception {
        FxDialogs d = new FxDialogs(() -> stage, Theme.LIGHT::stylesheets, Async.direct(e -> { }));
        List<Runnable> asks = List.of(
                () -> d.confirm("Complete “Pack boxes”?", "“Pack boxes” has 3 open subtasks.", "Complete all"),
                () -> d.choose("Move a repeating todo", "Move only this one, or the whole series?",
                        List.of("This one", "The series")),
                () -> d.askText("New list", "Name", ""));
        for (Runnable ask : asks) {
            Platform.runLater(ask);
            waitFor(() -> shownPane() != null && shownPane().getScene().getWindow().getWidth() > 0);
            Object graphic = onFx(() -> shownPane().getGraphic());
            assertTrue(graphic instanceof FontIcon, "the app's icon: " + graphic);
            robot.clickOn("Cancel");
            waitFor(() -> shownPane() == null);
        }
    }

    /**
     * A confirmation that loses data looks it (the warning icon, the confirming button in the danger colour) and
     * Enter answers Cancel; an ordinary question keeps the ordinary look, its confirming button the default.
     */
    @Test
    void confirmDestructive_warnsAndEnterCancels_confirmKeepsTheOrdinaryLook(FxRobot robot) throws Exception {
        FxDialogs d = new FxDialogs(() -> stage, Theme.LIGHT::stylesheets, Async.direct(e -> { }));
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(d.confirmDestructive("Delete “Work”?",
                "Its todos and notes move to the Trash; Undo brings them back.", "Delete list")));
        waitFor(() -> shownPane() != null && shownPane().getScene().getWindow().getWidth() > 0);
        Object graphic = onFx(() -> shownPane().getGraphic());
        assertTrue(graphic instanceof FontIcon, "an icon of the app's: " + graphic);
        FontIcon icon = (FontIcon) graphic;
        assertEquals(Icons.WARNING, onFx(icon::getIconCode), "a warning, not a question");
        assertTrue(onFx(() -> icon.getStyleClass().contains(Styles.DESTRUCTIVE)), "coloured as a warning");
        Button ok = onFx(() -> button("Delete list"));
        Button cancel = onFx(() -> button("Cancel"));
        assertTrue(onFx(() -> ok.getStyleClass().contains(Styles.DESTRUCTIVE)), "the confirming button is marked");
        assertEquals(Color.web("#d64545"), onFx(() -> ok.getBackground().getFills().get(0).getFill()),
                "drawn in the light theme's danger colour");
        assertFalse(onFx(ok::isDefaultButton), "Enter must not destroy");
        assertTrue(onFx(cancel::isDefaultButton), "Enter cancels");
        assertTrue(onFx(cancel::isFocused), "the keyboard starts on Cancel");
        robot.type(KeyCode.ENTER);
        assertFalse(answer.get(5, TimeUnit.SECONDS), "Enter answered Cancel");
        waitFor(() -> shownPane() == null);

        CompletableFuture<Boolean> plain = new CompletableFuture<>();
        Platform.runLater(() -> plain.complete(d.confirm("Complete “Pack boxes”?", "“Pack boxes” has 3 open subtasks.",
                "Complete all")));
        waitFor(() -> shownPane() != null && shownPane().getScene().getWindow().getWidth() > 0);
        assertEquals(Icons.QUESTION, onFx(() -> ((FontIcon) shownPane().getGraphic()).getIconCode()));
        Button complete = onFx(() -> button("Complete all"));
        assertFalse(onFx(() -> complete.getStyleClass().contains(Styles.DESTRUCTIVE)));
        assertTrue(onFx(complete::isDefaultButton), "a question that destroys nothing confirms with Enter");
        robot.type(KeyCode.ENTER);
        assertTrue(plain.get(5, TimeUnit.SECONDS));
        waitFor(() -> shownPane() == null);
    }

    /** The shown dialog's button that says {@code text}; on the FX thread. */
    private static Button button(String text) {
        return shownPane().getButtonTypes().stream().map(t -> (Button) shownPane().lookupButton(t))
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    private static DialogPane shownPane() {
        return new ArrayList<>(Window.getWindows()).stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane)
                .map(DialogPane.class::cast).findFirst().orElse(null);
    }

    private static Window popup() {
        return new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .findFirst().orElse(null);
    }
}

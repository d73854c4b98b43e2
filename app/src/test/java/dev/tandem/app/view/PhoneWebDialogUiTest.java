package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.web.WebCompanion;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open on phone…" in a real (headless Monocle) window: once serving, its code, "New code", "Stop
 * serving" and Close show inside the dialog, which fits a 1366 × 768 screen, and in a lower window
 * the form scrolls while Close stays in view.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PhoneWebDialogUiTest {
    /** A 1366 × 768 screen's usable height less a panel, less the margin dialogs keep. */
    private static final double LAPTOP_HEIGHT = 768 - 32 - 2 * ScreenFit.SCREEN_MARGIN;

    @TempDir
    Path dir;
    private TodoStore store;
    private WebCompanion companion;
    private PhoneWebDialog dialog;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 760, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            if (dialog != null) {
                dialog.close();
            }
            return null;
        });
        io.shutdownNow();
        if (companion != null) {
            companion.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private Window window() {
        return dialog.getDialogPane().getScene().getWindow();
    }

    /** {@code n} shows, inside the dialog's window and on the screen. */
    private void assertInView(Node n, String what) {
        Window w = window();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(n.isVisible() && n.getScene() != null, what + " shows");
        Bounds on = n.localToScreen(n.getBoundsInLocal());
        assertTrue(on.getMinY() >= w.getY() - 0.5 && on.getMaxY() <= w.getY() + w.getHeight() + 0.5,
                what + " at " + on + " inside the window " + w.getY() + ".." + (w.getY() + w.getHeight()));
        assertTrue(on.getMinX() >= w.getX() - 0.5 && on.getMaxX() <= w.getX() + w.getWidth() + 0.5,
                what + " at " + on + " inside the window " + w.getX() + ".." + (w.getX() + w.getWidth()));
        assertTrue(on.getMaxY() <= screen.getMaxY(), what + " on the screen");
    }

    private void open() throws Exception {
        store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
        companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of);
        PhoneWebViewModel vm = new PhoneWebViewModel(companion,
                new Async(io, FxExecutor.INSTANCE, e -> { }), Clock.systemDefaultZone());
        vm.networkProperty().set(false);
        dialog = onFx(() -> {
            PhoneWebDialog d = new PhoneWebDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            vm.open();
            return d;
        });
        waitFor(() -> vm.runningProperty().get() && !vm.codeProperty().get().isEmpty());
        // The window follows its content on the next pulses.
        WaitForAsyncUtils.waitForFxEvents(5);
        ResizedWindow.settle();
    }

    @Test
    void open_serving_codeButtonsAndCloseInViewWithinALaptopScreen() throws Exception {
        open();
        onFx(() -> {
            for (String id : List.of("#phone-web-code", "#phone-web-new-code", "#phone-web-stop")) {
                assertInView(dialog.getDialogPane().lookup(id), id);
            }
            assertInView(dialog.getDialogPane().lookupButton(ButtonType.CLOSE), "Close");
            assertTrue(window().getHeight() <= LAPTOP_HEIGHT, "fits a 1366 × 768 screen: " + window().getHeight());
            return null;
        });
    }

    @Test
    void open_windowLowerThanTheForm_formScrollsWithCloseInView() throws Exception {
        open();
        onFx(() -> {
            window().setHeight(300);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        onFx(() -> {
            assertInView(dialog.getDialogPane().lookupButton(ButtonType.CLOSE), "Close");
            assertTrue(dialog.getDialogPane().lookup("#phone-web-scroll") != null, "the form scrolls");
            return null;
        });
    }

    /**
     * The first open serves this computer only, the network box unticked, no QR code of 127.0.0.1, and the dialog
     * says what to do instead; the announcement switch is there before the network is chosen.
     */
    @Test
    void open_firstTime_loopbackNoQrCodeAndWordsToUseTheComputersBrowser() throws Exception {
        store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC());
        companion = new WebCompanion(store, new SettingsStore(dir), dir, () -> "Laptop", Set::of);
        PhoneWebViewModel vm = new PhoneWebViewModel(companion, new Async(io, FxExecutor.INSTANCE, e -> { }),
                Clock.systemDefaultZone());
        dialog = onFx(() -> {
            PhoneWebDialog d = new PhoneWebDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            vm.open();
            return d;
        });
        waitFor(() -> vm.runningProperty().get() && !vm.codeProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(5);
        onFx(() -> {
            javafx.scene.control.CheckBox network = (javafx.scene.control.CheckBox) dialog.getDialogPane().lookup("#phone-web-network");
            assertTrue(!network.isSelected(), "the network is not ticked on first open");
            assertTrue(!dialog.getDialogPane().lookup("#phone-web-qr").isVisible(), "no QR code of 127.0.0.1");
            String help = ((javafx.scene.control.Label) dialog.getDialogPane().lookup("#phone-web-help")).getText();
            assertTrue(!help.contains("Scan") && help.contains("type the code"), help);
            assertInView(dialog.getDialogPane().lookup("#phone-web-announce"), "the announcement switch");
            assertTrue(!dialog.getDialogPane().lookup("#phone-web-advertised").getParent().isManaged(),
                    "no announcement line while this computer alone is served");
            return null;
        });
        assertTrue(!companion.running().orElseThrow().secure(), "loopback only");
    }
}

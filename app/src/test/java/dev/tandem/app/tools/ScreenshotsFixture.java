package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the screenshot tests share: the primary stage of a headless toolkit, the folder the pictures go
 * to, a store seeded with sample todos, a main view shown at a size and theme, and waiting on the FX
 * thread.
 */
abstract class ScreenshotsFixture {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        out = Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"));
        Files.createDirectories(out);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(8);
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents(8);
    }

    static BufferedImage snapshot(Scene scene) throws Exception {
        WritableImage img = fx(() -> scene.snapshot(null));
        return SwingFXUtils.fromFXImage(img, null);
    }

    static void save(BufferedImage img, String name) throws Exception {
        ImageIO.write(img, "png", out.resolve(name).toFile());
    }

    /** Sample data richer than the demo's, plus a history entry from a second device. */
    static void seedRich(TodoStore s) {
        DemoMode.seed(s);
        TodoList work = s.findList("Work").orElseThrow();
        s.add("Send invoice #1042 to Northwind", null, work.id(), s.today().minusDays(2),
                new TodoDetails(1, List.of("billing"), null, null));
        s.add("1:1 with Priya — career goals", null, work.id(), s.today().plusDays(1),
                new TodoDetails(2, List.of("people"), Recurrence.every(Recurrence.Freq.WEEKLY, 2), null));
        s.add("Update the onboarding checklist", null, work.id(), null,
                new TodoDetails(3, List.of("docs", "people"), null, s.clock().millis() + 3_600_000L));
    }

    static MainView show(Stage stage, Device d, Theme theme, double w, double h, Parent rootOverride) throws Exception {
        return fx(() -> {
            MainView v = MainWindow.create(d, theme, null);
            Parent root = rootOverride == null ? v : rootOverride;
            if (rootOverride instanceof BorderPane bp) {
                bp.setCenter(v);
            }
            Scene scene = new Scene(root, w, h);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.show();
            v.start();
            return v;
        });
    }

    static void selectListAndItem(MainView v, String list, String title) throws Exception {
        waitFor(() -> v.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        fx(() -> {
            String id = v.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id();
            v.viewModel().select(new Listing.UserListing(id));
            return null;
        });
        waitFor(() -> v.viewModel().items().stream().anyMatch(i -> i.title().equals(title)));
        fx(() -> {
            for (int i = 0; i < v.itemList().getItems().size(); i++) {
                if (v.itemList().getItems().get(i).title().equals(title)) {
                    v.itemList().getSelectionModel().select(i);
                    v.itemList().requestFocus();
                }
            }
            return null;
        });
        waitFor(() -> !v.editorViewModel().history().isEmpty());
    }
}

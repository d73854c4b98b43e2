package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.view.MainView;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.testing.ScriptedHttpServer;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/status-login-page.png}: the window on a network whose every answer is a Wi-Fi
 * log-in page (HTTP 200, text/html), with S3 set up: the status bar says so calmly, nothing pops up.
 */
@Tag("screenshots")
class NetworkScreenshotsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ScreenshotsFixture.out = Path.of(System.getProperty("tandem.screenshots.dir", "screenshots"));
        Files.createDirectories(ScreenshotsFixture.out);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void statusBar_loginPage() throws Exception {
        try (ScriptedHttpServer portal = ScriptedHttpServer.start(r -> Response.of(200, "text/html; charset=utf-8",
                "<html><head><title>Harbour Hotel Wi-Fi</title></head><body>Enter your room number</body></html>"))) {
            SyncSettings s3 = new SyncSettings(SyncSettings.Mode.S3, "", portal.url(), "us-east-1", "tandem", "",
                    "AKIDEXAMPLE", "secret", "", 3600);
            FakeDialogs dialogs = new FakeDialogs();
            Device device = Device.open("Sam's laptop", tmp.resolve("laptop"), FxExecutor.INSTANCE, s3, Duration.ofSeconds(3));
            try {
                MainView view = fx(() -> {
                    MainView v = MainWindow.create(device, Theme.LIGHT, dialogs);
                    Stage stage = new Stage();
                    stage.setScene(new Scene(v, 1100, 640));
                    stage.show();
                    v.start();
                    return v;
                });
                device.store().add("Book the ferry", null, null);
                device.store().add("Pack the charger", null, null);
                device.sync().syncNow();
                waitFor(() -> device.sync().status().state() == SyncStatus.State.ERROR);
                waitFor(() -> "Wi-Fi log-in needed".equals(((Labeled) view.lookup("#sync-headline")).getText()));
                assertEquals(SyncException.Diagnosis.LOGIN_PAGE, device.sync().status().diagnosis());
                assertEquals(List.of(), dialogs.notifications, "a log-in page never pops up");
                settle();
                Node bar = view.lookup("#status-bar");
                save(snapshot(view.getScene()).getSubimage(0, (int) bar.localToScene(bar.getBoundsInLocal()).getMinY(),
                        (int) view.getScene().getWidth(), (int) Math.ceil(bar.getBoundsInLocal().getHeight())),
                        "status-login-page.png");
                fx(() -> {
                    view.close();
                    return null;
                });
            } finally {
                device.close();
            }
        }
    }
}

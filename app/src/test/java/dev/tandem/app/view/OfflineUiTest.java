package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.AppStage;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TcpOutage;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.WebDavServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
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
 * In a real (headless) window at the minimum width, against a real WebDAV server behind a relay
 * the test cuts: losing the connection is an ordinary state. The status bar says "Offline" and
 * that the new todos are saved on this device, shows no error and pops up nothing, however often
 * sync retries; its buttons stay whole at 760 px; and when the connection is back, the todos reach
 * the server.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OfflineUiTest {
    private static final double MIN_WIDTH = AppStage.MIN_WIDTH;

    @TempDir
    static Path tmp;

    private Stage stage;
    private Device device;
    private MainView view;
    private TcpOutage outage;
    private final FakeDialogs dialogs = new FakeDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(Duration.ofSeconds(30), view, device);
        if (outage != null) {
            outage.close();
        }
    }

    /** Generous: other builds may share the machine, and building the window takes seconds then. */
    private static <T> T onFx(Callable<T> c) throws Exception {
        return TestWindow.onFx(30, c);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private static boolean visible(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).query().isVisible());
    }

    private List<String> notifications() throws Exception {
        return onFx(() -> new ArrayList<>(dialogs.notifications));
    }

    /** Sync now, and wait until that attempt failed (the failure count grows and nothing runs). */
    private void syncNowAndAwaitFailure() throws Exception {
        int before = device.sync().status().failures();
        device.sync().syncNow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            SyncStatus s = device.sync().status();
            return s.failures() > before && s.state() == SyncStatus.State.ERROR;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Why a control of the status bar is not whole at the minimum width (hidden, its text shortened,
     * narrower than it wants, or reaching past the window), or null when it is. On the FX thread.
     */
    private static String notWhole(FxRobot robot, Scene scene, String id) {
        Labeled c = robot.lookup(id).queryAs(Labeled.class);
        if (!c.isVisible()) {
            return id + " is not visible";
        }
        Node shown = c.lookup(".text");
        String displayed = shown instanceof Text t ? t.getText() : null;
        if (!c.getText().equals(displayed)) {
            return id + " shows '" + displayed + "' instead of '" + c.getText() + "'";
        }
        double pref = c.prefWidth(-1);
        if (c.getWidth() < pref - 0.5) {
            return id + " is " + c.getWidth() + " px wide, less than its preferred " + pref;
        }
        Bounds b = c.localToScene(c.getBoundsInLocal());
        if (b.getMinX() < 0 || b.getMaxX() > scene.getWidth()) {
            return id + " lies at x " + b.getMinX() + ".." + b.getMaxX() + ", outside the scene's width " + scene.getWidth();
        }
        return null;
    }

    /** The same folder URL with another port: the relay's. */
    private static String withPort(String url, int port) throws Exception {
        URI u = URI.create(url);
        return new URI(u.getScheme(), u.getUserInfo(), u.getHost(), port, u.getPath(), u.getQuery(), u.getFragment())
                .toString();
    }

    /** What a second profile finds on the server after syncing with it directly, not through the relay. */
    private static List<String> titlesOnServer(String directUrl) throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other-" + System.nanoTime()));
        Db db = Schema.database(other.resolve(Device.DB_FILE)).build();
        try (TodoStore store = new TodoStore(db, Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder()
                     .webDav(new WebDavSettings(directUrl, WebDavServer.USER, WebDavServer.PASSWORD)).build()) {
            engine.sync(db);
            return store.allItems().stream().map(Item::title).toList();
        }
    }

    @Test
    void statusBar_remoteUnreachable_saysOfflineCalmlyAndSyncsWhenBack(FxRobot robot) throws Exception {
        String direct = WebDavServer.shared(WebDavServer.Kind.APACHE).newCollection();
        outage = new TcpOutage(URI.create(direct).getPort());
        String relayed = withPort(direct, outage.port());
        SyncSettings settings = SyncSettings.webDav(
                new SyncSettings.Dav(relayed, WebDavServer.USER, WebDavServer.PASSWORD, ""), "", 3600);
        device = TestWindow.device("This laptop", tmp.resolve("laptop"), settings);
        Scene scene = onFx(() -> {
            view = TestWindow.mainWindow(stage, device, dialogs, MIN_WIDTH, 600);
            return view.getScene();
        });
        waitFor(30, () -> "Synced".equals(robot.lookup("#sync-headline").queryAs(Labeled.class).getText()));

        outage.cut();
        device.store().add("Buy stamps", null, null);
        device.store().add("Call the plumber", null, null);
        syncNowAndAwaitFailure();
        waitFor(20, () -> "Offline".equals(robot.lookup("#sync-headline").queryAs(Labeled.class).getText())
                && robot.lookup("#sync-detail").queryAs(Labeled.class).getText().contains("2 changes saved on this device"));
        assertEquals(SyncStatus.State.ERROR, device.sync().status().state());
        assertFalse(visible(robot, "#sync-error"), "no red error while offline: '" + text(robot, "#sync-error") + "'");
        assertTrue(visible(robot, "#sync-details"), "Details of the failure are at hand");
        assertTrue(text(robot, "#sync-detail").contains("they sync when the connection is back"),
                text(robot, "#sync-detail"));

        syncNowAndAwaitFailure();
        syncNowAndAwaitFailure();
        assertTrue(device.sync().status().failures() >= 3, "failures: " + device.sync().status().failures());
        assertEquals("Offline", text(robot, "#sync-headline"));
        assertFalse(visible(robot, "#sync-error"), text(robot, "#sync-error"));
        assertEquals(List.of(), notifications(), "being offline never pops up");

        assertEquals(MIN_WIDTH, onFx(scene::getWidth));
        List<String> cut = onFx(() -> {
            List<String> problems = new ArrayList<>();
            for (String id : List.of("#sync-headline", "#sync-now", "#open-settings", "#sync-details")) {
                String problem = notWhole(robot, scene, id);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                Node bar = robot.lookup("#status-bar").query();
                problems.add("(the status bar is laid out " + bar.getLayoutBounds().getWidth() + " px wide; the window's"
                        + " content asks for at least " + view.minWidth(-1) + ")");
            }
            return problems;
        });
        assertEquals(List.of(), cut, "the status bar's state and buttons stay whole at " + MIN_WIDTH + " px");

        outage.restore();
        device.sync().syncNow();
        waitFor(30, () -> {
            String detail = robot.lookup("#sync-detail").queryAs(Labeled.class).getText();
            return "Synced".equals(robot.lookup("#sync-headline").queryAs(Labeled.class).getText())
                    && !detail.contains("waiting") && !detail.contains("saved on this device");
        });
        assertEquals(0, device.sync().status().pendingChanges());
        assertFalse(visible(robot, "#sync-details"), "no failure left to detail");
        List<String> onServer = titlesOnServer(direct);
        assertTrue(onServer.containsAll(List.of("Buy stamps", "Call the plumber")), onServer.toString());
        assertEquals(List.of(), notifications(), "nothing popped up, offline or back");
    }
}

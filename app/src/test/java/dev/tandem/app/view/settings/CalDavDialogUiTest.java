package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.caldav.CalDavService;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.vm.settings.CalDavViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Phone and CalDAV task lists" in a real (headless Monocle) window, signing in to Radicale. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalDavDialogUiTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final DialogOwner owner = new DialogOwner();
    private CalDavServer server;
    private TodoStore store;
    private CalDavService service;
    private ExecutorService io;

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    @BeforeEach
    void setUp() throws Exception {
        server = owner.keep(CalDavServer.forTest(CalDavServer.Kind.RADICALE));
        store = owner.keep(new TodoStore(Db.open(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC));
        service = owner.keep(new CalDavService(store, new SettingsStore(tmp), ZoneOffset.UTC, r -> () -> { }));
        service.start();
        io = Async.backgroundExecutor("test-io");
        owner.keep(io::shutdownNow);
    }

    private CalDavViewModel vm() {
        return new CalDavViewModel(service, store, new Async(io, FxExecutor.INSTANCE, e -> { }));
    }

    /** The window showing the CalDAV dialog's pane. */
    private static Window dialogWindow() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#caldav-dialog") != null)
                .findFirst().orElse(null);
    }

    @Test
    void testConnection_radicaleAccount_showsFoundListsAndFitsA1366x768Screen(FxRobot robot) throws Exception {
        try (CalDavAccount phone = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(),
                CalDavServer.PASSWORD))) {
            phone.createCalendar("Personal");
            phone.createCalendar("Groceries");
        }
        for (int i = 1; i <= 12; i++) {
            store.createList("List number " + i); // more lists than the box shows: they scroll
        }
        onFx(() -> {
            new CalDavDialog(owner.stage(), vm(), Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> dialogWindow() != null && robot.lookup(".caldav-list").queryAll().size() == 13);
        onFx(() -> {
            Label privacy = robot.lookup("#caldav-privacy").queryAs(Label.class);
            assertEquals(CalDavViewModel.privacy(), privacy.getText());
            assertTrue(robot.lookup("#caldav-help").queryAs(Label.class).getText().contains("DAVx5"));
            return null;
        });

        robot.clickOn("#caldav-url").write(server.url());
        robot.clickOn("#caldav-user").write(server.user());
        robot.clickOn("#caldav-password").write(CalDavServer.PASSWORD);
        robot.clickOn("#caldav-test");
        waitFor(20, () -> robot.lookup("#caldav-message").queryAs(Label.class).getText().startsWith("Found"));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            String m = robot.lookup("#caldav-message").queryAs(Label.class).getText();
            assertTrue(m.startsWith("Found 2 task lists: ") && m.contains("Personal") && m.contains("Groceries"), m);
            Window w = dialogWindow();
            assertTrue(w.getWidth() <= 1366 && w.getHeight() <= 768, "fits 1366×768: " + w.getWidth() + "×"
                    + w.getHeight());
            Node connect = robot.lookup("#caldav-connect").query();
            assertTrue(connect.localToScreen(connect.getBoundsInLocal()).getMaxY() <= w.getY() + w.getHeight(),
                    "Connect shows inside the window");
            return null;
        });
    }

    @Test
    void settingsDialog_windowOffersCalDav_phoneButtonOpensTheDialog(FxRobot robot) throws Exception {
        onFx(() -> {
            ConnectionCheck none = new ConnectionCheck(List.of());
            new SettingsDialog(owner.stage(), new SettingsViewModel(SyncSettings.none(), "", new Async(Runnable::run,
                    FxExecutor.INSTANCE, e -> { }), s -> none, this::vm, null), Theme.LIGHT.stylesheets()).show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-caldav");
        waitFor(() -> dialogWindow() != null);
        onFx(() -> {
            assertEquals("Phone and CalDAV task lists", ((Stage) dialogWindow()).getTitle());
            return null;
        });
    }
    /**
     * Connected lists can be unticked (not greyed out), the check boxes are square (a round one reads
     * as a radio button), and after Apply the sync's result shows once, in the status line.
     */
    @Test
    void connected_listsStayUntickableSquareAndTheResultShowsOnce(FxRobot robot) throws Exception {
        var groceries = store.createList("Groceries");
        store.createList("Work");
        service.connect(server.url(), server.user(), CalDavServer.PASSWORD, List.of("Groceries", "Work"))
                .get(30, TimeUnit.SECONDS);
        onFx(() -> {
            new CalDavDialog(owner.stage(), vm(), Theme.LIGHT.stylesheets()).show();
            return null;
        });
        String id = "#caldav-list-" + groceries.id();
        waitFor(20, () -> dialogWindow() != null && robot.lookup(id).tryQuery().isPresent()
                && robot.lookup("#caldav-connect").queryAs(Button.class).getText().equals("Apply")
                && !robot.lookup("#caldav-connect").query().isDisabled());
        onFx(() -> {
            CheckBox box = robot.lookup(id).queryAs(CheckBox.class);
            assertTrue(box.isSelected());
            assertTrue(!box.isDisabled(), "a connected list can be unticked");
            Region mark = (Region) box.lookup(".box");
            double radius = mark.getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius();
            assertTrue(radius <= 4, "square, not round like a radio button: " + radius);
            assertEquals(CalDavViewModel.listsHint(), robot.lookup("#caldav-lists-hint").queryAs(Label.class).getText());
            return null;
        });
        robot.clickOn(id);
        robot.clickOn("#caldav-connect");
        waitFor(20, () -> robot.lookup("#caldav-message").queryAs(Label.class).getText().startsWith("Disconnected"));
        robot.clickOn(id);
        robot.clickOn("#caldav-connect");
        waitFor(30, () -> robot.lookup("#caldav-message").queryAs(Label.class).getText().startsWith("Connected")
                && robot.lookup("#caldav-status").queryAs(Label.class).getText().startsWith("Last sync"));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            long lines = robot.lookup(".label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText() != null && l.getText().contains("in sync")).count();
            assertEquals(1, lines, "the sync's result is said once: "
                    + robot.lookup("#caldav-message").queryAs(Label.class).getText());
            return null;
        });
    }
}

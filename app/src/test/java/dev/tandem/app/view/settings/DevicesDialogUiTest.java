package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.sync.DeviceRoster;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.vm.settings.DevicesViewModel;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Devices" in a real (headless Monocle) window over two real profiles and a folder remote. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DevicesDialogUiTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final DialogOwner owner = new DialogOwner();

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    private TodoStore profile(String name) {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name + ".db")).build(), Clock.systemUTC());
        owner.keep(store);
        new Authors(store).register(name);
        return store;
    }

    @Test
    void open_twoDevices_listsBothWithForgetOnlyForTheOtherAndFitsA1366x768Screen(FxRobot robot) throws Exception {
        SyncEngine engine = SyncEngine.builder().folder(Files.createDirectories(tmp.resolve("remote"))).build();
        owner.keep(engine);
        TodoStore desk = profile("Desk");
        TodoStore phone = profile("Sam's phone");
        for (TodoStore s : List.of(phone, desk, phone)) {
            s.replica().sync(engine);
        }
        ExecutorService io = Async.backgroundExecutor("test-io");
        owner.keep(io::shutdownNow);
        DevicesViewModel vm = new DevicesViewModel(() -> Optional.of(engine), new DeviceRoster(desk),
                new Async(io, FxExecutor.INSTANCE, e -> { }), Clock.systemUTC());
        onFx(() -> {
            new DevicesDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> robot.lookup(".device-row").queryAll().size() == 2);
        onFx(() -> {
            List<String> names = robot.lookup(".device-row").queryAll().stream()
                    .map(row -> ((Label) ((HBox) row).getChildren().get(0)).getText()).sorted().toList();
            assertEquals(List.of("Desk", "Sam's phone"), names);
            assertEquals(1, robot.lookup(".device-row .button").queryAll().size(), "Forget for the phone only");
            Node forget = robot.lookup(".device-row .button").query();
            assertTrue(((Button) forget).getText().startsWith("Forget"));
            Window w = Window.getWindows().stream().filter(x -> x.getScene() != null
                    && x.getScene().lookup("#devices-dialog") != null).findFirst().orElseThrow();
            assertTrue(w.getWidth() <= 1366 && w.getHeight() <= 768, w.getWidth() + "×" + w.getHeight());
            return null;
        });
    }

    @Test
    void forget_rotateChecked_saysTheCredentialStaysAndOpensTheRotationAfterRetiring(FxRobot robot) throws Exception {
        SyncEngine engine = SyncEngine.builder().folder(Files.createDirectories(tmp.resolve("remote"))).build();
        owner.keep(engine);
        TodoStore desk = profile("Desk");
        TodoStore phone = profile("Sam's phone");
        for (TodoStore s : List.of(phone, desk, phone)) {
            s.replica().sync(engine);
        }
        ExecutorService io = Async.backgroundExecutor("test-io");
        owner.keep(io::shutdownNow);
        DevicesViewModel vm = new DevicesViewModel(() -> Optional.of(engine), new DeviceRoster(desk),
                new Async(io, FxExecutor.INSTANCE, e -> { }), Clock.systemUTC());
        AtomicBoolean rotated = new AtomicBoolean();
        vm.offerRotation(() -> rotated.set(true));
        onFx(() -> {
            new DevicesDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> robot.lookup(".device-row .button").tryQuery().isPresent());
        robot.clickOn(".device-row .button");
        waitFor(() -> robot.lookup("#devices-forget-rotate").tryQuery().isPresent());
        onFx(() -> {
            Node rotate = robot.lookup("#devices-forget-rotate").query();
            DialogPane pane = (DialogPane) rotate.getScene().getRoot();
            String text = robot.from(pane).lookup(".label").queryAll().stream().filter(n -> n instanceof Label)
                    .map(n -> ((Label) n).getText()).reduce("", String::concat);
            assertTrue(text.contains("does not revoke the storage key"), text);
            assertFalse(((CheckBox) rotate).isSelected(), "rotating is asked for, never assumed");
            ((CheckBox) rotate).setSelected(true);
            return null;
        });
        Button ok = onFx(() -> {
            DialogPane pane = (DialogPane) robot.lookup("#devices-forget-rotate").query().getScene().getRoot();
            return (Button) pane.getButtonTypes().stream().map(pane::lookupButton)
                    .filter(b -> ((Button) b).getText().equals("Forget")).findFirst().orElseThrow();
        });
        robot.clickOn(ok);
        waitFor(rotated::get);
        assertTrue(desk.replica().devices(engine).stream().anyMatch(d -> !d.thisDevice() && d.retired()),
                "retired before the rotation opened");
    }
}

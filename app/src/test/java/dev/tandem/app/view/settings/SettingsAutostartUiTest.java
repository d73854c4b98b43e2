package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.AgentStandIn;
import dev.tandem.app.settings.Autostart;
import dev.tandem.app.settings.Launcher;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.vm.settings.AutostartViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.ShortcutHelp;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
 * Settings → "Remind me when Tandem is closed" in a real (headless) dialog: the check box, toggled with the
 * keyboard, removes the autostart entry and stops a real agent process, then writes the entry and starts it again;
 * a hostile {@code XDG_CONFIG_HOME} gives a clear error under the box and the rest of the form keeps working.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsAutostartUiTest {
    @TempDir
    Path tmp;

    private SettingsDialog dialog;
    private final ExecutorService io = Async.backgroundExecutor("autostart-test");
    private Autostart autostart;

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
        if (autostart != null) {
            autostart.agents().running().forEach(ProcessHandle::destroyForcibly);
        }
        io.shutdownNow();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private Autostart autostart(Path config) throws Exception {
        Path script = Files.createDirectories(tmp.resolve("bin")).resolve("tandem");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' " + AgentStandIn.class.getName() + " " + Launcher.MAIN_CLASS + " \"$@\"\n");
        script.toFile().setExecutable(true);
        Launcher launcher = new Launcher(script, script);
        autostart = new Autostart(new SettingsStore(tmp.resolve("profile")), "Linux",
                Map.of("XDG_CONFIG_HOME", config.toString()), tmp.resolve("home"), tmp.resolve("default"),
                Optional.of(launcher));
        return autostart;
    }

    private CheckBox open(Autostart a) throws Exception {
        Async async = new Async(io, FxExecutor.INSTANCE, e -> { });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> new ConnectionCheck(List.of()));
        vm.offers().offerSession(new AutostartViewModel(a, a.enabled(), async), new ShortcutHelp("Linux",
                Map.of("XDG_CURRENT_DESKTOP", "GNOME"), a.unsupported().isEmpty()
                        ? Optional.of(new Launcher(Path.of(a.agentCommand().get(0)), Path.of(a.agentCommand().get(0))))
                        : Optional.empty(), a.profileArgs()));
        dialog = fx(() -> {
            SettingsDialog d = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> (CheckBox) dialog.getDialogPane().lookup("#settings-autostart"));
    }

    /** Space on the focused check box, as a person toggles it from the keyboard. */
    private static void toggle(FxRobot robot, CheckBox box) throws Exception {
        fx(() -> {
            box.requestFocus();
            return null;
        });
        waitFor(box::isFocused);
        robot.type(KeyCode.SPACE);
    }

    @Test
    void toggle_offThenOn_entryRemovedAgentStoppedThenBack(FxRobot robot) throws Exception {
        Path config = tmp.resolve("config");
        Autostart a = autostart(config);
        a.turnOn();
        Path entry = a.entryFile();
        assertEquals(config.resolve("autostart"), entry.getParent());
        waitFor(() -> a.agents().running().size() == 1);
        ProcessHandle agent = a.agents().running().get(0);
        CheckBox box = open(a);
        assertTrue(box.isSelected());
        String shown = fx(() -> ((TextField) dialog.getDialogPane().lookup("#settings-shortcut-command")).getText());
        assertEquals(tmp.resolve("bin/tandem") + " add --window --data-dir " + tmp.resolve("profile"), shown);

        toggle(robot, box);
        waitFor(() -> !Files.exists(entry) && !agent.isAlive() && !box.isDisabled());
        assertFalse(box.isSelected());
        assertFalse(a.enabled());

        toggle(robot, box);
        waitFor(() -> Files.exists(entry) && a.agents().running().size() == 1 && !box.isDisabled());
        assertTrue(box.isSelected());
        assertEquals("", fx(() -> ((Label) dialog.getDialogPane().lookup("#settings-autostart-error")).getText()));
    }

    @Test
    void toggle_xdgConfigHomeIsAFile_errorUnderTheBoxFormStillWorks(FxRobot robot) throws Exception {
        Path file = Files.writeString(tmp.resolve("config-is-a-file"), "x");
        Autostart a = autostart(file);
        CheckBox box = open(a);
        assertTrue(box.isSelected(), "on by default");
        Label error = fx(() -> (Label) dialog.getDialogPane().lookup("#settings-autostart-error"));

        toggle(robot, box); // Off: the choice is saved; the folder the entry would be in cannot be looked in.
        waitFor(() -> !box.isDisabled() && !error.getText().isEmpty());
        assertEquals("Could not remove " + a.entryFile() + ": Not a directory", error.getText());
        assertFalse(a.enabled());
        toggle(robot, box); // On: cannot be written; the box shows what holds, off.
        waitFor(() -> !box.isDisabled() && error.getText().startsWith("Could not write"));
        assertTrue(error.getText().startsWith("Could not write " + a.entryFile() + ": "), error.getText());
        assertTrue(error.isVisible());
        assertFalse(box.isSelected());
        assertTrue(a.agents().running().isEmpty());
        assertEquals("x", Files.readString(file));

        TextField name = fx(() -> (TextField) dialog.getDialogPane().lookup("#field-deviceName"));
        robot.clickOn(name).write("Laptop");
        waitFor(() -> name.getText().endsWith("Laptop"));
    }
}

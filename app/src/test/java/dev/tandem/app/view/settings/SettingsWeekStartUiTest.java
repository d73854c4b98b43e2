package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.settings.WeekStartSetting;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.app.vm.settings.WeekStartViewModel;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.WeekStart;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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
 * Settings → "Week starts on" in a real (headless) dialog: the default names its day, and a day chosen with the
 * mouse is saved in the profile and used at once, as the window's calendar is told.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsWeekStartUiTest {
    @TempDir
    Path tmp;

    private SettingsDialog dialog;
    private final ExecutorService io = Async.backgroundExecutor("week-start-test");

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
        io.shutdownNow();
        WeekStart.choose(Optional.empty());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void choose_saturdayWithTheMouse_savedInTheProfileAndUsedAtOnce(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(tmp);
        AtomicReference<Optional<DayOfWeek>> told = new AtomicReference<>();
        Async async = new Async(io, FxExecutor.INSTANCE, e -> { });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, s -> new ConnectionCheck(List.of()));
        vm.offers().offerWeekStart(new WeekStartViewModel(Optional.empty(), DayOfWeek.SUNDAY, WeekStartSetting.DAYS,
                d -> WeekStartSetting.save(store, d), d -> {
                    WeekStart.choose(d);
                    told.set(d);
                }, async));
        dialog = fx(() -> {
            SettingsDialog d = new SettingsDialog(null, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<WeekStartViewModel.Choice> box = fx(() -> (ComboBox<WeekStartViewModel.Choice>) dialog.getDialogPane()
                .lookup("#field-week-start"));
        assertEquals("Default (Sunday)", fx(() -> box.getConverter().toString(box.getValue())));

        robot.clickOn(box);
        robot.clickOn("Saturday");
        waitFor(() -> Optional.of(DayOfWeek.SATURDAY).equals(told.get()));
        assertEquals(Optional.of(DayOfWeek.SATURDAY), WeekStartSetting.saved(new SettingsStore(tmp)));
        assertEquals(DayOfWeek.SATURDAY, WeekStart.first());
    }
}

package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.testing.ScreenText;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.settings.SettingsDialog;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.settings.SettingsViewModel;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every word the window shows comes from the catalogue: in the long pseudo-language every such word is
 * accented, so a word in plain letters on any screen was written into the code. The user's data here is
 * accented too, so it never counts.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PseudoLanguageUiTest {
    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Language.PSEUDO_LONG);
        this.stage = stage;
        device = TestWindow.device("Ŧest", Files.createTempDirectory(tmp, "pseudo"), null);
        seed(device.store());
        view = TestWindow.mainWindow(stage, device, null, 1366, 768);
    }

    @AfterEach
    void close() throws Exception {
        try {
            TestWindow.close(view, device);
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    static void seed(TodoStore s) {
        TodoList work = s.createList("Ŵork");
        s.add("Ŧax return", null, work.id(), s.today(), new TodoDetails(1, List.of("ĥome"), null, null));
        s.add("Çall the bank", null, work.id(), s.today().plusDays(1),
                new TodoDetails(2, List.of(), Recurrence.every(Recurrence.Freq.WEEKLY, 1), s.clock().millis() + 3_600_000L));
        s.add("Ŕead the report", null, null, s.today().minusDays(2), new TodoDetails(3, List.of("ŕeading"), null, null));
        s.add("Ñotes from the meeting", null, work.id(), null, TodoDetails.note(List.of()));
    }

    @Test
    void everyScreen_pseudoLanguage_noPlainWords() throws Exception {
        List<String> plain = new ArrayList<>();
        // Each screen is read once its own rows are in: the rows of the screen before never count.
        check("Inbox", v -> v.viewModel().selectInbox(), v -> shows(v, "Ŕead the report"), plain);
        check("Today", v -> v.viewModel().select(Listing.of(Listing.BuiltIn.TODAY)), v -> shows(v, "Ŧax return"), plain);
        check("Upcoming", v -> v.viewModel().select(Listing.of(Listing.BuiltIn.UPCOMING)), v -> shows(v, "Çall the bank"),
                plain);
        check("Agenda", v -> v.viewModel().selectAgenda(), v -> !v.viewModel().agenda().rows().isEmpty(), plain);
        // Choosing a range marks the calendar unloaded at once, on the UI thread.
        Predicate<MainView> calendar = v -> v.viewModel().calendar().loadedProperty().get();
        check("Calendar week", v -> v.viewModel().selectCalendar(CalendarRange.Mode.WEEK), calendar, plain);
        check("Calendar month", v -> v.viewModel().selectCalendar(CalendarRange.Mode.MONTH), calendar, plain);
        String work = onFx(() -> view.viewModel().lists().stream().filter(l -> l.name().equals("Ŵork")).findFirst()
                .orElseThrow().id());
        check("A list", v -> v.viewModel().select(new Listing.UserListing(work)), v -> shows(v, "Ñotes from the meeting"),
                plain);
        check("A list with a todo open", v -> v.itemList().getSelectionModel().select(0),
                v -> v.viewModel().selectedProperty().get() != null, plain);
        SettingsDialog dialog = onFx(() -> {
            SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), new Async(Runnable::run, FxExecutor.INSTANCE, e -> { }),
                    x -> new ConnectionCheck(List.of()));
            SettingsDialog d = new SettingsDialog(stage, vm, Theme.LIGHT.stylesheets());
            d.show();
            return d;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        onFx(() -> {
            ScreenText.plain(dialog.getDialogPane()).forEach(s -> plain.add("Settings: " + s));
            dialog.setResult(null);
            dialog.close();
            return null;
        });
        assertEquals(List.of(), plain, "words on screen in plain letters: written in the code, not the catalogue");
    }

    private static boolean shows(MainView v, String title) {
        return v.viewModel().items().stream().anyMatch(r -> r.title().equals(title));
    }

    private void check(String screen, Consumer<MainView> open, Predicate<MainView> ready, List<String> plain)
            throws Exception {
        onFx(() -> {
            open.accept(view);
            return null;
        });
        waitFor(() -> ready.test(view));
        WaitForAsyncUtils.waitForFxEvents(4);
        onFx(() -> {
            ScreenText.plain(view).forEach(s -> plain.add(screen + ": " + s));
            return null;
        });
    }
}

package dev.tandem.app.view.history;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.testing.Await;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

/** "Versions" in a real (headless Monocle) window over a real profile: a note overwritten by mistake comes back. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VersionsDialogUiTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final DialogOwner owner = new DialogOwner();

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    @Test
    void restore_noteOverwritten_bringsTheOldNotesBackAndCloses(FxRobot robot) throws Exception {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve("t.db")).build(), Clock.systemUTC());
        owner.keep(store);
        Item trip = store.add("Lisbon", null, null);
        store.update(trip.id(), i -> i.withNotes("Flights: LH 123\nHotel: Alfama"));
        Await.pastThisMillisecond();
        store.update(trip.id(), i -> i.withNotes("oops"));
        ExecutorService io = Async.backgroundExecutor("test-io");
        owner.keep(io::shutdownNow);
        Async async = new Async(io, FxExecutor.INSTANCE, e -> { });
        VersionsViewModel vm = new VersionsViewModel(new ItemVersions(store, new Authors(store)), new UndoManager(async),
                async, ZoneOffset.UTC, id -> "a list", trip.id(), "Lisbon");
        onFx(() -> {
            new VersionsDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> vm.shownProperty().get() != null && robot.lookup("#versions-fields .check-box").tryQuery().isPresent());
        onFx(() -> {
            CheckBox notes = robot.lookup("#versions-fields .check-box").query();
            assertEquals("Notes", notes.getText());
            assertTrue(notes.isSelected());
            assertTrue(robot.lookup(".diff").tryQuery().isPresent(), "the notes as a line diff against now");
            assertFalse(((Button) robot.lookup("#versions-restore").query()).isDisabled());
            return null;
        });
        robot.clickOn("#versions-restore");
        waitFor(() -> "Flights: LH 123\nHotel: Alfama".equals(store.get(trip.id()).orElseThrow().notes()));
        waitFor(() -> Window.getWindows().stream().noneMatch(w -> w.getScene() != null
                && w.getScene().lookup("#versions-dialog") != null));
    }
}

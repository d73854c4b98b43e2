package dev.tandem.app.view.conflict;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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

/** A notes conflict in a real window: its diff, a fold opened, then "Edit merged" resolved with F8 and saved. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConflictsUiTest {
    @TempDir
    static Path tmp;

    private Device laptop;
    private MainView view;
    private Item note;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "ui");
        laptop = TestWindow.device("Laptop", dir.resolve("laptop"), null);
        String base = IntStream.rangeClosed(1, 15).mapToObj(i -> "step " + i).collect(Collectors.joining("\n", "Plan\n", "\n"));
        SyncStorage shared = SyncStorage.memory();
        try (Db phoneDb = Db.open(dir.resolve("phone.db"));
             SyncEngine e1 = SyncEngine.builder().storage(shared).build();
             SyncEngine e2 = SyncEngine.builder().storage(shared).build()) {
            TodoStore phone = new TodoStore(phoneDb, Clock.systemUTC());
            new Authors(phone).register("Phone");
            note = laptop.store().add("Move house", null, null);
            laptop.store().update(note.id(), it -> it.withNotes(base));
            laptop.store().replica().sync(e1);
            e2.sync(phoneDb);
            phone.update(note.id(), it -> it.withNotes(base.replace("Plan\n", "Plan (phone)\n").replace("step 15", "step 15 by van")));
            Await.pastThisMillisecond();
            laptop.store().update(note.id(), it -> it.withNotes(base.replace("Plan\n", "Plan (laptop)\n")
                    .replace("step 15", "step 15 by train")));
            e2.sync(phoneDb);
            laptop.store().replica().sync(e1);
        }
        view = TestWindow.mainWindow(stage, laptop, null, 1200, 800);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, laptop);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void notesConflict_diffFoldOpensAndEditMergedSavesTheMergedText(FxRobot robot) throws Exception {
        waitFor(() -> view.viewModel().conflictCountProperty().get() == 1);
        fx(() -> {
            view.viewModel().select(new Listing.ConflictsView());
            return null;
        });
        // Lost "−" then kept "+", changed words marked; the unchanged middle folded.
        waitFor(() -> robot.lookup("… 8 unchanged lines").tryQuery().isPresent());
        assertEquals(2, robot.lookup(".diff .diff-removed").queryAll().size());
        assertEquals(2, robot.lookup(".diff .diff-added").queryAll().size());
        assertEquals("\u2212", fx(() -> robot.lookup(".diff .diff-removed .diff-gutter").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("step 5").tryQuery().isEmpty(), "folded");
        double folded = fx(() -> robot.lookup(".conflict-card").query().getLayoutBounds().getHeight());
        robot.clickOn("… 8 unchanged lines");
        waitFor(() -> robot.lookup("step 5").tryQuery().isPresent());
        // The card grows by the seven more rows the fold gave way to, and its list cell with it.
        waitFor(() -> robot.lookup(".conflict-card").query().getLayoutBounds().getHeight() > folded + 7 * 14);
        waitFor(() -> robot.lookup(".conflict-card").query().getParent().getLayoutBounds().getHeight()
                >= robot.lookup(".conflict-card").query().getLayoutBounds().getHeight());
        assertTrue(robot.lookup("… 8 unchanged lines").tryQuery().isEmpty());

        robot.clickOn("Edit merged");
        waitFor(() -> robot.lookup("#merge-text").tryQuery().isPresent());
        TextArea area = robot.lookup("#merge-text").queryAs(TextArea.class);
        String opened = fx(area::getText);
        assertTrue(opened.startsWith("Plan (laptop)\nPlan (phone)\nstep 1\n"), "both versions, no markers: " + opened);
        assertEquals("", fx(area::getSelectedText), "nothing selected when the editor opens");
        // A stray key press replaces nothing: the first choice has the focus, not a selection.
        robot.type(KeyCode.X);
        assertEquals(opened, fx(area::getText));
        robot.clickOn("#merge-kept-1");
        waitFor(() -> area.getText().startsWith("Plan (laptop)\nstep 1\n"));
        robot.clickOn("#merge-lost-2");
        waitFor(() -> area.getText().contains("step 15 by van\n") && !area.getText().contains("step 15 by train"));
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL).type(KeyCode.HOME).release(KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT).type(KeyCode.END).release(KeyCode.SHIFT);
        robot.write("Plan (both)");
        waitFor(() -> area.getText().startsWith("Plan (both)\nstep 1\n"));
        robot.clickOn("#merge-save");

        waitFor(() -> view.viewModel().conflictCountProperty().get() == 0);
        String saved = laptop.store().get(note.id()).orElseThrow().notes();
        assertTrue(saved.startsWith("Plan (both)\nstep 1\n"), saved);
        assertTrue(saved.endsWith("step 14\nstep 15 by van\n"), saved);
        assertEquals("Undo Merge notes of “Move house”", fx(() -> view.viewModel().undoManager().labelProperty().get()));
    }
}

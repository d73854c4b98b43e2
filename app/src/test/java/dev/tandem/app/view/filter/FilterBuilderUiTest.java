package dev.tandem.app.view.filter;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.FilteredItems;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.vm.filter.FilterBuilderViewModel;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "New smart list" in a real (headless Monocle) window over a real SQLite profile: pick, see, save. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FilterBuilderUiTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final DialogOwner owner = new DialogOwner();

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** A query typed as text that does not read: the sentence saying where sits in view, not below the fold. */
    @Test
    void editAsText_queryDoesNotRead_theReasonShowsInTheDialog(FxRobot robot) throws Exception {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemDefaultZone());
        owner.keep(store);
        ExecutorService io = Async.backgroundExecutor("filter-ui-io");
        owner.keep(io::shutdownNow);
        FilterBuilderViewModel vm = FilterBuilderViewModel.forNew(store, new Async(io, FxExecutor.INSTANCE, e -> { }));
        FilterBuilderDialog dialog = onFx(() -> {
            FilterBuilderDialog d = new FilterBuilderDialog(owner.stage(), vm, Theme.LIGHT.stylesheets());
            d.show();
            // As a low screen leaves it (1366 × 768 less the panels): the form scrolls.
            d.getDialogPane().getScene().getWindow().setHeight(480);
            return d;
        });
        onFx(() -> {
            vm.textProperty().set("(@urgent | @errand) & !p1 &");
            return null;
        });
        waitFor(() -> !vm.problemProperty().get().isEmpty());
        waitFor(() -> {
            Label problem = (Label) dialog.getDialogPane().lookup("#filter-problem");
            javafx.scene.Node viewport = dialog.getDialogPane().lookup("#filter-builder-scroll").lookup(".viewport");
            javafx.geometry.Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
            javafx.geometry.Bounds b = problem.localToScene(problem.getLayoutBounds());
            return b.getHeight() > 0 && b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5;
        });
    }

    @Test
    void newSmartList_pickListPriorityAndDue_showsQueryAndCountThenSaves(FxRobot robot) throws Exception {
        TodoStore store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemDefaultZone());
        owner.keep(store);
        TodoList garden = store.createList("Garden");
        TodoDetails p1 = new TodoDetails(1, List.of(), null, null);
        store.add("Water the roses", null, garden.id(), null, store.today(), p1);
        store.add("Buy seeds", null, garden.id(), null, store.today().plusDays(3), p1);
        store.add("Rake leaves", null, garden.id(), null, store.today(), TodoDetails.NONE);
        ExecutorService io = Async.backgroundExecutor("filter-ui-io");
        owner.keep(io::shutdownNow);
        FilterBuilderViewModel vm = FilterBuilderViewModel.forNew(store, new Async(io, FxExecutor.INSTANCE, e -> { }));
        boolean[] result = new boolean[1];
        boolean[] closed = new boolean[1];
        onFx(() -> {
            FilterBuilderDialog d = new FilterBuilderDialog(owner.stage(), vm, Theme.LIGHT.stylesheets());
            d.setOnHidden(e -> {
                result[0] = Boolean.TRUE.equals(d.getResult());
                closed[0] = true;
            });
            d.show();
            return null;
        });
        waitFor(() -> vm.listChoices().contains("Garden"));

        robot.clickOn("#filter-name").write("Garden today");
        robot.clickOn("#filter-list").clickOn("Garden");
        // The priority by keyboard: focus the drop-down, open it, go down to priority 1, take it.
        robot.clickOn("#filter-priority").type(KeyCode.ESCAPE).type(KeyCode.DOWN);
        robot.clickOn("#filter-due").clickOn(Messages.text("filter.builder.due.TODAY"));

        waitFor(() -> "#Garden & p1 & today".equals(text(robot, "#filter-query")));
        long found = FilteredItems.count(store, FilterParser.parse("#Garden & p1 & today", store.today()));
        assertEquals(1, found, "Water the roses: in Garden, priority 1, due today");
        waitFor(() -> Messages.text("filter.builder.count", found).equals(text(robot, "#filter-count")));
        assertEquals("#Garden & p1 & today", onFx(() -> robot.lookup("#filter-text")
                .queryAs(TextField.class).getText()), "the text follows the fields");

        robot.clickOn("#filter-save");
        waitFor(() -> closed[0]);
        assertTrue(result[0], "the dialog says it saved");
        SavedFilter row = store.savedFilters().named("Garden today").orElseThrow();
        assertEquals("#Garden & p1 & today", row.query());
        assertEquals(FilterBuilderViewModel.PALETTE.get(0), row.color());
    }
}

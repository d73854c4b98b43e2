package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.view.filter.FilterBuilderDialog;
import dev.tandem.app.vm.filter.FilterBuilderViewModel;
import dev.tandem.app.vm.filter.FilterFields;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code screenshots/filter-builder.png}: "New smart list" over the demo profile, a list, a priority and
 * a due window chosen, the query and its count shown. Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class FilterBuilderScreenshotsTest {
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
    void filterBuilder_listPriorityAndDueChosen() throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(tmp.resolve("tandem.db")).build(), Clock.systemDefaultZone())) {
            DemoMode.seed(store);
            String list = store.lists().get(0).name();
            // The demo has no priorities: two of the list's todos due soon get priority 1, so the count finds them.
            store.allItems().stream().filter(i -> i.dueDate() != null && store.list(i.listId()).map(l -> l.name().equals(list))
                    .orElse(false)).limit(2).forEach(i -> store.update(i.id(), x -> x.withPriority(1)));
            Async async = new Async(Async.backgroundExecutor("filter-shot"), FxExecutor.INSTANCE, e -> { });
            FilterBuilderViewModel vm = FilterBuilderViewModel.forNew(store, async);
            FilterBuilderDialog dialog = fx(() -> {
                FilterBuilderDialog d = new FilterBuilderDialog(null, vm, Theme.LIGHT.stylesheets());
                d.show();
                return d;
            });
            waitFor(() -> vm.listChoices().contains(list));
            fx(() -> {
                vm.nameProperty().set(Messages.text("filter.builder.name.prompt"));
                vm.colorProperty().set(FilterBuilderViewModel.PALETTE.get(4));
                vm.listProperty().set(list);
                vm.priorityProperty().set(FilterFields.Priority.P1);
                vm.dueProperty().set(FilterFields.Due.NEXT_7_DAYS);
                return null;
            });
            waitFor(() -> !vm.countProperty().get().equals(Messages.text("filter.builder.counting")));
            settle();
            save(snapshot(dialog.getDialogPane().getScene()), "filter-builder.png");
            fx(() -> {
                dialog.close();
                return null;
            });
        }
    }
}

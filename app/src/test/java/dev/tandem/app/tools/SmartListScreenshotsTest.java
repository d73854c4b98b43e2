package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.filter.FilterParser;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.window.SidebarEntry;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/smart-lists.png}: three saved filters under their heading with their counts and
 * colours, one of them open; {@code search-operators.png}: the search box holding {@code #Work p1}, with
 * "Save as smart list" beside it. Run with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class SmartListScreenshotsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        ScreenshotsFixture.setUp();
    }

    @AfterAll
    static void tearDown() throws Exception {
        ScreenshotsFixture.tearDown();
    }

    @Test
    void smartListsAndSearch() throws Exception {
        try (Device d = Device.open("Laptop", tmp.resolve("smart"), FxExecutor.INSTANCE, null, Duration.ofSeconds(30))) {
            TodoStore s = d.store();
            ScreenshotsFixture.seedRich(s);
            s.savedFilters().save("Urgent at work", FilterParser.parse("#Work & (p1 | overdue)", s.today()), "#d9480f");
            s.savedFilters().save("This week", FilterParser.parse("due: next 7 days", s.today()), "#1c7ed6");
            s.savedFilters().save("Errands, no date", FilterParser.parse("@errand & no date", s.today()), "#2f9e44");
            Stage stage = fx(Stage::new);
            MainView v = fx(() -> {
                MainView m = MainWindow.create(d, Theme.LIGHT, null);
                Scene scene = new Scene(m, 1200, 760);
                scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
                stage.setScene(scene);
                stage.show();
                m.start();
                return m;
            });
            waitFor(() -> v.viewModel().sidebar().stream().filter(e -> e.kind() == SidebarEntry.Kind.FILTER).count() == 3
                    && v.viewModel().sidebar().stream().filter(e -> e.kind() == SidebarEntry.Kind.FILTER)
                    .allMatch(e -> e.count() > 0 || e.name().startsWith("Errands")));
            SidebarEntry urgent = fx(() -> v.viewModel().sidebar().stream().filter(e -> e.name().equals("Urgent at work"))
                    .findFirst().orElseThrow());
            fx(() -> {
                v.viewModel().select(urgent);
                return null;
            });
            waitFor(() -> v.viewModel().liveItems().isLoaded() && !v.viewModel().items().isEmpty());
            settle();
            save(snapshot(stage.getScene()), "smart-lists.png");

            fx(() -> {
                v.viewModel().searchProperty().set("#Work p1");
                return null;
            });
            waitFor(() -> v.viewModel().chrome().searchSavableProperty().get() && v.viewModel().liveItems().isLoaded());
            settle();
            save(snapshot(stage.getScene()), "search-operators.png");
            fx(() -> {
                v.close();
                stage.close();
                return null;
            });
        }
    }
}

package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/agenda.png} and {@code agenda-dark.png}: the agenda over the rich sample data
 * with a few repeating todos, one row open in the editor. Run with the other screenshots
 * ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class AgendaScreenshotsTest {
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

    private static void seed(TodoStore s) {
        ScreenshotsFixture.seedRich(s);
        s.add("Stand-up notes", null, null, s.today(),
                new TodoDetails(3, List.of(), Recurrence.weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.FRIDAY)), null));
        s.add("Water the plants", null, null, s.today().plusDays(1),
                new TodoDetails(null, List.of("home"), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null));
        s.add("Book flights to Lisbon", null, null, s.today().plusDays(4), new TodoDetails(2, List.of(), null, null));
        s.add("Renew the car insurance", null, null, s.today().minusDays(1), TodoDetails.NONE);
    }

    @Test
    void agendaLightAndDark() throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            Device d = Device.open("laptop", tmp.resolve("agenda-" + theme), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
            try (d) {
                seed(d.store());
                Stage stage = fx(Stage::new);
                MainView v = fx(() -> {
                    MainView m = MainWindow.create(d, theme, null);
                    Scene scene = new Scene(m, 1280, 800);
                    scene.getStylesheets().setAll(theme.stylesheets());
                    stage.setScene(scene);
                    stage.show();
                    m.start();
                    return m;
                });
                fx(() -> {
                    v.viewModel().select(Listing.agenda());
                    return null;
                });
                waitFor(() -> v.viewModel().agenda().rows().size() > 10);
                fx(() -> {
                    @SuppressWarnings("unchecked")
                    ListView<AgendaRow> list = (ListView<AgendaRow>) v.lookup("#agenda");
                    for (int i = 0; i < list.getItems().size(); i++) {
                        if (list.getItems().get(i).text().equals("Water the plants")) {
                            list.getSelectionModel().select(i);
                            break;
                        }
                    }
                    return null;
                });
                settle();
                save(snapshot(v.getScene()), theme == Theme.LIGHT ? "agenda.png" : "agenda-dark.png");
                fx(() -> {
                    v.close();
                    stage.close();
                    return null;
                });
            }
        }
    }
}

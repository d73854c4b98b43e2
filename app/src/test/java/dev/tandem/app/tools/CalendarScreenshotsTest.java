package dev.tandem.app.tools;

import static dev.tandem.app.tools.ScreenshotsFixture.fx;
import static dev.tandem.app.tools.ScreenshotsFixture.save;
import static dev.tandem.app.tools.ScreenshotsFixture.settle;
import static dev.tandem.app.tools.ScreenshotsFixture.snapshot;
import static dev.tandem.app.tools.ScreenshotsFixture.waitFor;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screenshots/calendar-week.png}, {@code calendar-month.png} and their {@code -dark} versions: the
 * calendar over the rich sample data with timed todos, two of them overlapping, and repeating ones. Run
 * with the other screenshots ({@link ScreenshotsTest}).
 */
@Tag("screenshots")
class CalendarScreenshotsTest {
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

    private static void timed(TodoStore s, String title, LocalDate day, int hour, int minute, Integer minutes) {
        s.add(title, null, null, day, new TodoDetails(null, List.of(), null, null, false, LocalTime.of(hour, minute), minutes));
    }

    private static void seed(TodoStore s) {
        ScreenshotsFixture.seedRich(s);
        LocalDate monday = s.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        timed(s, "Team stand-up", monday, 9, 30, 15);
        timed(s, "Dentist", monday.plusDays(1), 8, 0, 60);
        timed(s, "Design review", monday.plusDays(2), 10, 0, 90);
        timed(s, "Call with Sam", monday.plusDays(2), 10, 30, 30);
        timed(s, "Lunch with Alex", monday.plusDays(3), 12, 30, 60);
        timed(s, "Gym", monday.plusDays(4), 17, 0, 75);
        s.add("Water the plants", null, null, monday,
                new TodoDetails(null, List.of("home"), Recurrence.weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)), null));
        s.add("Pay rent", null, null, s.today().withDayOfMonth(1),
                new TodoDetails(2, List.of(), Recurrence.every(Recurrence.Freq.MONTHLY, 1), null));
    }

    @Test
    void calendarWeekAndMonthLightAndDark() throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            Device d = Device.open("laptop", tmp.resolve("calendar-" + theme), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
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
                String suffix = theme == Theme.LIGHT ? "" : "-dark";
                for (CalendarRange.Mode mode : CalendarRange.Mode.values()) {
                    fx(() -> {
                        v.viewModel().selectCalendar(mode);
                        return null;
                    });
                    waitFor(() -> v.viewModel().calendar().loadedProperty().get()
                            && v.viewModel().calendar().planProperty().get().days().stream().anyMatch(x -> x.total() > 0));
                    settle();
                    save(snapshot(v.getScene()), "calendar-" + mode.name().toLowerCase(Locale.ROOT) + suffix + ".png");
                }
                fx(() -> {
                    v.close();
                    stage.close();
                    return null;
                });
            }
        }
    }
}

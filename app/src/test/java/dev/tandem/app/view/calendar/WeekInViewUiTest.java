package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.ResizedWindow;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The week opens with today in view, whatever the room: today's column inside the part of the hour grid that
 * shows (the week scrolls sideways when a todo is open beside it), "Today" bringing it back after the week was
 * scrolled away, and the grid opening at 7:00 so a 7:00 block shows whole. At 1366 × 768 and at the least
 * 760 px, opened there and made narrower. Today is Saturday 28 November 2026, the last day of a US week.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WeekInViewUiTest {
    @TempDir
    static Path tmp;

    private final LocalDate saturday = LocalDate.of(2026, 11, 28);
    // Weeks follow the system's region, read once at start: this window's is the United States' (Sunday first).
    private final CalendarRegion region = CalendarRegion.use(Locale.US);
    private final List<Stage> stages = new ArrayList<>();
    private final List<MainView> views = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        try {
            TestWindow.close(Duration.ofSeconds(5), views, devices);
            onFx(() -> {
                stages.forEach(Stage::close);
                return null;
            });
        } finally {
            region.close();
        }
    }

    @Test
    void at1366_aTodoOpenBesideTheWeek_todayInViewAndTodayBringsItBack() throws Exception {
        checkWeek(1366, 1366);
    }

    @Test
    void openedAt760_todayInViewAndTodayBringsItBack() throws Exception {
        checkWeek(760, 760);
    }

    @Test
    void resizedFrom1366To760_todayInViewAndTodayBringsItBack() throws Exception {
        checkWeek(1366, 760);
    }

    /** A window opened {@code opened} px wide and made {@code width} px wide, the week shown, then a todo of today opened. */
    private void checkWeek(double opened, double width) throws Exception {
        TestClock clock = new TestClock(ZoneId.systemDefault());
        clock.set(ZonedDateTime.of(2026, 11, 28, 8, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        Device device = Device.open("Week", Files.createTempDirectory(tmp, "ui"), FxExecutor.INSTANCE, null,
                Duration.ofSeconds(3), true, clock);
        devices.add(device);
        Item gym = device.store().add("Gym", null, null, saturday,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(7, 0), 60)).item();
        device.store().add("Review budget", null, null, saturday.minusDays(4),
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(13, 0), 30));
        Stage stage = onFx(30, Stage::new);
        stages.add(stage);
        MainView view = onFx(30, () -> TestWindow.mainWindow(stage, device, null, opened, 768));
        views.add(view);
        if (width != opened) {
            settle();
            onFx(() -> {
                stage.setWidth(width);
                return null;
            });
        }
        onFx(() -> {
            view.viewModel().selectCalendar(CalendarRange.Mode.WEEK);
            return null;
        });
        waitFor(() -> block(view, gym.id()) != null);
        settle();
        assertTodayInView(view, width + " px, the week just opened");
        assertBlockTopInView(view, gym.id(), width + " px, the week just opened");

        // A todo opened beside the week (the editor takes its share): today stays in view.
        onFx(() -> {
            view.viewModel().calendar().selectEntry((CalendarEntry) block(view, gym.id()).getUserData());
            return null;
        });
        waitFor(() -> view.editorViewModel().showingProperty().get());
        settle();
        assertTodayInView(view, width + " px, a todo open");

        // Scrolled to the week's start, then "Today": today's column comes back into view.
        onFx(() -> {
            scroll(view).setHvalue(0);
            return null;
        });
        settle();
        onFx(() -> {
            ((Button) view.lookup("#calendar-today")).fire();
            return null;
        });
        settle();
        assertTodayInView(view, width + " px, after Today");
    }

    private static ScrollPane scroll(MainView view) {
        return (ScrollPane) view.lookup("#calendar-week .calendar-hours");
    }

    private static Node block(MainView view, String id) {
        return view.lookupAll(".calendar-block").stream()
                .filter(n -> n.isVisible() && n.getUserData() instanceof CalendarEntry e && e.item().id().equals(id))
                .findFirst().orElse(null);
    }

    /** Today's column lies inside the hour grid's viewport, left to right. */
    private static void assertTodayInView(MainView view, String when) throws Exception {
        onFx(() -> {
            ScrollPane scroll = scroll(view);
            Node viewport = scroll.lookup(".viewport");
            Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
            Node today = view.lookupAll("#calendar-week .calendar-column").stream()
                    .filter(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("today"))).findFirst().orElseThrow();
            Bounds b = today.localToScene(today.getLayoutBounds());
            assertTrue(b.getMinX() >= shown.getMinX() - 0.5 && b.getMaxX() <= shown.getMaxX() + 0.5, when + ": today's column spans x "
                    + b.getMinX() + "–" + b.getMaxX() + ", the grid shows " + shown.getMinX() + "–" + shown.getMaxX());
            return null;
        });
    }

    /** The block's top edge is inside the viewport: a 7:00 block is not cut at the top. */
    private static void assertBlockTopInView(MainView view, String id, String when) throws Exception {
        onFx(() -> {
            Node viewport = scroll(view).lookup(".viewport");
            Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
            Bounds b = block(view, id).localToScene(block(view, id).getLayoutBounds());
            assertTrue(b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5, when + ": the 7:00 block spans y "
                    + b.getMinY() + "–" + b.getMaxY() + ", the grid shows " + shown.getMinY() + "–" + shown.getMaxY());
            return null;
        });
    }

    private static void settle() throws Exception {
        ResizedWindow.settle();
    }
}

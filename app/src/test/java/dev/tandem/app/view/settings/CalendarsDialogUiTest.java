package dev.tandem.app.view.settings;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.fx.Async;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.CalendarMeSetting;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.WorkingHoursSetting;
import dev.tandem.app.testing.DialogOwner;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.settings.CalendarsViewModel;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/**
 * Settings → Calendars in a real (headless Monocle) window 760 px wide: a .ics file added, listed, removed; the
 * working hours read from the settings file, typed, refused when the end is before the start, saved; "me" shown
 * as the calendars share it, refused when not an address, saved off the FX thread for every calendar.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalendarsDialogUiTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final DialogOwner owner = new DialogOwner();

    @Start
    void start(Stage s) {
        owner.show(s);
    }

    @Test
    void addFile_icsFile_isListedWithItsEventsCount_andRemoveTakesItOff(FxRobot robot) throws Exception {
        Path file = Files.writeString(tmp.resolve("course.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261202T100000Z\r\nSUMMARY:Lecture\r\n"
                + "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261203T100000Z\r\n"
                + "SUMMARY:Lab\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")));
        owner.keep(store);
        ExecutorService io = Async.backgroundExecutor("test-calendars");
        owner.keep(io::shutdownNow);
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.pathAnswers.add(file);
        CalendarsViewModel vm = new CalendarsViewModel(store, FeedLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                a -> new WebDavSettings(a, "", ""), new Async(io, FxExecutor.INSTANCE, e -> { }), dialogs, () -> { },
                new SettingsStore(tmp));
        onFx(() -> {
            new CalendarsDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> robot.lookup("#calendars-none").tryQuery().isPresent());
        robot.clickOn("#calendars-add-file");
        waitFor(() -> robot.lookup("#calendar-state-course").tryQuery().isPresent());
        onFx(() -> {
            String state = ((Label) robot.lookup("#calendar-state-course").query()).getText();
            assertTrue(state.startsWith("2 events"), state);
            Window w = Window.getWindows().stream().filter(x -> x.getScene() != null
                    && x.getScene().lookup("#calendars-dialog") != null).findFirst().orElseThrow();
            assertTrue(Math.abs(w.getWidth() - 760) < 40, "about 760 px wide: " + w.getWidth());
            // The row's last button is whole inside the window: nothing is cut off at this width.
            Node remove = robot.lookup("#calendar-remove-course").query();
            Bounds b = remove.localToScene(remove.getBoundsInLocal());
            assertTrue(b.getMaxX() <= w.getScene().getWidth(), b + " in " + w.getScene().getWidth());
            return null;
        });
        robot.clickOn("#calendar-remove-course");
        waitFor(() -> robot.lookup("#calendars-none").tryQuery().isPresent()
                && robot.lookup("#calendar-state-course").tryQuery().isEmpty());
        assertTrue(store.subscriptions().isEmpty());
    }

    @Test
    void workingHours_typedInTheWindow_areRefusedWhenBackwards_thenSavedToTheSettingsFile(FxRobot robot) throws Exception {
        EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")));
        owner.keep(store);
        ExecutorService io = Async.backgroundExecutor("test-calendars");
        owner.keep(io::shutdownNow);
        SettingsStore settings = new SettingsStore(tmp);
        settings.put(WorkingHoursSetting.KEY, "10:00-18:00");
        CalendarsViewModel vm = new CalendarsViewModel(store, FeedLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                a -> new WebDavSettings(a, "", ""), new Async(io, FxExecutor.INSTANCE, e -> { }), new FakeDialogs(),
                () -> { }, settings);
        onFx(() -> {
            new CalendarsDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> robot.lookup("#calendars-hours-start").tryQuery()
                .map(n -> ((TextField) n).getText().equals("10:00")).orElse(false));
        type(robot, "#calendars-hours-start", "8:30");
        type(robot, "#calendars-hours-end", "7:00");
        robot.type(KeyCode.ENTER);
        waitFor(() -> vm.errorProperty().get());
        onFx(() -> {
            assertTrue(((Label) robot.lookup("#calendars-message").query()).getText().contains("after the start"));
            assertEquals("7:00", ((TextField) robot.lookup("#calendars-hours-end").query()).getText());
            return null;
        });
        assertEquals("10:00-18:00", new SettingsStore(tmp).get(WorkingHoursSetting.KEY, ""));
        type(robot, "#calendars-hours-end", "16:30");
        robot.type(KeyCode.ENTER);
        waitFor(() -> "08:30-16:30".equals(new SettingsStore(tmp).get(WorkingHoursSetting.KEY, "")));
        waitFor(() -> !vm.errorProperty().get());
        assertEquals("08:30-16:30", WorkingHoursSetting.load(new SettingsStore(tmp)).toString());
    }

    @Test
    void me_typedInTheWindow_isRefusedWhenNotAnAddress_thenSavedOffTheFxThreadForEveryCalendar(FxRobot robot)
            throws Exception {
        EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")));
        owner.keep(store);
        store.add(CalendarSubscription.of("team", tmp.resolve("team.ics").toString(), "", "bo@example.com"));
        store.add(CalendarSubscription.of("course", tmp.resolve("course.ics").toString(), "", "bo@example.com"));
        ExecutorService io = Async.backgroundExecutor("test-calendars");
        owner.keep(io::shutdownNow);
        SettingsStore settings = new SettingsStore(tmp);
        CalendarsViewModel vm = new CalendarsViewModel(store, FeedLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC),
                a -> new WebDavSettings(a, "", ""), new Async(io, FxExecutor.INSTANCE, e -> { }), new FakeDialogs(),
                () -> { }, settings);
        onFx(() -> {
            new CalendarsDialog(owner.stage(), vm, Theme.LIGHT.stylesheets()).show();
            return null;
        });
        waitFor(() -> robot.lookup("#calendars-me").tryQuery()
                .map(n -> ((TextField) n).getText().equals("bo@example.com")).orElse(false));
        type(robot, "#calendars-me", "ana at example.com");
        robot.type(KeyCode.ENTER);
        waitFor(() -> vm.errorProperty().get());
        onFx(() -> {
            assertTrue(((Label) robot.lookup("#calendars-message").query()).getText().contains("not an e-mail address"));
            assertEquals("ana at example.com", ((TextField) robot.lookup("#calendars-me").query()).getText());
            return null;
        });
        assertEquals("bo@example.com", store.me(), "nothing saved");
        assertEquals(null, new SettingsStore(tmp).get(CalendarMeSetting.KEY, null));
        type(robot, "#calendars-me", "ana@example.com");
        // The page's background thread held: the click returns with nothing saved yet, so the save is not the FX
        // thread's.
        CountDownLatch held = new CountDownLatch(1);
        io.submit(() -> {
            held.await();
            return null;
        });
        robot.clickOn("#calendars-me-save");
        onFx(() -> {
            assertEquals("bo@example.com", store.me(), "not saved on the FX thread");
            return null;
        });
        held.countDown();
        waitFor(() -> "ana@example.com".equals(store.me()) && !vm.errorProperty().get());
        assertEquals("ana@example.com", new SettingsStore(tmp).get(CalendarMeSetting.KEY, ""));
        onFx(() -> {
            assertTrue(((Label) robot.lookup("#calendars-message").query()).getText().contains("ana@example.com"));
            return null;
        });
    }

    /** Clicks into the field {@code id}, selects what it holds, and types {@code text} over it with the keyboard. */
    private static void type(FxRobot robot, String id, String text) throws Exception {
        robot.clickOn(id);
        onFx(() -> {
            ((TextField) robot.lookup(id).query()).selectAll();
            return null;
        });
        robot.write(text);
        waitFor(() -> ((TextField) robot.lookup(id).query()).getText().equals(text));
    }
}

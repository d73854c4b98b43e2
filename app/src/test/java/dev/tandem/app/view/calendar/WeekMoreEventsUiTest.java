package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.app.vm.calendar.MoreEvents;
import dev.tandem.ui.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/**
 * A day of a subscribed .ics file with twelve meetings at the same hour, in a real window: the week draws
 * {@link CalendarPlan#MAX_SIDE_BY_SIDE} of them as blocks and counts exactly the rest in a "+k more" chip beside
 * them, inside the day's column; a click on the chip lists those, each once.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WeekMoreEventsUiTest {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int MEETINGS = 12;

    @TempDir
    static Path tmp;

    @RegisterExtension
    final CalendarWindow window = new CalendarWindow(7, 1366);
    /** Thursday 26 November 2026; a British week runs Monday 23 to Sunday 29. */
    private final LocalDate thu = LocalDate.of(2026, 11, 26);

    @Start
    void start(Stage stage) throws Exception {
        window.open(stage, tmp);
    }

    private String utc(int hour) {
        return LocalDateTime.of(thu.getYear(), thu.getMonth(), thu.getDayOfMonth(), hour, 0)
                .atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).format(UTC);
    }

    /** Thursday 9:00–10:00, twelve times over ("Meeting 10" to "Meeting 21", so they sort as numbered). */
    private Path calendarFile() throws Exception {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int i = 0; i < MEETINGS; i++) {
            ics.append("BEGIN:VEVENT\r\nUID:m").append(i).append("\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:")
                    .append(utc(9)).append("\r\nDTEND:").append(utc(10)).append("\r\nSUMMARY:Meeting ").append(10 + i)
                    .append("\r\nEND:VEVENT\r\n");
        }
        Path file = Files.createTempDirectory(tmp, "ics").resolve("busy.ics");
        Files.writeString(file, ics.append("END:VCALENDAR\r\n").toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static List<Node> visible(FxRobot robot, Node parent, String style) throws Exception {
        return onFx(() -> robot.from(parent).lookup(style).queryAll().stream().filter(Node::isVisible).toList());
    }

    @Test
    void weekGrid_twelveEventsAtOnce_threeBlocksAndMoreCountsTheNine_clickListsThem(FxRobot robot) throws Exception {
        window.device.events().add(CalendarSubscription.of("Team", calendarFile().toString(), "#1f4e9c", ""));
        FeedRefresh.Outcome read = new FeedRefresh(window.device.events(), FeedLimits.DEFAULT, window.clock, System::nanoTime,
                a -> null).refreshAll().get(0);
        assertEquals("", read.problem(), "the file is read");
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Node week = robot.lookup("#calendar-week").query();
        waitFor(() -> robot.from(week).lookup(".calendar-more-events").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getUserData() instanceof MoreEvents));

        List<String> drawn = new ArrayList<>();
        for (Node n : visible(robot, week, ".calendar-event")) {
            if (n.getUserData() instanceof EventEntry e) {
                drawn.add(e.title());
            }
        }
        int hidden = MEETINGS - CalendarPlan.MAX_SIDE_BY_SIDE;
        assertEquals(List.of("Meeting 10", "Meeting 11", "Meeting 12"), drawn, "three drawn side by side");
        List<Node> chips = visible(robot, week, ".calendar-more-events");
        assertEquals(1, chips.size(), "one chip for the hour");
        Label chip = (Label) chips.get(0);
        assertEquals(Messages.text("main.calendar.more", hidden), onFx(chip::getText));
        assertEquals("+" + hidden + " more", onFx(chip::getText));

        // The chip inside Thursday's column, beside the drawn blocks, on none of them.
        Node column = onFx(() -> week.lookupAll(".calendar-column").stream().filter(c -> thu.equals(c.getUserData()))
                .findFirst().orElseThrow());
        Bounds col = onFx(() -> column.localToScene(column.getLayoutBounds()));
        Bounds at = onFx(() -> chip.localToScene(chip.getLayoutBounds()));
        assertTrue(at.getMinX() >= col.getMinX() - 0.5 && at.getMaxX() <= col.getMaxX() + 0.5, at + " in " + col);
        for (Node n : visible(robot, week, ".calendar-event")) {
            Bounds b = onFx(() -> n.localToScene(n.getLayoutBounds()));
            assertTrue(b.getMaxX() <= at.getMinX() + 0.5 || b.getMinX() >= at.getMaxX() - 0.5, "beside " + b);
        }

        robot.clickOn(chip);
        waitFor(() -> robot.lookup(".calendar-more-list .calendar-event").queryAll().stream().anyMatch(Node::isVisible));
        List<String> listed = onFx(() -> robot.lookup(".calendar-more-list .calendar-event").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((EventEntry) n.getUserData()).title()).toList());
        assertEquals(IntStream.range(MEETINGS - hidden, MEETINGS).mapToObj(i -> "Meeting " + (10 + i)).toList(), listed,
                "the chip lists exactly the meetings not drawn, in order");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup(".calendar-more-list .calendar-event").queryAll().stream().noneMatch(Node::isVisible));
    }
}

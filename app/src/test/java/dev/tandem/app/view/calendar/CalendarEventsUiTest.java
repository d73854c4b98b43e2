package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.FeedRefresh;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.app.vm.calendar.EventEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A subscribed .ics file, read from disk by the feed refresh, in a real window: the month's chips in the
 * calendar's colour counted in "+k more", an event's details on its tooltip (the month's chip, the week's block,
 * the agenda's row), the week's blocks within their day columns and the agenda's day in order among the todos, at a wide and a narrow window. One window for all of it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalendarEventsUiTest {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String COLOUR = "#1f4e9c";

    @TempDir
    static Path tmp;

    @RegisterExtension
    final CalendarWindow window = new CalendarWindow(7, 1366);
    /** Wednesday 25 November 2026; a British week runs Monday 23 to Sunday 29. */
    private final LocalDate wed = LocalDate.of(2026, 11, 25);
    private final LocalDate thu = wed.plusDays(1);
    private final LocalDate fri = wed.plusDays(2);

    @Start
    void start(Stage stage) throws Exception {
        window.open(stage, tmp);
    }

    /** A local time on {@code day} as the file's UTC form, so the test holds in any zone. */
    private static String utc(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(), hour, minute)
                .atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).format(UTC);
    }

    private static String event(String uid, String start, String end, String summary, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART" + start + "\r\nDTEND" + end
                + "\r\nSUMMARY:" + summary + "\r\n" + extra + "END:VEVENT\r\n";
    }

    /** The .ics file: on Wednesday a standup and an all-day offsite, Thursday full, Friday a dentist with a place. */
    private Path calendarFile() throws Exception {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        ics.append(event("standup", ":" + utc(wed, 9, 0), ":" + utc(wed, 9, 30), "Standup", ""));
        ics.append(event("offsite", ";VALUE=DATE:20261125", ";VALUE=DATE:20261126", "Offsite", ""));
        ics.append(event("dentist", ":" + utc(fri, 14, 0), ":" + utc(fri, 14, 30), "Dentist", "LOCATION:Room 4\r\n"));
        for (int h = 8; h < 18; h++) {
            ics.append(event("busy" + h, ":" + utc(thu, h, 0), ":" + utc(thu, h, 30), "Meeting " + h, ""));
        }
        Path file = Files.createTempDirectory(tmp, "ics").resolve("team.ics");
        Files.writeString(file, ics.append("END:VCALENDAR\r\n").toString(), StandardCharsets.UTF_8);
        return file;
    }

    private Node cell(FxRobot robot, LocalDate day) throws Exception {
        return onFx(() -> robot.lookup(".calendar-cell").queryAll().stream().filter(n -> day.equals(n.getUserData()))
                .findFirst().orElseThrow());
    }

    /** The visible event nodes under {@code parent}. */
    private List<Label> events(FxRobot robot, Node parent) {
        return robot.from(parent).lookup(".calendar-event").queryAll().stream()
                .filter(n -> n.isVisible() && n.getUserData() instanceof EventEntry).map(Label.class::cast).toList();
    }

    private static String title(Node n) {
        return ((EventEntry) n.getUserData()).title();
    }

    private static Bounds scene(Node n) throws Exception {
        return onFx(() -> n.localToScene(n.getLayoutBounds()));
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private void width(double w) throws Exception {
        onFx(() -> {
            window.stage.setWidth(w);
            return null;
        });
        waitFor(() -> Math.abs(window.view.getWidth() - w) < 40);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(FxRobot robot, KeyCode key) {
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** The month at this width: chips in the calendar's colour within their cells, Thursday's rest counted. */
    private void assertMonth(FxRobot robot, int width) throws Exception {
        width(width);
        waitFor(() -> robot.lookup(".calendar-more").queryAll().stream().anyMatch(Node::isVisible));
        Node wedCell = cell(robot, wed);
        Bounds wedBox = scene(wedCell);
        List<Label> wedChips = events(robot, wedCell);
        assertTrue(!wedChips.isEmpty(), width + " px: Wednesday shows its events");
        for (Label chip : wedChips) {
            assertTrue(inside(scene(chip), wedBox), width + " px: " + title(chip) + " inside its cell: "
                    + scene(chip) + " in " + wedBox);
            assertEquals(Color.web(COLOUR), onFx(() -> chip.getBackground().getFills().get(0).getFill()),
                    width + " px: " + title(chip) + " in its calendar's colour");
        }

        Node thuCell = cell(robot, thu);
        Bounds thuBox = scene(thuCell);
        List<Label> thuChips = events(robot, thuCell);
        long todoChips = onFx(() -> robot.from(thuCell).lookup(".calendar-chip").queryAll().stream()
                .filter(Node::isVisible).count());
        Label more = onFx(() -> robot.from(thuCell).lookup(".calendar-more").queryAll().stream().filter(Node::isVisible)
                .map(Label.class::cast).findFirst().orElseThrow());
        assertTrue(!thuChips.isEmpty() && thuChips.size() < 10, width + " px: some of ten fit: " + thuChips.size());
        assertEquals("+" + (10 + 1 - thuChips.size() - todoChips) + " more", onFx(more::getText),
                width + " px: each event and the todo shown or counted");
        assertTrue(inside(scene(more), thuBox), width + " px: +k more inside its cell");
        for (Label chip : thuChips) {
            assertTrue(inside(scene(chip), thuBox), width + " px: " + title(chip) + " inside its cell");
        }
    }

    /** The week at this width: timed blocks within their days' columns, the all-day event above the hours. */
    private void assertWeek(FxRobot robot, int width) throws Exception {
        width(width);
        Node week = robot.lookup("#calendar-week").query();
        waitFor(() -> events(robot, week).stream().anyMatch(n -> title(n).equals("Dentist")));
        List<String> timed = new ArrayList<>();
        for (Label n : events(robot, week)) {
            EventEntry e = (EventEntry) n.getUserData();
            Node column = onFx(() -> week.lookupAll(".calendar-column").stream()
                    .filter(c -> e.date().equals(c.getUserData())).findFirst().orElseThrow());
            Bounds col = scene(column);
            Bounds b = scene(n);
            assertTrue(b.getMinX() >= col.getMinX() - 0.5 && b.getMaxX() <= col.getMaxX() + 0.5,
                    width + " px: " + e.title() + " within its day's column: " + b + " / " + col);
            if (e.title().equals("Offsite")) {
                Node allDay = onFx(n::getParent);
                assertTrue(inside(b, scene(allDay)), width + " px: the all-day event inside its day's row: " + b);
                Bounds hours = scene(onFx(() -> {
                    Node p = column;
                    while (!(p instanceof ScrollPane)) {
                        p = p.getParent();
                    }
                    return p;
                }));
                assertTrue(b.getMaxY() <= hours.getMinY() + 0.5, width + " px: the all-day event above the hours: "
                        + b + " / " + hours);
            } else {
                timed.add(e.title());
                assertTrue(b.getHeight() > 0 && b.getMinY() >= col.getMinY() - 0.5, width + " px: " + e.title()
                        + " drawn as a block in its column: " + b);
            }
        }
        assertTrue(timed.contains("Standup") && timed.contains("Dentist") && timed.contains("Meeting 8"),
                width + " px: the timed events as blocks: " + timed);
    }

    /** The dentist's tooltip shows, with its time, its calendar and its place; then it is hidden again. */
    private static void assertDentistTip(String where, Tooltip tip) throws Exception {
        waitFor(tip::isShowing);
        String text = onFx(tip::getText);
        assertTrue(text.contains("Dentist") && text.contains("14:00–14:30") && text.contains("Calendar: Team")
                && text.contains("Where: Room 4"), where + ": title, time, calendar and place: " + text);
        onFx(() -> {
            tip.hide();
            return null;
        });
    }

    /** Wednesday's rows in the agenda, in order: "@ " before an event's title. */
    @SuppressWarnings("unchecked")
    private List<String> agendaDay(FxRobot robot) {
        ListView<AgendaRow> agenda = (ListView<AgendaRow>) robot.lookup("#agenda").query();
        List<String> out = new ArrayList<>();
        for (AgendaRow r : List.copyOf(agenda.getItems())) {
            switch (r.kind()) {
                case EVENT -> out.add("@ " + r.event().title());
                case TODO -> out.add(r.row().title());
                default -> { }
            }
        }
        return out;
    }

    @Test
    void monthWeekAgenda_subscribedFileAtWideAndNarrowWidths_eventsInColourInsideTheirDaysAndInOrder(FxRobot robot)
            throws Exception {
        Item report = window.device.store().add("Write report", null, wed);
        window.device.store().update(report.id(), i -> i.withDueTime(LocalTime.of(11, 0)));
        window.device.store().add("Book flights", null, thu);
        window.device.events().add(CalendarSubscription.of("Team", calendarFile().toString(), COLOUR, ""));
        FeedRefresh.Outcome read = new FeedRefresh(window.device.events(), FeedLimits.DEFAULT, window.clock, System::nanoTime,
                a -> null).refreshAll().get(0);
        assertEquals("", read.problem(), "the file is read");
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());

        shortcut(robot, KeyCode.K);
        assertMonth(robot, 1366);

        // The tooltip of the dentist's chip: its time, its calendar and its place.
        Label dentist = events(robot, cell(robot, fri)).stream().filter(n -> title(n).equals("Dentist")).findFirst()
                .orElseThrow();
        robot.clickOn(dentist);
        assertDentistTip("the month's chip", dentist.getTooltip());

        assertMonth(robot, 760);

        shortcut(robot, KeyCode.W);
        assertWeek(robot, 760);
        assertWeek(robot, 1366);
        // The same details on the week's block, hovered.
        Label block = events(robot, robot.lookup("#calendar-week").query()).stream()
                .filter(n -> title(n).equals("Dentist")).findFirst().orElseThrow();
        robot.moveTo(block);
        assertDentistTip("the week's block", block.getTooltip());

        shortcut(robot, KeyCode.A);
        waitFor(() -> robot.lookup("#agenda").tryQuery().map(Node::isVisible).orElse(false)
                && agendaDay(robot).contains("@ Dentist"));
        List<String> day = onFx(() -> agendaDay(robot));
        int offsite = day.indexOf("@ Offsite");
        int standup = day.indexOf("@ Standup");
        int reportRow = day.indexOf("Write report");
        int meeting = day.indexOf("@ Meeting 8");
        int dentistRow = day.indexOf("@ Dentist");
        assertTrue(offsite >= 0 && offsite < standup && standup < reportRow && reportRow < meeting
                && meeting < dentistRow, "Wednesday all day, 9:00, the todo at 11:00, then Thursday, Friday: " + day);
        // And on the agenda's row, hovered.
        ListCell<?> dentistCell = onFx(() -> robot.lookup("#agenda").lookup(".list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n).filter(c -> c.isVisible() && c.getItem() instanceof AgendaRow r
                        && r.kind() == AgendaRow.Kind.EVENT && r.event().title().equals("Dentist"))
                .findFirst().orElseThrow());
        robot.moveTo(dentistCell);
        waitFor(() -> dentistCell.getTooltip() != null);
        assertDentistTip("the agenda's row", dentistCell.getTooltip());
        width(760);
        // The month's and week's nodes stay in the scene, hidden with their views: the title looked up in the list.
        Node agenda = robot.lookup("#agenda").query();
        waitFor(() -> robot.from(agenda).lookup("Standup").tryQuery().map(Node::isVisible).orElse(false));
        Node row = robot.from(agenda).lookup("Standup").query();
        Bounds list = scene(agenda);
        assertTrue(scene(row).getMaxX() <= list.getMaxX() + 0.5, "760 px: the event's title inside the agenda");
    }
}

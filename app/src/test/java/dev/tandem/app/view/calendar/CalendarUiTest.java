package dev.tandem.app.view.calendar;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.events.CalendarEvent;
import dev.tandem.app.model.events.CalendarSubscription;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.EventEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
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

/** The week grid in a real (headless) window: a drag to another day and time, the keys, an edit landing from elsewhere. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CalendarUiTest {
    @TempDir
    static Path tmp;

    @RegisterExtension
    final CalendarWindow window = new CalendarWindow(10, 1300);
    private final LocalDate wed = CalendarWindow.WEDNESDAY;

    @Start
    void start(Stage stage) throws Exception {
        window.open(stage, tmp);
    }

    /** The event's node on the hour grid (or the all-day row), if shown. */
    private Optional<Label> event(FxRobot robot, String title) {
        return robot.lookup(".calendar-event").queryAll().stream()
                .filter(n -> n.getUserData() instanceof EventEntry e && e.title().equals(title) && n.isVisible())
                .map(Label.class::cast).findFirst();
    }

    private Item stored(String id) {
        return window.device.store().get(id).orElseThrow();
    }

    @Test
    void week_dragABlockToAnotherDayAndTime_keysMoveIt_anEditFromElsewhereMovesTheBlock(FxRobot robot) throws Exception {
        Item call = window.device.store().add("Call Sam", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(9, 0), 60)).item();
        window.device.store().add("Rent", null, wed);
        // A subscribed calendar's events, as a refresh left them: one at 9:30 beside the todo, one all day.
        window.device.events().add(CalendarSubscription.of("Work", "/tmp/work.ics", "#1f4e9c", ""));
        ZoneId zone = ZoneId.systemDefault();
        long standup = wed.atTime(9, 30).atZone(zone).toInstant().toEpochMilli();
        long day = wed.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        window.device.events().replace("Work", List.of(
                new CalendarEvent("Work", "s1", standup, standup + 3_600_000, false, false, "Standup", "Room 4"),
                new CalendarEvent("Work", "h1", day, day + 86_400_000, true, true, "Team away day", "")),
                "", window.clock.instant());
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> CalendarWindow.block(robot, call.id()).isPresent());
        waitFor(() -> event(robot, "Standup").isPresent() && event(robot, "Team away day").isPresent());
        Label standupBlock = event(robot, "Standup").orElseThrow();
        assertEquals(Color.web("#1f4e9c"), onFx(() -> standupBlock.getBackground().getFills().get(0).getFill()),
                "the block is in its calendar's colour");
        assertEquals(9.5 * WeekGrid.HOUR_HEIGHT, onFx(standupBlock::getLayoutY));
        assertTrue(onFx(() -> standupBlock.getLayoutX() > CalendarWindow.block(robot, call.id()).orElseThrow().getLayoutX()),
                "the event overlaps the 9:00 todo: side by side, the todo on the left");
        PseudoClass overlaps = PseudoClass.getPseudoClass("overlaps-event");
        assertTrue(onFx(() -> CalendarWindow.block(robot, call.id()).orElseThrow().getPseudoClassStates().contains(overlaps)),
                "the todo's time overlaps the event: marked");
        assertTrue(onFx(() -> standupBlock.getText().contains("Standup")));
        assertTrue(onFx(() -> event(robot, "Team away day").orElseThrow().getParent()
                .getStyleClass().contains("calendar-all-day")), "an all-day event is in the row on top");
        assertEquals("23 – 29 November 2026", onFx(() -> robot.lookup("#calendar-title").queryLabeled().getText()));
        assertTrue(onFx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("today"))
                        && ((Label) n).getText().equals("Wed 25"))), "today is marked");

        // A day to the right and two hours down: Thursday at 11:00.
        Node b = CalendarWindow.block(robot, call.id()).orElseThrow();
        double dayWidth = onFx(() -> (robot.lookup("#calendar-week").query().lookup(".calendar-column")
                .getBoundsInParent().getWidth()));
        robot.drag(b).moveBy(dayWidth / 2, WeekGrid.HOUR_HEIGHT).moveBy(dayWidth / 2, WeekGrid.HOUR_HEIGHT).drop();
        waitFor(() -> wed.plusDays(1).equals(stored(call.id()).dueDate()));
        assertEquals(LocalTime.of(11, 0), stored(call.id()).timeOfDay());
        waitFor(() -> CalendarWindow.block(robot, call.id()).map(n -> n.getLayoutY() == 11 * WeekGrid.HOUR_HEIGHT).orElse(false));
        assertTrue(onFx(() -> !CalendarWindow.block(robot, call.id()).orElseThrow().getPseudoClassStates().contains(overlaps)),
                "Thursday at 11:00 overlaps no event");

        // The moved todo stays selected: Alt+Right a day on, Alt+Shift+Down a quarter hour later.
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> wed.plusDays(2).equals(stored(call.id()).dueDate()));
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
        waitFor(() -> LocalTime.of(11, 15).equals(stored(call.id()).timeOfDay()));
        // Ctrl+Z takes back the last move only.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> LocalTime.of(11, 0).equals(stored(call.id()).timeOfDay()));
        assertEquals(wed.plusDays(2), stored(call.id()).dueDate());

        // As sync lands an edit from another device: a save straight into the store moves the open view's block.
        double was = onFx(() -> CalendarWindow.block(robot, call.id()).orElseThrow().getLayoutX());
        window.device.store().update(call.id(), i -> i.withDue(wed.minusDays(2)).withDueTime(LocalTime.of(15, 30)));
        waitFor(() -> CalendarWindow.block(robot, call.id()).map(n -> n.getLayoutY() == 15.5 * WeekGrid.HOUR_HEIGHT).orElse(false));
        double x = onFx(() -> CalendarWindow.block(robot, call.id()).orElseThrow().getLayoutX());
        assertTrue(x < WeekGrid.GUTTER + dayWidth, "Monday's column, the first: x=" + x + " was " + was);

        // The agenda lists the events among today's todos, each in its calendar's colour.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> agendaEvent(robot, "Standup").isPresent());
        ListCell<?> row = agendaEvent(robot, "Standup").orElseThrow();
        assertEquals(Color.web("#1f4e9c"), onFx(() -> ((Region) row.getGraphic().lookup(".agenda-event")).getBackground()
                .getFills().get(0).getFill()));
        assertTrue(onFx(() -> ((Label) row.getGraphic().lookup(".item-meta")).getText().contains("Work")),
                "the row says the calendar");
        assertTrue(onFx(() -> agendaEvent(robot, "Team away day").orElseThrow().getIndex() < row.getIndex()),
                "the all-day event comes first");
    }

    /** The agenda's shown row of the event with this title. */
    private static Optional<ListCell<?>> agendaEvent(FxRobot robot, String title) {
        return robot.lookup("#agenda .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && c.getItem() instanceof AgendaRow r
                        && r.kind() == AgendaRow.Kind.EVENT && r.text().equals(title) && c.getGraphic() != null)
                .<ListCell<?>>map(n -> (ListCell<?>) n).findFirst();
    }

    @Test
    void week_repeatingTodoMovedByKey_asksAndThisOneLeavesTheSeriesGoingOn(FxRobot robot) throws Exception {
        Item plants = window.device.store().add("Water plants", null, null, wed, new TodoDetails(null, List.of(),
                Recurrence.parse("FREQ=WEEKLY").orElseThrow(), null, false,
                LocalTime.of(8, 0), 30)).item();
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> CalendarWindow.block(robot, plants.id()).isPresent());
        robot.clickOn(CalendarWindow.block(robot, plants.id()).orElseThrow());

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> robot.lookup("This one").tryQuery().isPresent());
        assertTrue(robot.lookup("The series").tryQuery().isPresent(), "both choices are offered");
        robot.clickOn("This one");

        waitFor(() -> wed.plusDays(1).equals(stored(plants.id()).dueDate()));
        assertEquals(null, stored(plants.id()).repeat(), "the moved one stops repeating");
        assertEquals(LocalTime.of(8, 0), stored(plants.id()).timeOfDay());
        waitFor(() -> window.device.store().allItems().stream().anyMatch(i -> i.title().equals("Water plants")
                && wed.plusWeeks(1).equals(i.dueDate()) && i.repeat() != null));
        // Next week's view shows the series going on from its next date.
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> robot.lookup("#calendar-title").queryLabeled().getText().equals("30 November – 6 December 2026"));
        waitFor(() -> robot.lookup(".calendar-block").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getUserData() instanceof CalendarEntry e
                        && e.item().title().equals("Water plants") && wed.plusWeeks(1).equals(e.date())));
    }

    private String fieldText(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }

    private LocalDate editorDue(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#editor-due").queryAs(DatePicker.class).getValue());
    }

    @Test
    void week_altArrowsAndThisOne_editorFollowsTheStoredTodo(FxRobot robot) throws Exception {
        Item call = window.device.store().add("Call Sam", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(9, 0), 60)).item();
        Item plants = window.device.store().add("Water plants", null, null, wed, new TodoDetails(null, List.of(),
                Recurrence.parse("FREQ=WEEKLY").orElseThrow(), null, false,
                LocalTime.of(8, 0), 30)).item();
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> CalendarWindow.block(robot, call.id()).isPresent());
        robot.clickOn(CalendarWindow.block(robot, call.id()).orElseThrow());
        waitFor(() -> wed.equals(robot.lookup("#editor-due").queryAs(DatePicker.class).getValue()));

        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> wed.plusDays(1).equals(stored(call.id()).dueDate()));
        waitFor(() -> wed.plusDays(1).equals(robot.lookup("#editor-due").queryAs(DatePicker.class)
                .getValue()));
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT, KeyCode.ALT);
        waitFor(() -> LocalTime.of(9, 15).equals(stored(call.id()).timeOfDay()));
        waitFor(() -> "09:15".equals(robot.lookup("#editor-time").queryAs(TextField.class).getText()));

        // "This one": the moved todo stops repeating, and the editor says so.
        robot.clickOn(CalendarWindow.block(robot, plants.id()).orElseThrow());
        waitFor(() -> !robot.lookup("#editor-repeat").queryAs(TextField.class).getText().isEmpty());
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        waitFor(() -> robot.lookup("This one").tryQuery().isPresent());
        robot.clickOn("This one");
        waitFor(() -> wed.plusDays(1).equals(stored(plants.id()).dueDate()) && stored(plants.id()).repeat() == null);
        waitFor(() -> robot.lookup("#editor-repeat").queryAs(TextField.class).getText().isEmpty());
        assertEquals(wed.plusDays(1), editorDue(robot));
        assertEquals("Water plants", onFx(() -> robot.lookup("#editor-title").queryAs(TextField.class)
                .getText()));
        assertEquals("08:00", fieldText(robot, "#editor-time"));
    }

    @Test
    void month_dayWithMoreTodosThanFit_showsWhatFitsInsideItsCellAndMoreOpensTheDay(FxRobot robot) throws Exception {
        for (int i = 1; i <= 12; i++) {
            window.device.store().add("Box " + i, null, wed);
        }
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup(".calendar-more").queryAll().stream().anyMatch(Node::isVisible));
        Node cell = onFx(() -> robot.lookup(".calendar-cell").queryAll().stream().filter(n -> wed.equals(n.getUserData()))
                .findFirst().orElseThrow());
        Bounds box = onFx(() -> cell.localToScene(cell.getLayoutBounds()));
        List<Node> chips = onFx(() -> robot.from(cell).lookup(".calendar-chip").queryAll().stream().filter(Node::isVisible)
                .toList());
        Label more = onFx(() -> robot.from(cell).lookup(".calendar-more").queryAll().stream()
                .filter(Node::isVisible).map(Label.class::cast).findFirst().orElseThrow());
        assertTrue(chips.size() >= 1 && chips.size() < 12, "some fit: " + chips.size());
        assertEquals("+" + (12 - chips.size()) + " more", onFx(more::getText), "every todo is shown or counted");
        // Chips are made as a layout has room for them: none for the todos only counted (a month of them
        // all, thousands at scale, made opening the month several times slower).
        int made = onFx(() -> robot.from(cell).lookup(".calendar-chip").queryAll().size());
        assertEquals(chips.size(), made, "chips made for the todos that fit, and no others");
        List<Node> shown = new ArrayList<>(chips);
        shown.add(more);
        for (Node n : shown) {
            Bounds b = onFx(() -> n.localToScene(n.getLayoutBounds()));
            assertTrue(b.getMaxY() <= box.getMaxY() + 0.5 && b.getMinY() >= box.getMinY(),
                    "inside its cell: " + b + " in " + box);
        }

        robot.clickOn(more);
        waitFor(() -> robot.lookup("#calendar-title").queryLabeled().getText().equals("23 – 29 November 2026"));
        assertEquals(wed, onFx(() -> window.view.viewModel().calendar().selectedDateProperty().get()));
    }

    @Test
    void month_pagedAwayAndBack_sameCellsAndChipsShowEachMonth(FxRobot robot) throws Exception {
        for (int i = 1; i <= 12; i++) {
            window.device.store().add("Box " + i, null, wed);
        }
        window.device.store().add("Next month's todo", null, wed.plusMonths(1));
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> robot.lookup(".calendar-more").queryAll().stream().anyMatch(Node::isVisible));
        Set<Node> cells = Collections.newSetFromMap(new IdentityHashMap<>());
        onFx(() -> cells.addAll(robot.lookup(".calendar-cell").queryAll()));
        List<Node> before = onFx(() -> visibleChips(robot, wed));
        List<String> texts = onFx(() -> before.stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(before.size() >= 1, "some of the day's todos show");

        // Paging: the month's nodes show the next month, none made again for the days that hold no more.
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> robot.lookup(".calendar-chip").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().equals("Next month's todo")));
        assertEquals(cells.size(), onFx(() -> robot.lookup(".calendar-cell").queryAll().stream().filter(cells::contains)
                .count()).intValue(), "the same 42 cells");
        robot.type(KeyCode.PAGE_UP);
        waitFor(() -> visibleChips(robot, wed).size() == before.size()
                && window.view.viewModel().calendar().rangeProperty().get().anchor().getMonth() == wed.getMonth());
        List<Node> after = onFx(() -> visibleChips(robot, wed));
        assertEquals(texts, onFx(() -> after.stream().map(n -> ((Label) n).getText()).toList()));
        for (int i = 0; i < after.size(); i++) {
            assertSame(before.get(i), after.get(i), "the chip made for this line the first time shows it again");
        }
    }

    /** The visible chips of the month cell of {@code day}, top to bottom (on the FX thread). */
    private static List<Node> visibleChips(FxRobot robot, LocalDate day) {
        Node cell = robot.lookup(".calendar-cell").queryAll().stream().filter(n -> day.equals(n.getUserData())).findFirst()
                .orElseThrow();
        return robot.from(cell).lookup(".calendar-chip").queryAll().stream().filter(Node::isVisible)
                .sorted(Comparator.comparingDouble(Node::getLayoutY)).toList();
    }

    /** Whether {@code n} and every parent of it are visible. */
    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void week_editorOpen_daysStayReadable_shortBlockALineHigh_axisAsBlocks_noSortOrder(FxRobot robot) throws Exception {
        Item quick = window.device.store().add("Quick call", null, null, wed,
                new TodoDetails(null, List.of(), null, null, false, LocalTime.of(10, 0), 15)).item();
        waitFor(() -> robot.lookup("Calendar").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> CalendarWindow.block(robot, quick.id()).isPresent());
        robot.clickOn(CalendarWindow.block(robot, quick.id()).orElseThrow());
        waitFor(() -> "Quick call".equals(robot.lookup("#editor-title").queryAs(TextField.class)
                .getText()));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(onFx(() -> !treeVisible(robot.lookup("#sort").query())), "no sort order in the calendar");
        Region b = (Region) CalendarWindow.block(robot, quick.id()).orElseThrow();
        assertTrue(onFx(() -> b.getHeight() >= b.prefHeight(-1) - 0.5), "a 15-minute block is a line high: "
                + onFx(b::getHeight) + " < " + onFx(() -> b.prefHeight(-1)));
        List<String> axis = onFx(() -> robot.lookup(".calendar-hour-label").queryAll().stream()
                .map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList());
        assertEquals("1:00", axis.get(0));
        assertTrue(axis.contains("8:00") && axis.contains("15:00"), "the blocks' clock: " + axis);
        assertTrue(onFx(() -> ((Label) b.getChildrenUnmodifiable().get(0)).getText())
                .startsWith("10:00 "));

        List<Node> columns = onFx(() -> List.copyOf(robot.lookup("#calendar-week").query().lookupAll(".calendar-column")));
        for (Node c : columns) {
            assertTrue(onFx(() -> c.getLayoutBounds().getWidth()) >= WeekGrid.MIN_DAY_WIDTH - 0.5,
                    "a day keeps its width with the editor open: " + onFx(() -> c.getLayoutBounds().getWidth()));
        }
        // The day names stay over their columns when the week scrolls sideways.
        ScrollPane hours = onFx(() -> (ScrollPane) robot.lookup(".calendar-hours")
                .query());
        for (double h : new double[] {0, 1}) {
            onFx(() -> {
                hours.setHvalue(h);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (int i : new int[] {0, 6}) {
                Node column = columns.get(i);
                Node name = onFx(() -> robot.lookup(".calendar-day-header").queryAll().stream()
                        .filter(n -> column.getUserData().equals(n.getUserData())).findFirst().orElseThrow());
                double cx = onFx(() -> column.localToScene(0, 0).getX());
                double nx = onFx(() -> name.localToScene(0, 0).getX());
                assertEquals(cx, nx, 1.0, "day " + i + " at scroll " + h);
            }
        }
    }
}

package dev.tandem.app.view.agenda;

import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.NodeChanges;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.agenda.AgendaRow;
import dev.tandem.engine.testing.Await;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The agenda in a real (headless) window: opened from the sidebar and by its shortcut, rows under day headings, live. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AgendaUiTest {
    @TempDir
    static Path tmp;

    private final TestClock clock = new TestClock(ZoneId.systemDefault());
    private Device device;
    private MainView view;
    private LocalDate today;

    @Start
    void start(Stage stage) throws Exception {
        // A Wednesday: "Fri 27 Nov" and "Tue 1 Dec" are in range, across the month's end.
        clock.set(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.systemDefault()).toInstant());
        today = LocalDate.of(2026, 11, 25);
        Path dir = Files.createTempDirectory(tmp, "ui");
        device = Device.open("UI test", dir, FxExecutor.INSTANCE, null, Duration.ofSeconds(3), true, clock);
        view = MainWindow.create(device, Theme.LIGHT, null);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.start();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private ListView<AgendaRow> agenda(FxRobot robot) {
        return (ListView<AgendaRow>) robot.lookup("#agenda").query();
    }

    /** What the rendered cells say, top to bottom: "# heading", "title", "~ title" for a later date of a series. */
    private List<String> shown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            List<ListCell<?>> cells = new ArrayList<>();
            for (Node n : agenda(robot).lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> c && c.getItem() != null && c.isVisible()) {
                    cells.add(c);
                }
            }
            cells.sort(Comparator.comparingInt(ListCell::getIndex));
            List<String> out = new ArrayList<>();
            for (ListCell<?> c : cells) {
                AgendaRow r = (AgendaRow) c.getItem();
                String line = switch (r.kind()) {
                    case HEADING -> "# " + ((Label) c.getGraphic().lookup(".label")).getText();
                    case TODO -> ((Label) c.getGraphic().lookup(".item-title")).getText();
                    case OCCURRENCE -> "~ " + ((Label) c.getGraphic().lookup(".item-title")).getText();
                    case EVENT -> "@ " + ((Label) c.getGraphic().lookup(".item-title")).getText();
                    case EMPTY -> "- " + r.text();
                };
                if (out.isEmpty() || !out.get(out.size() - 1).equals(line) || r.isHeading()) {
                    out.add(line);
                }
            }
            return out;
        });
    }

    private boolean showsAgenda(FxRobot robot) {
        return robot.lookup("#agenda").tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void sidebarEntry_opensTheAgenda_rowsUnderDayHeadings_selectingOneOpensItInTheEditor(FxRobot robot) throws Exception {
        device.store().add("Pay rent", null, null, today.plusDays(6),
                new TodoDetails(null, List.of(), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null));
        device.store().add("Call Sam", null, today.plusDays(2));
        device.store().add("Old bill", null, today.minusDays(3));
        waitFor(() -> robot.lookup("Agenda").tryQuery().isPresent());
        robot.clickOn("Agenda");
        waitFor(() -> showsAgenda(robot) && agenda(robot).getItems().size() >= 9);
        assertEquals(List.of("# Overdue", "Old bill", "# Today", "- Nothing planned", "# Tomorrow", "- Nothing planned",
                "# Fri 27 Nov", "Call Sam", "# Tue 1 Dec", "Pay rent", "# Tue 8 Dec", "~ Pay rent"), shown(robot));
        assertEquals(1, device.store().allItems().stream().filter(i -> i.title().equals("Pay rent")).count());
        assertTrue(fx(() -> !view.itemList().isVisible()), "the agenda takes the list's place");

        robot.clickOn("Call Sam");
        waitFor(() -> "Call Sam".equals(robot.lookup("#editor-title").queryAs(TextField.class).getText()));
        // A later date of the series opens the series' open todo, and its check box is not to be ticked.
        robot.clickOn(robot.lookup("Pay rent").queryAll().stream().filter(n -> n.getStyleClass().contains("item-title"))
                .reduce((a, b) -> b).orElseThrow());
        waitFor(() -> "Pay rent".equals(robot.lookup("#editor-title").queryAs(TextField.class).getText()));
        robot.type(KeyCode.SPACE);
        Await.quietFor(Duration.ofMillis(300), "a completion by the Space would land within it");
        assertTrue(device.store().allItems().stream().noneMatch(Item::isDone), "Space on a later date completes nothing");
    }

    @Test
    void ctrlShiftA_opensTheAgenda_aRemoteEditMovesTheRowToItsNewDay(FxRobot robot) throws Exception {
        Item call = device.store().add("Call Sam", null, today.plusDays(2));
        device.store().add("Dentist", null, today.plusDays(6));
        waitFor(() -> robot.lookup("Agenda").tryQuery().isPresent());
        robot.clickOn("#items");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> showsAgenda(robot) && agenda(robot).getItems().size() == 8);
        assertEquals("Agenda", fx(() -> view.viewModel().titleProperty().get()));
        assertEquals(List.of("# Today", "- Nothing planned", "# Tomorrow", "- Nothing planned", "# Fri 27 Nov", "Call Sam",
                "# Tue 1 Dec", "Dentist"), shown(robot));
        // As an edit synced from another device lands: a commit to the database while the agenda is open.
        device.store().update(call.id(), i -> i.withDue(today.plusDays(6)));
        waitFor(() -> agenda(robot).getItems().size() == 7);
        assertEquals(List.of("# Today", "- Nothing planned", "# Tomorrow", "- Nothing planned", "# Tue 1 Dec", "Call Sam",
                "Dentist"), shown(robot), "within a day as added (and by priority)");
        device.store().update(call.id(), i -> i.withDue(today));
        waitFor(() -> agenda(robot).getItems().size() == 6);
        assertEquals(List.of("# Today", "Call Sam", "# Tomorrow", "- Nothing planned", "# Tue 1 Dec", "Dentist"),
                shown(robot));
    }

    @Test
    void timedTodo_rowSaysItsTimeAndLength_onTheAppsClock_editorWritesStartAsDue(FxRobot robot) throws Exception {
        String review = device.store().add("Review budget", null, null, today, new TodoDetails(null, List.of(), null, null,
                false, LocalTime.of(14, 0), 30)).item().id();
        device.store().update(review, i -> i.withStart(today));
        device.store().add("Standup", null, null, today, new TodoDetails(null, List.of(), null, null, false,
                LocalTime.of(9, 30), 0));
        waitFor(() -> robot.lookup("Agenda").tryQuery().isPresent());
        robot.clickOn("Agenda");
        waitFor(() -> showsAgenda(robot) && robot.lookup("Review budget").tryQuery().isPresent());
        waitFor(() -> robot.lookup("14:00–14:30").tryQuery().map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup("9:30").tryQuery().map(Node::isVisible).orElse(false), "a time without a length");

        // The editor writes the start date as it writes the due date.
        robot.clickOn("Review budget");
        waitFor(() -> "Review budget".equals(robot.lookup("#editor-title").queryAs(TextField.class).getText()));
        String due = fx(() -> robot.lookup("#editor-due").queryAs(DatePicker.class).getEditor().getText());
        assertEquals("Wed 25 Nov 2026", due);
        assertEquals(due, fx(() -> robot.lookup("#editor-start").queryAs(DatePicker.class).getEditor()
                .getText()));
    }

    @Test
    void updateItem_rowAfterRowOfTheSameShape_changesNoChildAndNoStyleClass(FxRobot robot) throws Exception {
        TodoDetails weekly = new TodoDetails(2, List.of("home"), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null);
        device.store().add("Water plants", null, null, today.plusDays(2), weekly);
        device.store().add("Feed the cat", null, null, today.plusDays(2), weekly);
        device.store().add("Standup", null, null, today, new TodoDetails(null, List.of(), null, null, false,
                LocalTime.of(9, 30), 0));
        waitFor(() -> robot.lookup("Agenda").tryQuery().isPresent());
        robot.clickOn("Agenda");
        waitFor(() -> showsAgenda(robot) && robot.lookup("Feed the cat").tryQuery().isPresent());

        List<String> seen = fx(() -> {
            ListView<AgendaRow> agenda = agenda(robot);
            int plants = indexOf(agenda, "Water plants");
            int cat = indexOf(agenda, "Feed the cat");
            int standup = indexOf(agenda, "Standup");
            ListCell<AgendaRow> cell = agenda.getCellFactory().call(agenda);
            cell.updateListView(agenda);
            cell.updateIndex(plants);
            cell.updateIndex(cat);
            AtomicInteger changes = NodeChanges.watch(cell);
            // As the list does while it measures and scrolls: one cell, row after row.
            for (int k = 0; k < 5; k++) {
                cell.updateIndex(plants);
                cell.updateIndex(cat);
            }
            List<String> out = new ArrayList<>();
            out.add(String.valueOf(changes.get()));
            out.add(texts(cell));
            cell.updateIndex(standup);
            out.add(texts(cell));
            cell.updateIndex(indexOf(agenda, "# Today"));
            out.add(cell.getStyleClass().contains(Styles.ITEM_CELL) + " " + texts(cell));
            cell.updateIndex(cat);
            out.add(cell.getStyleClass().contains(Styles.ITEM_CELL) + " " + texts(cell));
            return out;
        });
        assertEquals("0", seen.get(0), "a cell shown row after row of the same shape changed children or style classes");
        assertEquals("Feed the cat|every week|@home", seen.get(1));
        assertEquals("Standup|9:30", seen.get(2), "the timed row shows its time and none of the last row's details");
        assertEquals("false Today|Wed 25 Nov", seen.get(3), "a heading is no item cell");
        assertEquals("true Feed the cat|every week|@home", seen.get(4));
    }

    /** The index of the todo titled {@code title}, or of the heading "# text". */
    private static int indexOf(ListView<AgendaRow> agenda, String title) {
        for (int i = 0; i < agenda.getItems().size(); i++) {
            AgendaRow r = agenda.getItems().get(i);
            if (title.equals(r.isHeading() ? "# " + r.text() : r.text())) {
                return i;
            }
        }
        throw new AssertionError("no row " + title + " in " + agenda.getItems());
    }

    /** The texts of the visible, managed labels of {@code cell}'s graphic, joined by "|". */
    private static String texts(ListCell<AgendaRow> cell) {
        List<String> out = new ArrayList<>();
        for (Node n : NodeChanges.all(cell.getGraphic())) {
            if (n instanceof Label l && l.getText() != null && !l.getText().isEmpty() && visible(l)) {
                out.add(l.getText());
            }
        }
        return String.join("|", out);
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || !p.isManaged()) {
                return false;
            }
        }
        return true;
    }
}

package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.TestWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window at its least width (760 px), reached by making the window narrower as a user does, and at a
 * laptop's 1366 × 768: the list gets the larger share, the header keeps to one or two rows, nothing moves when the
 * count or the message under quick add changes, the editor's buttons read whole and the ⋮ menu opens inside.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MinimumWidthUiTest {
    static final String REPEATING = "Stand-up notes";
    static final List<String> HEADER = List.of("#sort", "#search", "#toggle-theme", "#show-shortcuts", "#app-menu");
    @TempDir
    static Path tmp;

    private ResizedWindow window;
    private Device device;
    private MainView view;

    @Start
    void start(Stage primary) throws Exception {
        window = new ResizedWindow(tmp, "Narrowest", MinimumWidthUiTest::seed);
        device = window.device;
        view = window.view;
    }

    /** The demo's lists, and a repeating todo in Work (for Skip and End). */
    private static void seed(TodoStore store) {
        DemoMode.seed(store);
        store.add(REPEATING, null, store.findList("Work").orElseThrow().id(), store.today(),
                new TodoDetails(null, List.of(), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null));
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void resizedTo760_theListGetsTheLargerShareAndTheEditorGivesWay() throws Exception {
        show("Work", "Review the sync design doc", 760, 640);
        onFx(() -> {
            double[] widths = listAndEditor();
            assertTrue(widths[0] >= 0.55 * (widths[0] + widths[1]) || widths[1] <= 240.5,
                    "the list is " + widths[0] + " px wide and the editor " + widths[1] + " px");
            // Its rows' titles have the room: "Reply to Dana about the Q3 roadmap" shows at least "Reply to Dana about".
            Labeled first = (Labeled) view.itemList().lookupAll(".item-cell").stream()
                    .filter(c -> ((ListCell<?>) c).getIndex() == 0).findFirst().orElseThrow()
                    .lookup(".item-title");
            String shown = shown(first).replace("…", "").replace("...", "");
            assertTrue(shown.length() >= "Reply to Dana about".length(), "the first title reads '" + shown(first) + "'");
            return null;
        });
    }

    @Test
    void at1366x768_theListGetsTheLargerShare() throws Exception {
        show("Work", "Review the sync design doc", 1366, 768);
        double[] widths = onFx(this::listAndEditor);
        assertTrue(widths[0] >= 0.55 * (widths[0] + widths[1]), "the list is " + widths[0] + " px wide and the editor " + widths[1] + " px");
    }

    /** The widths of the list's side of the window and of the editor. */
    private double[] listAndEditor() {
        SplitPane split = (SplitPane) view.lookup(".split-pane");
        return new double[] {((Region) split.getItems().get(0)).getWidth(), view.editorView().getWidth()};
    }

    @Test
    void resizedTo760_theHeaderTakesAtMostTwoRows_at1366One() throws Exception {
        for (double[] size : new double[][] {{760, 640, 2}, {1366, 768, 1}}) {
            show("Work", "Review the sync design doc", size[0], size[1]);
            onFx(() -> {
                List<Node> nodes = new ArrayList<>();
                nodes.add(view.lookup("#view-title").getParent());
                HEADER.forEach(id -> nodes.add(view.lookup(id)));
                int rows = rows(nodes);
                assertTrue(rows <= size[2], "at " + size[0] + " px the header takes " + rows + " rows");
                double right = bounds(view.editorView()).getMinX();
                for (Node n : nodes) {
                    assertTrue(bounds(n).getMaxX() <= right + 0.5, n + " ends past the list, at " + bounds(n).getMaxX());
                }
                return null;
            });
        }
    }

    @Test
    void theCountChanges_theHeadersControlsStayWhereTheyAre() throws Exception {
        // 1120 to 1260: where the search field shares the row with the title and gives way to it.
        for (double w : new double[] {760, 1120, 1140, 1160, 1180, 1200, 1220, 1240, 1260, 1366}) {
            show("Work", "Review the sync design doc", w, 700);
            Map<String, Bounds> before = onFx(this::headerBounds);
            String count = onFx(() -> ((Labeled) view.lookup("#view-count")).getText());
            String work = device.store().findList("Work").orElseThrow().id();
            device.store().add("A note about the roadmap " + w, null, work, null, TodoDetails.note(List.of()));
            waitFor(() -> !((Labeled) view.lookup("#view-count")).getText().equals(count));
            settle();
            Map<String, Bounds> after = onFx(this::headerBounds);
            for (String id : HEADER) {
                assertEquals(before.get(id).getMinX(), after.get(id).getMinX(), 0.5, "at " + w + " px " + id + " moved sideways");
                assertEquals(before.get(id).getMinY(), after.get(id).getMinY(), 0.5, "at " + w + " px " + id + " moved up or down");
                assertEquals(before.get(id).getWidth(), after.get(id).getWidth(), 0.5, "at " + w + " px " + id + " changed width");
            }
        }
    }

    @Test
    void aMessageUnderQuickAddComesAndGoes_theListStaysWhereItIs() throws Exception {
        show("Work", null, 760, 640);
        double before = onFx(() -> bounds(view.itemList()).getMinY());
        onFx(() -> {
            view.viewModel().quickAdd().textProperty().set("Buy milk");
            view.viewModel().quickAdd().submit();
            return null;
        });
        waitFor(() -> view.lookup("#quick-add-message").isVisible());
        settle();
        double during = onFx(() -> bounds(view.itemList()).getMinY());
        assertEquals(before, during, 0.5, "the list moved when the message showed");
        // Typing what quick add understands shows its chips on that line: the list stays put as well.
        onFx(() -> {
            view.viewModel().quickAdd().textProperty().set("Water plants tomorrow p2");
            return null;
        });
        waitFor(() -> view.lookup("#quick-add-tokens").isVisible());
        settle();
        double typing = onFx(() -> bounds(view.itemList()).getMinY());
        assertEquals(before, typing, 0.5, "the list moved when quick add's chips showed");
    }

    @Test
    void resizedTo760_aRepeatingTodosSkipAndEndAndTheEditorsTopRowReadWhole() throws Exception {
        show("Work", REPEATING, 760, 640);
        waitFor(() -> view.lookup("#editor-skip") != null && view.lookup("#editor-skip").isVisible());
        settle();
        onFx(() -> {
            for (String id : List.of("#editor-skip", "#editor-end-series", "#editor-done", "#editor-kind-todo", "#editor-kind-note")) {
                Labeled b = (Labeled) view.lookup(id);
                assertEquals(b.getText(), shown(b), id + " reads '" + shown(b) + "'");
                assertTrue(bounds(b).getMaxX() <= view.getScene().getWidth() + 0.5, id + " ends past the window");
            }
            return null;
        });
    }

    @Test
    void resizedTo760_theAppMenuOpensInsideTheWindow() throws Exception {
        show("Work", "Review the sync design doc", 760, 640);
        MenuButton menu = onFx(() -> (MenuButton) view.lookup("#app-menu"));
        onFx(() -> {
            menu.show();
            return null;
        });
        waitFor(() -> popupOf(menu) != null && popupOf(menu).getWidth() > 50);
        settle();
        onFx(() -> {
            ContextMenu popup = popupOf(menu);
            double left = window.stage.getX() + view.getScene().getX();
            double right = left + view.getScene().getWidth();
            assertTrue(popup.getX() >= left - 0.5 && popup.getX() + popup.getWidth() <= right + 0.5, "the menu spans x "
                    + popup.getX() + "–" + (popup.getX() + popup.getWidth()) + ", the window " + left + "–" + right);
            menu.hide();
            return null;
        });
    }

    @Test
    void resizedTo760_f1NamesTheSidebarShortcutsAndFitsTheWindow() throws Exception {
        show("Work", null, 760, 640);
        onFx(() -> {
            view.toggleShortcuts();
            return null;
        });
        settle();
        onFx(() -> {
            Node overlay = view.lookup("#shortcut-overlay");
            List<String> lines = overlay.lookupAll(".label").stream().map(n -> ((Labeled) n).getText()).toList();
            assertTrue(lines.stream().noneMatch(l -> l.matches("(?i).*sidebar entr(y|ies) \\d.*")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("Inbox") && l.contains("Today")), lines.toString());
            for (Node n : overlay.lookupAll(".label")) {
                Labeled l = (Labeled) n;
                assertEquals(l.getText(), shown(l), "a line of the shortcuts is cut");
            }
            Node grid = overlay.lookup(".shortcuts");
            Bounds b = bounds(grid);
            assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= view.getScene().getWidth() + 0.5,
                    "the shortcuts span x " + b.getMinX() + "–" + b.getMaxX() + " in a " + view.getScene().getWidth() + " px window");
            view.toggleShortcuts();
            return null;
        });
    }

    private static ContextMenu popupOf(MenuButton menu) {
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu c && c.isShowing() && c.getOwnerNode() == menu) {
                return c;
            }
        }
        return null;
    }

    private Map<String, Bounds> headerBounds() {
        Map<String, Bounds> out = new LinkedHashMap<>();
        HEADER.forEach(id -> out.put(id, bounds(view.lookup(id))));
        return out;
    }

    /** How many rows {@code nodes} take: a node starting below every node of the row so far begins the next. */
    private static int rows(List<Node> nodes) {
        List<Bounds> sorted = nodes.stream().map(MinimumWidthUiTest::bounds).sorted(Comparator.comparingDouble(Bounds::getMinY)).toList();
        int rows = 0;
        double rowBottom = Double.NEGATIVE_INFINITY;
        for (Bounds b : sorted) {
            if (b.getMinY() >= rowBottom - 0.5) {
                rows++;
                rowBottom = b.getMaxY();
            } else {
                rowBottom = Math.max(rowBottom, b.getMaxY());
            }
        }
        return rows;
    }

    /**
     * Shows the list named {@code list} with the row titled {@code select} selected (none for null), in a window
     * opened at 1180 × 740 and then made {@code w} × {@code h}, as a user drags it narrower.
     */
    private void show(String list, String select, double w, double h) throws Exception {
        waitFor(() -> view.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        String listId = onFx(() -> view.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id());
        onFx(() -> {
            window.stage.setWidth(1180);
            window.stage.setHeight(740);
            view.viewModel().select(new Listing.UserListing(listId));
            return null;
        });
        waitFor(() -> !view.itemList().getItems().isEmpty()
                && view.itemList().getItems().stream().allMatch(i -> listId.equals(i.listId())));
        if (select != null) {
            waitFor(() -> {
                var items = view.itemList().getItems();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).title().equals(select)) {
                        view.itemList().getSelectionModel().clearAndSelect(i);
                    }
                }
                return view.editorViewModel().showingProperty().get() && select.equals(view.editorViewModel().titleProperty().get());
            });
        }
        settle();
        window.resize(w, h);
    }

    private static void settle() throws Exception {
        ResizedWindow.settle();
    }

    private static Bounds bounds(Node n) {
        return TestWindow.sceneBounds(n);
    }

    private static String shown(Labeled l) {
        return TestWindow.shownText(l);
    }
}

package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.testing.TestWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Text a user must read whole at the window's least width (760 px) and at its usual size: the editor's date fields,
 * the search field's prompt, the Calendar's count line; and the sidebar's keyboard ring around its row alone.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WholeTextUiTest {
    static final String DATED = "Renew the passport";
    @TempDir
    static Path tmp;

    private ResizedWindow window;
    private MainView view;

    @Start
    void start(Stage primary) throws Exception {
        window = new ResizedWindow(tmp, "Whole", store -> {
            DemoMode.seed(store);
            store.add(DATED, null, null, store.today().plusDays(4),
                    new TodoDetails(null, List.of(), null, null).when(store.today().plusDays(1), false));
        });
        view = window.view;
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void at760_theEditorsDateFields_showTheirWholeDatesInTheWindow() throws Exception {
        select(Listing.of(Listing.BuiltIn.INBOX), DATED);
        window.resize(760, 640);
        onFx(() -> {
            double windowRight = view.getScene().getWidth();
            for (String id : List.of("#editor-due", "#editor-start")) {
                DatePicker picker = (DatePicker) view.lookup(id);
                TextField field = picker.getEditor();
                assertFalse(field.getText().isEmpty(), id + " is empty");
                double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
                double text = textWidth(field.getText(), field);
                assertTrue(text <= room + 0.5, id + " shows '" + field.getText() + "' (" + text + " px) in " + room + " px");
                assertTrue(bounds(picker).getMaxX() <= windowRight + 0.5, id + " ends at " + bounds(picker).getMaxX()
                        + ", past the window's " + windowRight);
            }
            Node someday = view.lookup("#editor-someday");
            assertTrue(bounds(someday).getMaxX() <= windowRight + 0.5, "Someday ends past the window");
            Node editor = view.editorView();
            double editorRight = editor.localToScene(editor.getLayoutBounds()).getMaxX();
            assertTrue(editorRight <= windowRight + 0.5, "the editor ends at " + editorRight + ", past the window's " + windowRight);
            return null;
        });
    }

    /** From the least width up (the field widens with the list), with a todo open beside the list and without. */
    @Test
    void from760Up_theSearchPromptShowsWholeInItsField() throws Exception {
        for (String open : new String[] {null, DATED}) {
            select(Listing.of(Listing.BuiltIn.INBOX), open);
            for (double w = 760; w <= 1000; w += 8) {
                window.resize(w, 640);
                double at = w;
                onFx(() -> {
                    TextField field = (TextField) view.lookup("#search");
                    Text prompt = field.lookupAll("Text").stream().map(n -> (Text) n)
                            .filter(t -> t.isVisible() && t.getText().equals(field.getPromptText())).findFirst().orElseThrow();
                    // Where the field's text area ends: its clip (the room left of the clear button), else its inside.
                    Node area = prompt.getParent();
                    double right = Math.min(bounds(field).getMaxX() - field.snappedRightInset(),
                            area.getClip() == null ? Double.MAX_VALUE : area.localToScene(area.getClip().getBoundsInParent()).getMaxX());
                    assertTrue(bounds(prompt).getMaxX() <= right + 0.5, "at " + at + " px the prompt '" + field.getPromptText()
                            + "' ends at " + bounds(prompt).getMaxX() + ", past the field's text area's " + right);
                    return null;
                });
            }
        }
    }

    @Test
    void calendar_theCountLineShowsWhole() throws Exception {
        for (double w : new double[] {760, 1100, 1366}) {
            select(Listing.calendar(), null);
            window.resize(w, 640);
            waitFor(() -> !((Labeled) view.lookup("#view-count")).getText().isEmpty());
            onFx(() -> {
                Labeled count = (Labeled) view.lookup("#view-count");
                assertEquals(count.getText(), TestWindow.shownText(count), "at " + w + " px the Calendar's count is cut");
                return null;
            });
        }
    }

    @Test
    void sidebarFocused_theRingAroundTheFirstSyncRowLeavesTheHeadingOut() throws Exception {
        select(Listing.of(Listing.BuiltIn.INBOX), null);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<Object> sidebar = (ListView<Object>) view.lookup("#sidebar");
            sidebar.requestFocus();
            int last = sidebar.getItems().size() - 1;
            sidebar.getFocusModel().focus(last);
            sidebar.scrollTo(last);
            return null;
        });
        waitFor(() -> view.lookup("#sidebar").isFocused());
        ResizedWindow.settle();
        onFx(() -> {
            ListCell<?> cell = view.lookup("#sidebar").lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                    .filter(ListCell::isFocused).findFirst().orElseThrow();
            Labeled heading = (Labeled) cell.lookup(".sidebar-section");
            assertTrue(heading != null && heading.isVisible() && "SYNC".equals(heading.getText()) && heading.getParent() != null,
                    "the focused row is not the first under SYNC");
            List<Region> rings = new ArrayList<>();
            collectRings(cell, rings);
            assertFalse(rings.isEmpty(), "the focused sidebar row shows no ring");
            for (Region ring : rings) {
                assertTrue(bounds(ring).getMinY() >= bounds(heading).getMaxY() - 0.5, "a ring spans y " + bounds(ring).getMinY()
                        + "–" + bounds(ring).getMaxY() + ", around the SYNC heading at " + bounds(heading).getMinY());
            }
            return null;
        });
    }

    /** Regions under {@code n} (and itself) that draw a border in a colour one can see. */
    private static void collectRings(Node n, List<Region> out) {
        if (n instanceof Region r && r.getBorder() != null && r.getBorder().getStrokes().stream().anyMatch(WholeTextUiTest::visible)) {
            out.add(r);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectRings(c, out));
        }
    }

    private static boolean visible(BorderStroke s) {
        return List.of(s.getTopStroke(), s.getBottomStroke(), s.getLeftStroke(), s.getRightStroke()).stream()
                .anyMatch(p -> !(p instanceof Color c) || c.getOpacity() > 0);
    }

    /** Shows {@code listing} in a window at its opening size, with the row titled {@code title} selected (none: null). */
    private void select(Listing listing, String title) throws Exception {
        onFx(() -> {
            view.viewModel().select(listing);
            return null;
        });
        if (title != null) {
            waitFor(() -> {
                var items = view.itemList().getItems();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).title().equals(title)) {
                        view.itemList().getSelectionModel().clearAndSelect(i);
                    }
                }
                return view.editorViewModel().showingProperty().get() && title.equals(view.editorViewModel().titleProperty().get());
            });
        }
        ResizedWindow.settle();
    }

    private static double textWidth(String s, TextField field) {
        Text probe = new Text(s);
        probe.setFont(field.getFont());
        return probe.getLayoutBounds().getWidth();
    }

    private static Bounds bounds(Node n) {
        return TestWindow.sceneBounds(n);
    }
}

package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
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
 * The main window made small (the app opens at 1180 × 740; its least size is 760 × 600): the list's rows, the
 * header's title and buttons and the sidebar's counts stay whole and inside the window, none cut off at the right
 * edge of the list or shortened to "…".
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NarrowWindowUiTest {
    static final String LONG_LIST = "Travel plans for the summer holidays in Portugal";
    @TempDir
    static Path tmp;

    private ResizedWindow window;
    private MainView view;

    @Start
    void start(Stage primary) throws Exception {
        window = new ResizedWindow(tmp, "Narrow", store -> {
            DemoMode.seed(store);
            store.createList(LONG_LIST);
            String id = store.trash(store.add("Old idea", null, null).id()).orElseThrow().id();
            assertTrue(!id.isEmpty());
        });
        view = window.view;
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void at800x600_theListsFirstTitleAndTheHeadersButtonsAreWholeAndInTheWindow() throws Exception {
        show("Work", true, 800, 600);
        onFx(() -> {
            double left = right(view.getLeft());
            double right = listRight();
            for (String id : List.of("#view-title", "#sort", "#search", "#toggle-theme", "#show-shortcuts", "#app-menu")) {
                assertInside(view.lookup(id), left, right, id);
            }
            assertEquals("Work", shown((Labeled) view.lookup("#view-title")));
            Labeled title = (Labeled) firstCell().lookup(".item-title");
            assertInside(title, left, right, "the first row's title");
            String text = shown(title);
            assertTrue(text.length() >= 10 && "Reply to Dana about the Q3 roadmap".startsWith(text.replace("…", "").replace("...", "").strip()),
                    "the first row's title shows as '" + text + "'");
            return null;
        });
    }

    @Test
    void at800x600_emptyTrashShowsItsLabelInTheWindow() throws Exception {
        show(null, false, 800, 600);
        onFx(() -> {
            Labeled empty = (Labeled) view.lookup("#empty-trash");
            assertTrue(empty.isVisible());
            assertInside(empty, right(view.getLeft()), listRight(), "Empty Trash");
            assertEquals("Empty Trash", shown(empty));
            assertEquals("Trash", shown((Labeled) view.lookup("#view-title")));
            return null;
        });
    }

    @Test
    void atEachWidth_theQuickAddAndSearchPromptsShowWholeInTheirFields() throws Exception {
        for (double w : new double[] {800, 950, 1180, 1600}) {
            show("Work", false, w, 700);
            onFx(() -> {
                for (String id : List.of("#quick-add", "#search")) {
                    TextField field = (TextField) view.lookup(id);
                    Text prompt = field.lookupAll("Text").stream().map(n -> (Text) n)
                            .filter(t -> t.isVisible() && t.getText().equals(field.getPromptText())).findFirst().orElseThrow();
                    Bounds f = bounds(field);
                    Bounds p = bounds(prompt);
                    assertTrue(p.getMaxX() <= f.getMaxX() - field.snappedRightInset() + 0.5, "at " + w + " px " + id + "'s prompt '"
                            + field.getPromptText() + "' ends at " + p.getMaxX() + ", past the field's " + f.getMaxX());
                }
                assertTrue(((TextField) view.lookup("#quick-add")).getPromptText().contains("Ctrl+N"));
                return null;
            });
        }
    }

    /** A long notification (a new device id, a failed undo) wraps inside the window instead of running past it. */
    @Test
    void at800x600_aLongNotificationStaysAsNarrowAsTheWindow() throws Exception {
        show("Work", false, 800, 600);
        FxDialogs dialogs = new FxDialogs(() -> window.stage, () -> Theme.LIGHT.stylesheets(),
                Async.direct(e -> { }));
        onFx(() -> {
            dialogs.notify("New device id", "This device now syncs under a new device id, because a copy of its"
                    + " profile synced under the old one; nothing was lost, and the other devices know the new id from"
                    + " their next sync. " + "More words to make it long enough to run past any window. ".repeat(4), false);
            return null;
        });
        TestWindow.waitFor(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof PopupWindow && w.isShowing() && w.getWidth() > 50));
        onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow && w.isShowing() && w.getWidth() > 50) {
                    assertTrue(w.getWidth() <= window.stage.getWidth(), "notification " + w.getWidth() + " wide in a "
                            + window.stage.getWidth() + " px window");
                }
            }
            return null;
        });
    }

    @Test
    void aLongListName_theSidebarsCountsStayInTheSidebar() throws Exception {
        show("Work", false, 800, 600);
        onFx(() -> {
            Node sidebar = view.getLeft();
            List<Node> badges = sidebar.lookupAll(".count-badge").stream().filter(Node::isVisible).toList();
            assertTrue(badges.size() >= 4, "counts shown: " + badges.size());
            for (Node b : badges) {
                assertTrue(right(b) <= right(sidebar) + 0.5, "a count ends at " + right(b) + ", past the sidebar's " + right(sidebar));
            }
            return null;
        });
    }

    /** Shows the list named {@code list} (the Trash for null), its first row selected if {@code select}, at w × h. */
    private void show(String list, boolean select, double w, double h) throws Exception {
        waitFor(() -> view.viewModel().lists().stream().anyMatch(l -> l.name().equals(LONG_LIST)));
        String listId = list == null ? null
                : onFx(() -> view.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id());
        onFx(() -> {
            view.viewModel().select(list == null ? Listing.of(Listing.BuiltIn.TRASH) : new Listing.UserListing(listId));
            return null;
        });
        // Until the new view's rows replace the old view's.
        waitFor(() -> !view.itemList().getItems().isEmpty() && view.itemList().getItems().stream()
                .allMatch(i -> list == null ? i.isTrashed() : listId.equals(i.listId())));
        if (select) {
            waitFor(() -> {
                if (view.itemList().getSelectionModel().isEmpty()) {
                    view.itemList().getSelectionModel().select(0);
                }
                return view.editorViewModel().showingProperty().get();
            });
        }
        window.resize(w, h);
    }

    /** Where the list's visible part ends: at the editor when it shows, else at the window's edge. */
    private double listRight() {
        double window = view.getScene().getWidth();
        Node editor = view.editorView();
        return editor.getScene() == null || !editor.isVisible() ? window : Math.min(window, bounds(editor).getMinX());
    }

    private ListCell<?> firstCell() {
        return view.itemList().lookupAll(".item-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getIndex() == 0 && !c.isEmpty()).findFirst().orElseThrow();
    }

    private static void assertInside(Node n, double left, double right, String what) {
        Bounds b = bounds(n);
        assertTrue(n.isVisible() && b.getWidth() > 0, what + " is not shown");
        assertTrue(b.getMinX() >= left - 0.5 && b.getMaxX() <= right + 0.5,
                what + " spans x " + b.getMinX() + "–" + b.getMaxX() + ", outside the list's " + left + "–" + right);
    }

    private static Bounds bounds(Node n) {
        return TestWindow.sceneBounds(n);
    }

    private static double right(Node n) {
        return bounds(n).getMaxX();
    }

    private static String shown(Labeled l) {
        return TestWindow.shownText(l);
    }
}

package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.ScreenText;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window's own controls stay in it whatever is open: at the least width (760 px), reached both ways (a window
 * opened at that width, and a wide one made narrower), and at a laptop's 1366 × 768. Opening a todo never pushes
 * the status bar (Sync now, Settings…) or the sidebar's "New smart list" out of the window, and the editor fits its
 * pane: its left edge in view, its right edge inside the window, the repeat field wide enough for its rule.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowFitUiTest {
    static final String REPEATING = "Müll rausbringen";
    @TempDir
    static Path tmp;

    private final List<ResizedWindow> windows = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        try {
            for (ResizedWindow w : windows) {
                w.close();
            }
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void openedAt760_openingATodo_theStatusBarAndNewSmartListStayInTheWindow() throws Exception {
        for (double h : new double[] {768, 600}) {
            ResizedWindow w = open(Language.ENGLISH, 760, h);
            openTodoThenAnotherList(w);
        }
    }

    @Test
    void resizedTo760_openingATodo_theStatusBarAndNewSmartListStayInTheWindow() throws Exception {
        ResizedWindow w = open(Language.ENGLISH, 1366, 768);
        w.resize(760, 768);
        openTodoThenAnotherList(w);
    }

    @Test
    void at1366x768_openingATodo_theStatusBarAndNewSmartListStayInTheWindow() throws Exception {
        openTodoThenAnotherList(open(Language.ENGLISH, 1366, 768));
    }

    @Test
    void germanResizedTo760_theEditorFitsItsPaneAndTheRepeatReadsWhole() throws Exception {
        ResizedWindow w = open(Language.GERMAN, 1366, 768);
        openTodo(w, "Haushalt", REPEATING);
        w.resize(760, 768);
        assertEditorFits(w, "resized to 760");
    }

    @Test
    void germanOpenedAt760AndAt1366_theEditorFitsItsPaneAndTheRepeatReadsWhole() throws Exception {
        for (double width : new double[] {760, 1366}) {
            ResizedWindow w = open(Language.GERMAN, width, 768);
            openTodo(w, "Haushalt", REPEATING);
            assertEditorFits(w, "opened at " + width);
        }
    }

    /** A profile in {@code language}, its words in it, in a window opened {@code w} × {@code h}. */
    ResizedWindow open(Language language, double w, double h) throws Exception {
        Messages.use(language);
        ResizedWindow window = ResizedWindow.open(tmp, "Fit", WindowFitUiTest::seed, w, h);
        windows.add(window);
        ResizedWindow.settle();
        return window;
    }

    private static void seed(TodoStore s) {
        TodoList home = s.createList("Haushalt");
        TodoList work = s.createList("Arbeit");
        s.add(REPEATING, null, home.id(), s.today().plusDays(2),
                new TodoDetails(2, List.of("haus"), Recurrence.weekly(Set.of(DayOfWeek.TUESDAY)), s.clock().millis() + 86_400_000L));
        s.add("Fenster putzen", null, home.id(), null, new TodoDetails(null, List.of(), null, null));
        for (int i = 0; i < 30; i++) {
            s.add("Bericht Teil " + i, null, work.id(), s.today().plusDays(i % 9), new TodoDetails(null, List.of(), null, null));
        }
    }

    /** Opens a todo (the editor's form joins the window), checks, then shows another list and checks again. */
    private void openTodoThenAnotherList(ResizedWindow w) throws Exception {
        openTodo(w, "Haushalt", REPEATING);
        assertControlsInWindow(w, "a todo open");
        select(w, "Arbeit");
        assertControlsInWindow(w, "another list shown after a todo was open");
        onFx(() -> {
            w.view.itemList().getSelectionModel().select(3);
            return null;
        });
        ResizedWindow.settle();
        assertControlsInWindow(w, "a todo of the long list open");
    }

    private static void assertControlsInWindow(ResizedWindow w, String when) throws Exception {
        onFx(() -> {
            double width = w.view.getScene().getWidth();
            double height = w.view.getScene().getHeight();
            String at = width + " × " + height + ", " + when + ": ";
            assertEquals(height, w.view.getHeight(), 0.5, at + "the window's content is taller than the window");
            for (String id : List.of("#status-bar", "#sync-now", "#open-settings", "#new-list", "#new-smart-list")) {
                Node n = w.view.lookup(id);
                assertTrue(n != null && n.isVisible(), at + id + " is not shown");
                Bounds b = bounds(n);
                assertTrue(b.getMinY() >= -0.5 && b.getMaxY() <= height + 0.5 && b.getMinX() >= -0.5 && b.getMaxX() <= width + 0.5,
                        at + id + " spans " + b + ", outside the window");
            }
            return null;
        });
    }

    /** The editor's form inside its pane and the window, no word in it cut, the repeat field showing its rule whole. */
    private static void assertEditorFits(ResizedWindow w, String when) throws Exception {
        waitFor(() -> w.view.lookup("#editor-repeat") != null && !((TextField) w.view.lookup("#editor-repeat")).getText().isEmpty());
        ResizedWindow.settle();
        onFx(() -> {
            double width = w.view.getScene().getWidth();
            Bounds pane = bounds(w.view.editorView());
            for (String id : List.of("#editor-title", "#editor-done", "#editor-kind-note", "#editor-priority", "#editor-repeat",
                    "#editor-remind", "#editor-skip", "#editor-end-series")) {
                Bounds b = bounds(w.view.lookup(id));
                assertTrue(b.getMinX() >= pane.getMinX() - 0.5 && b.getMaxX() <= Math.min(pane.getMaxX(), width) + 0.5,
                        when + ": " + id + " spans x " + b.getMinX() + "–" + b.getMaxX() + ", the editor " + pane.getMinX() + "–"
                                + pane.getMaxX() + " in a " + width + " px window");
            }
            TextField repeat = (TextField) w.view.lookup("#editor-repeat");
            double room = repeat.getWidth() - repeat.snappedLeftInset() - repeat.snappedRightInset();
            Text probe = new Text(repeat.getText());
            probe.setFont(repeat.getFont());
            assertTrue(probe.getLayoutBounds().getWidth() <= room + 0.5, when + ": the repeat field shows '" + repeat.getText()
                    + "' (" + probe.getLayoutBounds().getWidth() + " px) in " + room + " px");
            assertEquals(List.of(), ScreenText.cutOff(w.view.editorView(), Set.of()), when + ": words cut in the editor");
            return null;
        });
    }

    static void openTodo(ResizedWindow w, String list, String title) throws Exception {
        select(w, list);
        waitFor(() -> {
            var items = w.view.itemList().getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).title().equals(title)) {
                    w.view.itemList().getSelectionModel().clearAndSelect(i);
                }
            }
            return w.view.editorViewModel().showingProperty().get() && title.equals(w.view.editorViewModel().titleProperty().get());
        });
        ResizedWindow.settle();
    }

    static void select(ResizedWindow w, String list) throws Exception {
        waitFor(() -> w.view.viewModel().lists().stream().anyMatch(l -> l.name().equals(list)));
        String id = onFx(() -> w.view.viewModel().lists().stream().filter(l -> l.name().equals(list)).findFirst().orElseThrow().id());
        onFx(() -> {
            w.view.viewModel().select(new Listing.UserListing(id));
            return null;
        });
        waitFor(() -> !w.view.itemList().getItems().isEmpty() && w.view.itemList().getItems().stream().allMatch(i -> id.equals(i.listId())));
        ResizedWindow.settle();
    }

    private static Bounds bounds(Node n) {
        return TestWindow.sceneBounds(n);
    }
}

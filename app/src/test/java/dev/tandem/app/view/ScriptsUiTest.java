package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.ui.Theme;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.VBox;
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
 * Titles in scripts beyond Latin render as glyphs in the app's font: an emoji is drawn (from the emoji font the
 * app depends on, see INSTALL.md), not the box a character no font has gets; Hebrew and Arabic in one title
 * read in their order, right to left, in the list's row and in quick add alike.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScriptsUiTest {
    /** Unassigned in Unicode: no font has it, so it is drawn as the missing-glyph box. */
    static final String NO_FONT_HAS = "\u0378";
    /**
     * A cart, "Party", "groceries" in Hebrew, then "market" in Arabic: left to right up to the right-to-left run,
     * whose Hebrew word comes first and so stands at its right.
     */
    static final String MIXED = "\uD83D\uDED2 Party \u05E7\u05E0\u05D9\u05D5\u05EA \u0633\u0648\u0642";
    @TempDir
    static Path tmp;
    private ResizedWindow window;
    private Stage stage;
    private Label emoji;
    private Label tofu;

    @Start
    void start(Stage primary) throws Exception {
        window = new ResizedWindow(tmp, "Scripts", store -> store.add(MIXED, null, null));
        stage = new Stage();
        emoji = new Label("\uD83D\uDED2");
        tofu = new Label(NO_FONT_HAS);
        VBox box = new VBox(8, emoji, tofu);
        Scene scene = new Scene(box, 300, 200);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        box.getStyleClass().add("root");
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void anEmojiInATitle_isDrawnAsAGlyph_notAsTheMissingBox() throws Exception {
        ResizedWindow.settle();
        onFx(() -> {
            Image e = emoji.snapshot(null, null);
            Image t = tofu.snapshot(null, null);
            assertTrue(differ(e, t), "🛒 is drawn as the same box as an unassigned code point");
            return null;
        });
    }

    @Test
    void hebrewThenArabicInATitle_readRightToLeftInTheRowAndInQuickAdd() throws Exception {
        MainView view = window.view;
        onFx(() -> {
            view.viewModel().select(Listing.of(Listing.BuiltIn.INBOX));
            return null;
        });
        TestWindow.waitFor(() -> view.itemList().getItems().stream().anyMatch(i -> i.title().equals(MIXED)));
        onFx(() -> {
            TextField quickAdd = (TextField) view.lookup("#quick-add");
            quickAdd.setText(MIXED);
            return null;
        });
        ResizedWindow.settle();
        onFx(() -> {
            Text row = drawn(view.itemList());
            Text typed = drawn(view.lookup("#quick-add"));
            assertTrue(row != null && typed != null, "the title is drawn in the row: " + (row != null) + ", in quick add: " + (typed != null));
            for (Text t : new Text[] {row, typed}) {
                Bounds latin = range(t, 3, 8);
                Bounds hebrew = range(t, 9, 14);
                Bounds arabic = range(t, 15, 18);
                assertTrue(latin.getWidth() > 0 && hebrew.getWidth() > 0 && arabic.getWidth() > 0, "a word has no width in " + t);
                assertTrue(latin.getMaxX() <= arabic.getMinX() + 0.5, "'Party' spans x " + latin.getMinX() + "–" + latin.getMaxX()
                        + ", not left of the right-to-left run at " + arabic.getMinX());
                assertTrue(hebrew.getMinX() >= arabic.getMaxX() - 0.5, "the Hebrew word spans x " + hebrew.getMinX() + "–"
                        + hebrew.getMaxX() + " and the Arabic " + arabic.getMinX() + "–" + arabic.getMaxX() + ": not right to left");
            }
            return null;
        });
    }

    /** The text node under {@code n} that draws {@link #MIXED}. */
    private static Text drawn(Node n) {
        if (n instanceof Text t && MIXED.equals(t.getText())) {
            return t;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Text t = drawn(c);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Where characters {@code from} to {@code to} of {@code t} are drawn, in its own coordinates. */
    private static Bounds range(Text t, int from, int to) {
        javafx.scene.shape.Path p = new javafx.scene.shape.Path(t.rangeShape(from, to));
        return p.getLayoutBounds();
    }

    private static boolean differ(Image a, Image b) {
        if ((int) a.getWidth() != (int) b.getWidth() || (int) a.getHeight() != (int) b.getHeight()) {
            return true;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}

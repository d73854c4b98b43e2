package dev.tandem.app.view;

import static dev.tandem.app.testing.TestWindow.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Titles in scripts beyond Latin render as glyphs in the app's font: an emoji is drawn (from the emoji font the
 * app depends on, see INSTALL.md), not the box a character no font has gets.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScriptsUiTest {
    /** Unassigned in Unicode: no font has it, so it is drawn as the missing-glyph box. */
    static final String NO_FONT_HAS = "\u0378";
    private Stage stage;
    private Label emoji;
    private Label tofu;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        emoji = new Label("\uD83D\uDED2");
        tofu = new Label(NO_FONT_HAS);
        VBox box = new VBox(8, emoji, tofu);
        Scene scene = new Scene(box, 300, 200);
        scene.getStylesheets().setAll(dev.tandem.ui.Theme.LIGHT.stylesheets());
        box.getStyleClass().add("root");
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
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

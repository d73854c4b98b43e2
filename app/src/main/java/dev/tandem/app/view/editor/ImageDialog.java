package dev.tandem.app.view.editor;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.ui.Styles;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * An attached image at its full size, scrolling where it is larger than the screen leaves room for.
 * Its view-model is the image itself: nothing here changes anything.
 */
final class ImageDialog extends TandemDialog<Image, Void> {
    ImageDialog(Window owner, Image image, String name, List<String> stylesheets) {
        super(owner, image, stylesheets, "image-dialog", name, 0);
        getDialogPane().getStyleClass().add(Styles.IMAGE_VIEWER);
        setResizable(true);
        ImageView view = new ImageView(image);
        view.setAccessibleText(name);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scroll.setPrefViewportWidth(Math.min(image.getWidth(), screen.getWidth() * 0.8));
        scroll.setPrefViewportHeight(Math.min(image.getHeight(), screen.getHeight() * 0.7));
        getDialogPane().setPrefWidth(-1);
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().add(Forms.closeButton());
    }
}

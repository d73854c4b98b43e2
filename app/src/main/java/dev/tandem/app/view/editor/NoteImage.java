package dev.tandem.app.view.editor;

import dev.tandem.app.view.Icons;
import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.attachment.ImageState;
import dev.tandem.app.vm.attachment.InlineImage;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * An attached image in a rendered note: a placeholder while its bytes are looked up or downloaded (or
 * why it cannot be shown), then the image, decoded in the background, scaled down to the room the note
 * has (never wider, never enlarged) and, in a short notes box, to the box's height, so that it shows whole;
 * a click opens it full size ({@link ImageDialog}).
 */
final class NoteImage extends StackPane {
    private final ObservableDoubleValue room;
    private final ObservableDoubleValue tallest;
    private final Images images;

    /** {@code room}: the widest it may be; {@code tallest}: the highest, so that it shows whole. */
    NoteImage(InlineImage image, ObservableDoubleValue room, ObservableDoubleValue tallest, Images images) {
        this.room = room;
        this.tallest = tallest;
        this.images = images;
        getStyleClass().add(Styles.NOTE_ATTACHMENT_IMAGE);
        // Never wider than the note: the image view's own width is what the room allows.
        setMinWidth(0);
        image.stateProperty().addListener((o, a, s) -> show(s));
        show(image.state());
    }

    private void show(ImageState s) {
        if (!s.isReady()) {
            placeholder(s.phase(), s.text(), s.name());
            return;
        }
        Image img = images.get(s.url());
        if (img.getProgress() >= 1 && !img.isError()) {
            showImage(img, s.name());
            return;
        }
        placeholder(ImageState.Phase.LOADING, Messages.text("editor.image.loading"), s.name());
        Runnable done = () -> {
            if (img.isError()) {
                placeholder(ImageState.Phase.FAILED, img.getException() == null
                        ? Messages.text("editor.image.notReadable")
                        : Messages.text("editor.image.cannotShow", img.getException().getMessage()), s.name());
            } else if (img.getProgress() >= 1) {
                showImage(img, s.name());
            }
        };
        img.progressProperty().addListener((o, a, p) -> done.run());
        img.errorProperty().addListener((o, a, e) -> done.run());
    }

    private void showImage(Image img, String name) {
        ImageView view = new ImageView(img);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // The width that keeps it within the note's width and its box's height, its proportions kept.
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(1, Math.min(img.getWidth(),
                Math.min(room.get(), img.getHeight() <= 0 ? room.get() : tallest.get() * img.getWidth() / img.getHeight()))),
                room, tallest));
        view.setCursor(Cursor.HAND);
        view.setAccessibleText(name);
        Tooltip.install(view, new Tooltip(Messages.text("editor.image.tip", name)));
        view.setOnMouseClicked(e -> {
            if (getScene() != null) {
                new ImageDialog(getScene().getWindow(), img, name, List.copyOf(getScene().getStylesheets())).show();
            }
        });
        getChildren().setAll(view);
    }

    private void placeholder(ImageState.Phase phase, String text, String name) {
        Label l = new Label(name + ": " + text, Icons.of(switch (phase) {
            case LOADING -> MaterialDesignD.DOWNLOAD_OUTLINE;
            case MISSING -> MaterialDesignI.IMAGE_OFF_OUTLINE;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
            case READY -> MaterialDesignI.IMAGE_OUTLINE;
        }, 16));
        l.getStyleClass().add(Styles.NOTE_IMAGE_PLACEHOLDER);
        l.setWrapText(true);
        l.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(1, room.get()), room));
        l.pseudoClassStateChanged(PseudoStates.ERROR, phase == ImageState.Phase.FAILED);
        getChildren().setAll(l);
    }

    /** The images decoded for one note view, by address, so a re-rendered note does not decode them again. */
    static final class Images {
        private static final int KEEP = 24;
        private final Map<String, Image> byUrl = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                return size() > KEEP;
            }
        };

        /** Decoded in the background ({@code new Image(url, true)}): the FX thread never waits for a file. */
        Image get(String url) {
            return byUrl.computeIfAbsent(url, u -> new Image(u, true));
        }
    }
}

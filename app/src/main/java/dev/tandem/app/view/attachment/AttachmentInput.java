package dev.tandem.app.view.attachment;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.attachment.PastedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;

/**
 * Files and images coming in from outside: dropped files (on the editor, on a row of the list) and an
 * image or files pasted with Ctrl+V. What to do with them is the view-model's; this only reads the
 * clipboard or the dragboard and says which node takes a drop ({@code :drop-target} meanwhile).
 */
public final class AttachmentInput {
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private AttachmentInput() {
    }

    /**
     * Files dropped on {@code target} go to {@code onFiles}, while {@code accepts} says the target takes
     * them now (an item is shown, the row is not in the Trash). The drop is consumed, so the window's
     * own drop (an import) does not see it.
     */
    public static void acceptDrops(Node target, Predicate<DragEvent> accepts, Consumer<List<Path>> onFiles) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && accepts.test(e)) {
                e.acceptTransferModes(TransferMode.COPY);
                target.pseudoClassStateChanged(PseudoStates.DROP_TARGET, true);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED_TARGET, e -> target.pseudoClassStateChanged(PseudoStates.DROP_TARGET, false));
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (e.getDragboard().hasFiles() && accepts.test(e)) {
                target.pseudoClassStateChanged(PseudoStates.DROP_TARGET, false);
                onFiles.accept(files(e.getDragboard().getFiles()));
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /**
     * Ctrl+V anywhere in {@code target} with an image or files on the clipboard (and no text: text pastes
     * as text): the image goes to {@code onImage}, the files to {@code onFiles}, instead of the field's
     * own paste.
     */
    public static void acceptPaste(Node target, Consumer<PastedImage> onImage, Consumer<List<Path>> onFiles) {
        target.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!PASTE.match(e)) {
                return;
            }
            Clipboard cb = Clipboard.getSystemClipboard();
            if (cb.hasString()) {
                return;
            }
            if (cb.hasFiles()) {
                e.consume();
                onFiles.accept(files(cb.getFiles()));
            } else if (cb.hasImage()) {
                Optional<PastedImage> image = pixels(cb.getImage());
                if (image.isPresent()) {
                    e.consume();
                    onImage.accept(image.get());
                }
            }
        });
    }

    /** An image's pixels, read on the FX thread (the image belongs to it); empty when it has none yet. */
    static Optional<PastedImage> pixels(Image image) {
        if (image == null || image.isError() || image.getProgress() < 1) {
            return Optional.empty();
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        if (w <= 0 || h <= 0 || reader == null) {
            return Optional.empty();
        }
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return Optional.of(new PastedImage(w, h, argb));
    }

    private static List<Path> files(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}

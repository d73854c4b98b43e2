package dev.tandem.app.view;

import dev.tandem.app.fx.FxExecutor;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The window's list side and its editor side. The editor's side is in the split only while it has something to
 * show ({@code wanted}: a todo open, several selected, never the conflicts view): with nothing selected the list,
 * the agenda or the calendar gets the whole width.
 *
 * <p>Ordering: the side comes in at once when asked for by the keyboard, but after the mouse button is released
 * when a press selected a row (the list never narrows under the pointer in the middle of a click or a drag); it
 * goes only when it is still unwanted after the event that asked (going from one todo to the next may pass
 * through "nothing selected"), so it never flickers.
 *
 * <p>The divider keeps the proportion last chosen by dragging it (at first {@link MainView#EDITOR_DIVIDER}). A
 * narrower window clamps it to the sides' least widths; a wider one gets the chosen proportion back, not the
 * clamped one, so a window made narrow and wide again looks as it did.
 */
final class EditorSplit {
    private final SplitPane split;
    private final Node editor;
    private final ObservableBooleanValue wanted;
    private double chosen;
    private boolean mouseDown;
    private boolean placeOnRelease;
    private boolean dragging;

    EditorSplit(SplitPane split, Node editor, ObservableBooleanValue wanted, double divider) {
        this.split = split;
        this.editor = editor;
        this.wanted = wanted;
        this.chosen = divider;
        wanted.addListener((o, a, w) -> {
            if (w && mouseDown) {
                placeOnRelease = true;
            } else if (w) {
                place();
            } else {
                FxExecutor.INSTANCE.later(this::place);
            }
        });
        // Before the split lays itself out at its new width (its own way adds or takes half of each change on
        // either side, so a window made narrow and wide again left the editor wider than before).
        split.widthProperty().addListener((o, a, b) -> {
            if (shown() && !dragging) {
                split.setDividerPositions(clamped(b.doubleValue()));
            }
        });
        place();
    }

    /** Follows the mouse in {@code scene}: presses that select a row, and drags of the divider. */
    void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            mouseDown = true;
            dragging = onDivider(e.getTarget());
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            mouseDown = false;
            if (dragging && shown()) {
                chosen = split.getDividerPositions()[0];
            }
            dragging = false;
            if (placeOnRelease) {
                placeOnRelease = false;
                FxExecutor.INSTANCE.later(this::place);
            }
        });
    }

    /** The chosen proportion at split width {@code width}, moved as little as keeps both sides at their least widths. */
    private double clamped(double width) {
        double divider = split.lookup(".split-pane-divider") instanceof Region d ? d.getWidth() : 0;
        double room = width - divider;
        if (room <= 0) {
            return chosen;
        }
        double list = split.getItems().get(0).minWidth(-1);
        double side = editor.minWidth(-1);
        double least = list / width;
        double most = (width - divider - side) / width;
        return least > most ? chosen : Math.max(least, Math.min(most, chosen));
    }

    private boolean shown() {
        return split.getItems().contains(editor);
    }

    private void place() {
        if (wanted.get() && !shown()) {
            split.getItems().add(editor);
            split.setDividerPositions(chosen);
        } else if (!wanted.get() && shown()) {
            split.getItems().remove(editor);
        }
    }

    private static boolean onDivider(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }
}

package dev.tandem.app.view.calendar;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.DataFormat;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Dragging a todo on a calendar grid with the mouse: the node follows the pointer (translated, not
 * re-laid out) and on release the grid is told by how much it moved and where, in scene coordinates; a
 * press and release in place is a click. Plain mouse events rather than the platform's drag and drop, so
 * the drag stays within the grid and needs no dragboard. Todos dragged in from the item list do use
 * drag and drop: {@link #ITEM} carries their id and title.
 */
public final class CalendarDrag {
    /** A todo dragged from the item list: "id\ntitle". */
    public static final DataFormat ITEM = new DataFormat("application/x-tandem-item");
    /** Below this many pixels a press and release is a click, not a drag. */
    private static final double SLOP = 4;

    /** Where the drag ended: by how much the node moved, and the release point in the scene. */
    record Drop(double dx, double dy, Point2D scene) {
    }

    private CalendarDrag() {
    }

    /** Makes {@code node} draggable: {@code onDrop} after a drag, {@code onClick} (with its click count) after a click. */
    static void install(Node node, Consumer<Drop> onDrop, BiConsumer<MouseEvent, Integer> onClick) {
        install(node, d -> { }, onDrop, onClick);
    }

    /**
     * As {@link #install(Node, Consumer, BiConsumer)}, and {@code onMove} at each move of the pointer while it drags
     * (where it is now, as a drop there would be told): the week shows the free time under it.
     */
    static void install(Node node, Consumer<Drop> onMove, Consumer<Drop> onDrop, BiConsumer<MouseEvent, Integer> onClick) {
        double[] start = new double[2];
        boolean[] dragging = {false};
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                start[0] = e.getSceneX();
                start[1] = e.getSceneY();
                dragging[0] = false;
                e.consume();
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getSceneX() - start[0];
            double dy = e.getSceneY() - start[1];
            if (!dragging[0] && Math.hypot(dx, dy) >= SLOP) {
                dragging[0] = true;
                node.getStyleClass().add("drag-ghost");
                node.toFront();
            }
            if (dragging[0]) {
                node.setTranslateX(dx);
                node.setTranslateY(dy);
                onMove.accept(new Drop(dx, dy, new Point2D(e.getSceneX(), e.getSceneY())));
            }
            e.consume();
        });
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double dx = e.getSceneX() - start[0];
            double dy = e.getSceneY() - start[1];
            node.setTranslateX(0);
            node.setTranslateY(0);
            node.getStyleClass().remove("drag-ghost");
            if (dragging[0]) {
                dragging[0] = false;
                onDrop.accept(new Drop(dx, dy, new Point2D(e.getSceneX(), e.getSceneY())));
            } else {
                onClick.accept(e, e.getClickCount());
            }
            e.consume();
        });
    }
}

package dev.tandem.app.view;

import dev.tandem.app.vm.outline.OutlineDrop;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Reordering the rows of a list view with the mouse: press a row, drag it over another and release. The
 * row under the pointer shows where the dragged one would go ({@code :drop-above}, {@code :drop-into},
 * {@code :drop-below}); near the list's top or bottom edge the list scrolls. Plain mouse events rather
 * than the platform's drag and drop, as in {@link dev.tandem.app.view.calendar.CalendarDrag}: the drag never leaves the list, needs no
 * dragboard, and a press and release in place stays a click.
 */
final class RowDrag<T> {
    static final PseudoClass ABOVE = PseudoClass.getPseudoClass("drop-above");
    static final PseudoClass INTO = PseudoClass.getPseudoClass("drop-into");
    static final PseudoClass BELOW = PseudoClass.getPseudoClass("drop-below");
    /** A row being dragged. */
    static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("dragged");
    private static final double SLOP = 5;

    /** Carries out a drop: the dragged row's index, the index of the row it was dropped on (the size: below all), where on it. */
    interface Drop {
        void drop(int from, int at, OutlineDrop.Zone zone);
    }

    private final ListView<T> list;
    private final Predicate<T> draggable;
    /** Whether a row (dragged, target) can take the dragged one as a child: its middle then means "into". */
    private final BiPredicate<T, T> into;
    private final Drop drop;
    private double pressX;
    private double pressY;
    private int from = -1;
    private boolean dragging;
    private ListCell<?> marked;

    RowDrag(ListView<T> list, Predicate<T> draggable, BiPredicate<T, T> into, Drop drop) {
        this.list = list;
        this.draggable = draggable;
        this.into = into;
        this.drop = drop;
    }

    /** Makes {@code cell}'s row draggable (when {@code draggable} says so) and a place to drop. */
    void install(ListCell<T> cell) {
        cell.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = false;
            from = -1;
            if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty() && cell.getItem() != null
                    && draggable.test(cell.getItem())) {
                from = cell.getIndex();
                pressX = e.getSceneX();
                pressY = e.getSceneY();
            }
        });
        cell.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (from < 0) {
                return;
            }
            if (!dragging && Math.hypot(e.getSceneX() - pressX, e.getSceneY() - pressY) < SLOP) {
                return;
            }
            dragging = true;
            cell.pseudoClassStateChanged(DRAGGED, true);
            autoScroll(e.getSceneY());
            mark(e.getSceneX(), e.getSceneY());
            e.consume();
        });
        cell.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            cell.pseudoClassStateChanged(DRAGGED, false);
            if (!dragging || from < 0) {
                from = -1;
                return;
            }
            dragging = false;
            Target t = targetAt(e.getSceneX(), e.getSceneY());
            unmark();
            int source = from;
            from = -1;
            if (t != null) {
                drop.drop(source, t.index(), t.zone());
            }
            e.consume();
        });
    }

    private record Target(ListCell<?> cell, int index, OutlineDrop.Zone zone) {
    }

    /** The row under the scene point and where on it; below the last row: the rows' count. */
    private Target targetAt(double x, double y) {
        T dragged = from >= 0 && from < list.getItems().size() ? list.getItems().get(from) : null;
        if (dragged == null) {
            return null;
        }
        ListCell<?> lowest = null;
        for (Node n : list.lookupAll(".list-cell")) {
            if (!(n instanceof ListCell<?> c) || !c.isVisible() || c.getParent() == null) {
                continue;
            }
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (y >= b.getMinY() && y < b.getMaxY()) {
                if (c.isEmpty() || c.getIndex() >= list.getItems().size()) {
                    return new Target(c, list.getItems().size(), OutlineDrop.Zone.BELOW);
                }
                @SuppressWarnings("unchecked")
                T row = (T) c.getItem();
                boolean canInto = row != null && into.test(dragged, row);
                return new Target(c, c.getIndex(), OutlineDrop.Zone.at(y - b.getMinY(), b.getHeight(), canInto));
            }
            if (!c.isEmpty() && (lowest == null || c.getIndex() > lowest.getIndex())) {
                lowest = c;
            }
        }
        Bounds lb = list.localToScene(list.getLayoutBounds());
        return y >= lb.getMaxY() || (lowest != null && y > lowest.localToScene(lowest.getLayoutBounds()).getMaxY())
                ? new Target(null, list.getItems().size(), OutlineDrop.Zone.BELOW) : null;
    }

    private void mark(double x, double y) {
        Target t = targetAt(x, y);
        ListCell<?> c = t == null ? null : t.cell();
        if (c != marked) {
            unmark();
            marked = c;
        }
        if (c != null) {
            c.pseudoClassStateChanged(ABOVE, t.zone() == OutlineDrop.Zone.ABOVE);
            c.pseudoClassStateChanged(INTO, t.zone() == OutlineDrop.Zone.INTO);
            c.pseudoClassStateChanged(BELOW, t.zone() == OutlineDrop.Zone.BELOW);
        }
    }

    private void unmark() {
        if (marked != null) {
            marked.pseudoClassStateChanged(ABOVE, false);
            marked.pseudoClassStateChanged(INTO, false);
            marked.pseudoClassStateChanged(BELOW, false);
            marked = null;
        }
    }

    /** Near the list's top or bottom edge, one row further that way. */
    private void autoScroll(double sceneY) {
        Bounds b = list.localToScene(list.getLayoutBounds());
        double edge = Math.min(24, b.getHeight() / 6);
        ScrollBar bar = (ScrollBar) list.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s
                        && s.getOrientation() == Orientation.VERTICAL).findFirst().orElse(null);
        if (bar == null || !bar.isVisible()) {
            return;
        }
        if (sceneY < b.getMinY() + edge) {
            bar.decrement();
        } else if (sceneY > b.getMaxY() - edge) {
            bar.increment();
        }
    }
}

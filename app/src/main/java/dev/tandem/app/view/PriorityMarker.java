package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import javafx.scene.layout.Region;

/**
 * The bar at a row's edge that shows its priority through a style class. The class changes only when the
 * priority does: the cell shows row after row, and a class taken off and put back restyles the node for nothing.
 */
public final class PriorityMarker extends Region {
    /** The priority whose style class the marker has; 0 for none. */
    private int marked;

    public PriorityMarker() {
        getStyleClass().add(Styles.PRIORITY_MARKER);
    }

    /** Shows {@code priority} (0: none). */
    public void show(int priority) {
        if (marked == priority) {
            return;
        }
        if (marked > 0) {
            getStyleClass().remove(Styles.priority(marked));
        }
        if (priority > 0) {
            getStyleClass().add(Styles.priority(priority));
        }
        marked = priority;
    }
}

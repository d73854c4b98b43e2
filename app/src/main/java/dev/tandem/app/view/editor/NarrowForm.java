package dev.tandem.app.view.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;

/**
 * A two-column form (names in column 0, fields in column 1) whose names go above their fields while the room it
 * is given is too narrow for the names' column beside fields of a usable width: beside a 240 px editor the name
 * column would leave a date field too little room to show "Mon 30 Nov 2026" whole.
 *
 * <p>The choice follows the room its container gives (the editor's width), never the grid's own width: laid out
 * side by side the grid is at least as wide as its names plus its fields' least widths, so a window made narrower
 * would leave it wide and overflowing (its left edge cut) for good. Each node's place in the wide arrangement is
 * remembered when the narrow one is first taken, so switching back and forth never drifts; row r's name lands on
 * row 2r and its field on 2r + 1, both across the two columns (a node already across both keeps to the field's
 * row).
 */
final class NarrowForm {
    private NarrowForm() {
    }

    /**
     * Stacks {@code grid}'s names above their fields while {@code room} (the width its container gives it) is less
     * than its widest name, the gap and {@code fieldRoom}; checked again whenever one of {@code triggers} changes.
     */
    static void stackWhile(GridPane grid, DoubleSupplier room, double fieldRoom, Observable... triggers) {
        Map<Node, int[]> wide = new HashMap<>();
        boolean[] stacked = {false};
        Runnable check = () -> {
            double r = room.getAsDouble();
            if (r <= 0) {
                return;
            }
            double names = 0;
            for (Node n : grid.getChildren()) {
                int[] at = place(wide, n);
                if (at[0] == 0 && at[2] == 1 && n.isManaged()) {
                    names = Math.max(names, n.prefWidth(-1));
                }
            }
            boolean narrow = r < names + grid.getHgap() + fieldRoom;
            if (narrow == stacked[0]) {
                return;
            }
            stacked[0] = narrow;
            for (Node n : grid.getChildren()) {
                int[] at = place(wide, n);
                if (narrow) {
                    boolean name = at[0] == 0 && at[2] == 1;
                    GridPane.setConstraints(n, 0, 2 * at[1] + (name ? 0 : 1), 2, 1);
                } else {
                    GridPane.setConstraints(n, at[0], at[1], at[2], 1);
                }
            }
        };
        grid.widthProperty().addListener(o -> check.run());
        for (Observable t : triggers) {
            t.addListener(o -> check.run());
        }
    }

    /** Where {@code n} sits in the wide arrangement: column, row, column span. */
    private static int[] place(Map<Node, int[]> wide, Node n) {
        return wide.computeIfAbsent(n, k -> new int[] {index(GridPane.getColumnIndex(k)), index(GridPane.getRowIndex(k)),
            GridPane.getColumnSpan(k) == null ? 1 : GridPane.getColumnSpan(k)});
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }
}

package dev.tandem.app.view.editor;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;

/**
 * A two-column form (names in column 0, fields in column 1) whose names go above their fields while it is
 * narrow: beside a 240 px editor the name column would leave a date field too little room to show
 * "Mon 30 Nov 2026" whole. Each node's place in the wide arrangement is remembered when the narrow one is
 * first taken, so switching back and forth never drifts; row r's name lands on row 2r and its field on 2r + 1,
 * both across the two columns (a node already across both keeps to the field's row).
 */
final class NarrowForm {
    private NarrowForm() {
    }

    /** Stacks {@code grid}'s names above their fields while it is narrower than {@code below} px. */
    static void stackBelow(GridPane grid, double below) {
        Map<Node, int[]> wide = new HashMap<>();
        boolean[] stacked = {false};
        grid.widthProperty().addListener((o, a, w) -> {
            boolean narrow = w.doubleValue() > 0 && w.doubleValue() < below;
            if (narrow == stacked[0]) {
                return;
            }
            stacked[0] = narrow;
            for (Node n : grid.getChildren()) {
                int[] at = wide.computeIfAbsent(n, k -> new int[] {index(GridPane.getColumnIndex(k)), index(GridPane.getRowIndex(k)),
                        GridPane.getColumnSpan(k) == null ? 1 : GridPane.getColumnSpan(k)});
                if (narrow) {
                    boolean name = at[0] == 0 && at[2] == 1;
                    GridPane.setConstraints(n, 0, 2 * at[1] + (name ? 0 : 1), 2, 1);
                } else {
                    GridPane.setConstraints(n, at[0], at[1], at[2], 1);
                }
            }
        });
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }
}

package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * A row's line of details under its title (due date, list, repeat rule, tags), for a list cell that shows row after
 * row. Where the row is too narrow for them in one line (a list beside the editor at 760 px) they go on a second
 * line, each whole, rather than each shortened to "…"; one longer than the row alone is shortened. The cell names the nodes the row wants between {@link #clear} and {@link #show}; the line's children change
 * only when those differ from what it holds, since a node put back is styled from scratch. Tag labels are kept for
 * the next rows: a row with n tags shows the first n.
 */
public final class DetailsLine {
    private final FlowPane box = new FlowPane(10, 1);
    private final List<Label> tagLabels = new ArrayList<>();
    private final List<Node> wanted = new ArrayList<>();

    public DetailsLine() {
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(0);
        // Wrapped at the width the row gives it, not at the flow's default.
        box.prefWrapLengthProperty().bind(box.widthProperty());
    }

    /** The line's node, to lay out in the cell. */
    public FlowPane node() {
        return box;
    }

    /** Starts the next row's details. */
    public void clear() {
        wanted.clear();
    }

    /** Adds one of the cell's own nodes, in the order it is to show. */
    public void add(Node n) {
        fitWithin(n);
        wanted.add(n);
    }

    /** A label longer than the whole row is shortened to it (in a flow, a child is otherwise as wide as it likes). */
    private void fitWithin(Node n) {
        if (n instanceof Label l && !l.maxWidthProperty().isBound()) {
            l.maxWidthProperty().bind(box.widthProperty());
        }
    }

    /** Adds a label "@tag" for each tag. */
    public void addTags(List<String> tags) {
        int t = 0;
        for (String tag : tags) {
            if (t == tagLabels.size()) {
                Label l = new Label();
                l.getStyleClass().add(Styles.ITEM_TAG);
                fitWithin(l);
                tagLabels.add(l);
            }
            Label l = tagLabels.get(t++);
            l.setText("@" + tag);
            wanted.add(l);
        }
    }

    /** Shows what was added since {@link #clear}; a line with nothing takes no room. */
    public void show() {
        if (!box.getChildren().equals(wanted)) {
            box.getChildren().setAll(wanted);
        }
        box.setVisible(!wanted.isEmpty());
        box.setManaged(!wanted.isEmpty());
    }
}

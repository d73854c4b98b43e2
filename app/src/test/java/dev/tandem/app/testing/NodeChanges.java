package dev.tandem.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

/**
 * The nodes of a subtree and the changes made to it that make JavaFX style nodes anew: children added or
 * removed, style classes changed. A labeled control's graphic counts as below it even before a skin puts it
 * among its children (a cell outside a window has none); the children of a labeled control are its skin's, which
 * puts its text back whenever the text changes, and are not counted.
 */
public final class NodeChanges {
    private NodeChanges() {
    }

    /** {@code root} and every node below it, graphics included; on the FX thread. */
    public static List<Node> all(Node root) {
        List<Node> into = new ArrayList<>();
        collect(root, into);
        return into;
    }

    private static void collect(Node n, List<Node> into) {
        if (into.contains(n)) {
            return;
        }
        into.add(n);
        if (n instanceof Labeled l && l.getGraphic() != null) {
            collect(l.getGraphic(), into);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }

    /** Counts from now on every change to the children and style classes of {@code root}'s nodes; on the FX thread. */
    public static AtomicInteger watch(Node root) {
        AtomicInteger changes = new AtomicInteger();
        ListChangeListener<Object> count = c -> changes.incrementAndGet();
        for (Node n : all(root)) {
            n.getStyleClass().addListener(count);
            if (n instanceof Parent p && !(n instanceof Labeled)) {
                p.getChildrenUnmodifiable().addListener(count);
            }
        }
        return changes;
    }
}

package dev.tandem.app.view;

import java.util.List;
import javafx.scene.Node;

/**
 * Style classes set only when that changes something. A list's cells are updated for every row they show and
 * every row the list measures; each change to a node's style classes makes JavaFX match it against every
 * selector of the stylesheets anew, so taking a class off and putting it back costs a full restyle for nothing.
 */
public final class StyleClasses {
    private StyleClasses() {
    }

    /** Puts {@code styleClass} on {@code node} or takes it off, only when it is not already so. */
    public static void set(Node node, String styleClass, boolean on) {
        List<String> classes = node.getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }
}

package dev.tandem.app.view.quickadd;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * A text field's prompt that shortens with the field: the longest of several prompts that fits
 * whole, so a narrow window shows "Add a todo (Ctrl+N)" instead of an example cut mid-word.
 */
final class FittingPrompt {
    private FittingPrompt() {
    }

    /** Keeps {@code field}'s prompt at the first of {@code longestFirst} that fits its width. */
    static void apply(TextField field, List<String> longestFirst) {
        Runnable fit = () -> field.setPromptText(fitting(field, longestFirst));
        field.widthProperty().addListener((o, a, b) -> fit.run());
        field.fontProperty().addListener((o, a, b) -> fit.run());
        fit.run();
    }

    private static String fitting(TextField field, List<String> longestFirst) {
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        if (field instanceof CustomTextField c) {
            room -= width(c.getLeft()) + width(c.getRight());
        }
        if (field.getWidth() <= 0) {
            return longestFirst.get(0);
        }
        Text probe = new Text();
        probe.setFont(field.getFont());
        for (String prompt : longestFirst) {
            probe.setText(prompt);
            if (probe.getLayoutBounds().getWidth() <= room) {
                return prompt;
            }
        }
        return longestFirst.get(longestFirst.size() - 1);
    }

    private static double width(Node n) {
        return n == null ? 0 : n.prefWidth(-1) + 8;
    }
}

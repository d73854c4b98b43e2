package dev.tandem.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * A text field's prompt that shortens with the field: the longest of several prompts that fits
 * whole, so a narrow window shows "Add a todo (Ctrl+N)" instead of an example cut mid-word.
 */
public final class FittingPrompt {
    private FittingPrompt() {
    }

    /** Keeps {@code field}'s prompt at the first of {@code longestFirst} that fits its width. */
    public static void apply(TextField field, List<String> longestFirst) {
        Runnable fit = () -> field.setPromptText(fitting(field, longestFirst));
        field.widthProperty().addListener((o, a, b) -> fit.run());
        field.fontProperty().addListener((o, a, b) -> fit.run());
        fit.run();
    }

    /**
     * Keeps a date picker's prompt at the first of {@code longestFirst} that fits its text field ("Pas de date de
     * début" in a wide editor, "Sans début" in a narrow one). The picker's field shows the picker's prompt.
     */
    public static void apply(DatePicker picker, List<String> longestFirst) {
        TextField field = picker.getEditor();
        Runnable fit = () -> picker.setPromptText(fitting(field, longestFirst));
        field.widthProperty().addListener((o, a, b) -> fit.run());
        field.fontProperty().addListener((o, a, b) -> fit.run());
        fit.run();
    }

    /**
     * Keeps {@code field}'s prompt at {@code examples} ("14:00, 2pm": examples of what the field reads, separated
     * by ", ") while it fits, else at its first example alone ("14:00").
     */
    public static void examples(TextField field, String examples) {
        int comma = examples.indexOf(", ");
        apply(field, comma < 0 ? List.of(examples) : List.of(examples, examples.substring(0, comma)));
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

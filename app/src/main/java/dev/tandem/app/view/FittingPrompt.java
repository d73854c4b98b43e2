package dev.tandem.app.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
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
     * Keeps the date {@code picker} shows whole: its minimum width follows the shown text ("Mi., 30. Sept. 2026"),
     * so a narrow window or a scroll bar that comes and goes takes the room from what can shrink, never from the date.
     */
    public static void keepDateWhole(DatePicker picker) {
        TextField field = picker.getEditor();
        Runnable fit = () -> {
            String text = field.getText() == null ? "" : field.getText();
            if (text.isEmpty()) {
                picker.setMinWidth(Region.USE_COMPUTED_SIZE);
                return;
            }
            Text probe = new Text(text);
            probe.setFont(field.getFont());
            // The arrow button beside the field: its width once laid out, else modena's.
            double arrow = picker.getWidth() > field.getWidth() && field.getWidth() > 0
                    ? picker.getWidth() - field.getWidth() : 28;
            picker.setMinWidth(Math.ceil(probe.getLayoutBounds().getWidth() + field.snappedLeftInset()
                    + field.snappedRightInset() + arrow + 4));
        };
        field.textProperty().addListener((o, a, b) -> fit.run());
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

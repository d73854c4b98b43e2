package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Pieces of the app's forms. */
final class Forms {
    private Forms() {
    }

    /** A two-column form: labels at least 100 px wide, then the fields, which take the rest. */
    static GridPane form() {
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.FORM);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(100);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        return g;
    }

    /** A text field with id {@code field-NAME}, bound both ways to {@code value}; {@code onLeave} runs when it loses focus. */
    static TextField textField(String name, String prompt, StringProperty value, Runnable onLeave) {
        TextField t = new TextField();
        t.setId("field-" + name);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        t.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                onLeave.run();
            }
        });
        return t;
    }
}

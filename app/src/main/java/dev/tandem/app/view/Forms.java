package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Pieces of the app's forms. */
public final class Forms {
    private Forms() {
    }

    /** A two-column form: labels at least 100 px wide, then the fields, which take the rest. */
    public static GridPane form() {
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
    public static TextField textField(String name, String prompt, StringProperty value, Runnable onLeave) {
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

    /** A password field with id {@code id}, named for screen readers by its prompt, bound both ways to {@code value}. */
    public static PasswordField password(String id, String prompt, StringProperty value) {
        PasswordField p = bound(new PasswordField(), id, prompt, value);
        p.setAccessibleText(prompt);
        return p;
    }

    /** {@code field} with id {@code id} and {@code prompt}, bound both ways to {@code value}. */
    public static <T extends TextInputControl> T bound(T field, String id, String prompt, StringProperty value) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A field's name, in the form's label column. */
    public static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.FORM_LABEL);
        return l;
    }

    /** A row of {@code g}: the label, then the field, which takes the rest of the width; returns the next row. */
    public static int row(GridPane g, int r, String label, Node field) {
        Label l = label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(field);
        g.add(l, 0, r);
        g.add(field, 1, r);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return r + 1;
    }

    /** Text that wraps, taking the lines it needs. */
    public static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A quieter line that explains. */
    public static Label hint(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add(Styles.HINT);
        return l;
    }

    /** {@code n} is shown, and takes room, only while {@code when} holds. */
    public static void showOnly(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }

    /** A button (id {@code id}) that runs {@code command}, disabled while {@code busy} holds. */
    public static Button action(String id, String text, Runnable command, ObservableBooleanValue busy) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> command.run());
        b.disableProperty().bind(busy);
        return b;
    }

    /** "Close" in Tandem's language: JavaFX's own {@code ButtonType.CLOSE} speaks the system's. */
    public static ButtonType closeButton() {
        return new ButtonType(Messages.text("editor.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** "Copy" (id {@code id}): puts {@code field}'s text on the clipboard. */
    public static Button copyButton(String id, TextField field) {
        Button copy = new Button(Messages.text("editor.copy"));
        copy.setId(id);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(field.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        return copy;
    }
}

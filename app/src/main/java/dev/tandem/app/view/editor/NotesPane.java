package dev.tandem.app.view.editor;

import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.editor.NotesViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The editor's notes: a header (NOTES, the checklist's progress, the rendered/text toggle) over either the
 * rendered Markdown ({@link NoteView}) or the text area, and a line saying why a tick or a link did nothing.
 */
final class NotesPane extends VBox {
    private final NotesViewModel vm;
    private final TextArea text;
    private final NoteView rendered;

    /** {@code textBar} says which part of a long note the text area holds ({@link NoteTextParts}). */
    NotesPane(NotesViewModel vm, TextArea text, Node textBar, Label heading) {
        this.vm = vm;
        this.text = text;
        this.rendered = new NoteView(vm);

        Label progress = new Label();
        progress.setId("notes-progress");
        progress.getStyleClass().add(Styles.CHECKLIST_PROGRESS);
        progress.setGraphic(Icons.of(MaterialDesignC.CHECKBOX_MARKED_OUTLINE, 13));
        progress.textProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.progressProperty().isNotEmpty());
        progress.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> Messages.text("editor.notes.progress", vm.progressProperty().get()), vm.progressProperty()));

        Button toggle = new Button();
        toggle.setId("notes-toggle");
        toggle.getStyleClass().add(Styles.BUTTON_FLAT);
        toggle.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        toggle.setTooltip(tip);
        toggle.setOnAction(e -> toggle());
        Runnable label = () -> {
            boolean on = vm.renderedProperty().get();
            toggle.setGraphic(Icons.of(on ? MaterialDesignP.PENCIL_OUTLINE : MaterialDesignE.EYE_OUTLINE, 15));
            toggle.setText(Messages.text(on ? "editor.notes.edit" : "editor.notes.preview"));
            String says = Messages.text(on ? "editor.notes.toText" : "editor.notes.toRendered");
            tip.setText(says);
            toggle.setAccessibleText(says);
        };
        vm.renderedProperty().addListener((o, a, b) -> label.run());
        label.run();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(heading, spacer, progress, toggle);
        header.getStyleClass().add(Styles.NOTES_HEADER);

        rendered.visibleProperty().bind(vm.renderedProperty());
        text.visibleProperty().bind(vm.renderedProperty().not());
        VBox asText = new VBox(4, textBar, text);
        VBox.setVgrow(text, Priority.ALWAYS);
        asText.visibleProperty().bind(vm.renderedProperty().not());
        StackPane body = new StackPane(asText, rendered);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label message = new Label();
        message.getStyleClass().add(Styles.HINT);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        setSpacing(6);
        getStyleClass().add(Styles.NOTES_PANE);
        getChildren().addAll(header, body, message);
        heading.setLabelFor(text);
    }

    /** The toggle and Ctrl+Shift+M: rendered to text (the caret in the text) and back. */
    void toggle() {
        vm.toggle();
        if (!vm.renderedProperty().get()) {
            text.requestFocus();
        }
    }

    NoteView renderedView() {
        return rendered;
    }
}

package dev.tandem.app.view.quickadd;

import dev.tandem.app.view.FittingPrompt;
import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The quick-add field: bound both ways to the view-model's text, Enter adds, and its state (saving, failed)
 * shows through pseudo-classes. When quick add is given a parent ("Add a subtask…", Ctrl+Alt+N) the field
 * takes the focus for the title; Escape in the empty field goes back to top-level todos.
 */
public final class QuickAddField extends CustomTextField {
    public QuickAddField(QuickAddViewModel vm) {
        this(vm, List.of(
                Messages.text("main.quickAdd.prompt.long"),
                Messages.text("main.quickAdd.prompt.medium"),
                Messages.text("main.quickAdd.prompt.short"),
                Messages.text("main.quickAdd.prompt.shortest")));
    }

    /** As above, with {@code prompts}, longest first (the quick-add window's name no shortcut: none opens it there). */
    public QuickAddField(QuickAddViewModel vm, List<String> prompts) {
        setLeft(Icons.of(MaterialDesignP.PLUS, 17));
        setId("quick-add");
        getStyleClass().add(Styles.QUICK_ADD);
        FittingPrompt.apply(this, prompts);
        setAccessibleText(Messages.text("main.quickAdd.a11y"));
        textProperty().bindBidirectional(vm.textProperty());
        setOnAction(e -> vm.submit());
        vm.underProperty().addListener((o, a, under) -> {
            if (under != null) {
                requestFocus();
                end();
            }
        });
        // With text in the field, Escape keeps its usual meaning.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && getText().isEmpty() && vm.underProperty().get() != null) {
                vm.clearUnder();
                e.consume();
            }
        });
        vm.savingProperty().addListener((o, a, b) -> pseudoClassStateChanged(QuickAddStatusView.SAVING, b));
        vm.failureProperty().addListener((o, a, b) -> pseudoClassStateChanged(QuickAddStatusView.FAILED, !b.isEmpty()));
    }
}

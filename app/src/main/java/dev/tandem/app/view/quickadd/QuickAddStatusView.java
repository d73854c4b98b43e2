package dev.tandem.app.view.quickadd;

import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The line under quick add for a save that is slow ("Adding “Buy milk”…", shown only after a
 * moment, so a normal add never moves the list) or that failed: the reason, Retry and Dismiss. It
 * stays until the save lands or the user acts; the text stays in the field all along.
 */
public final class QuickAddStatusView extends HBox {
    static final PseudoClass SAVING = PseudoClass.getPseudoClass("saving");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** A save that takes longer than this is shown as under way. */
    private static final Duration SLOW = Duration.millis(400);

    private final BooleanProperty slow = new SimpleBooleanProperty(false);

    public QuickAddStatusView(QuickAddViewModel vm, Runnable backToField) {
        setId("quick-add-status");
        getStyleClass().add(Styles.QUICK_ADD_STATUS);
        Label said = new Label();
        said.setId("quick-add-status-text");
        said.setWrapText(true);
        said.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(said, Priority.ALWAYS);
        said.setMaxWidth(Double.MAX_VALUE);
        said.textProperty().bind(Bindings.when(vm.failureProperty().isNotEmpty()).then(vm.failureProperty())
                .otherwise(Bindings.createStringBinding(() -> Messages.text("main.quickAdd.adding", vm.textProperty().get()),
                        vm.textProperty())));
        Button retry = new Button(Messages.text("main.quickAdd.retry"));
        retry.setId("quick-add-retry");
        retry.setOnAction(e -> {
            vm.retry();
            backToField.run();
        });
        Button dismiss = new Button(Messages.text("main.quickAdd.dismiss"));
        dismiss.setId("quick-add-dismiss");
        dismiss.setOnAction(e -> {
            vm.dismissFailure();
            backToField.run();
        });
        for (Button b : new Button[] {retry, dismiss}) {
            b.visibleProperty().bind(vm.failureProperty().isNotEmpty());
            b.managedProperty().bind(b.visibleProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(said, retry, dismiss);

        PauseTransition wait = new PauseTransition(SLOW);
        wait.setOnFinished(e -> slow.set(vm.savingProperty().get()));
        vm.savingProperty().addListener((o, was, now) -> {
            slow.set(false);
            if (now) {
                wait.playFromStart();
            } else {
                wait.stop();
            }
        });
        visibleProperty().bind(vm.failureProperty().isNotEmpty().or(slow));
        managedProperty().bind(visibleProperty());
        slow.addListener((o, a, b) -> pseudoClassStateChanged(SAVING, b));
        vm.failureProperty().addListener((o, a, b) -> pseudoClassStateChanged(FAILED, !b.isEmpty()));
    }
}

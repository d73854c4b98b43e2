package dev.tandem.app.view;

import dev.tandem.app.vm.MainViewModel;
import dev.tandem.ui.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The line under quick add: the chips of what quick add understood while the user types, and otherwise what
 * quick add and the commands said ("Added …", "Type a title first …") for a few seconds, with its link when it has
 * one ("Show Family"). The line keeps the height of a row of chips or of a line of text, whichever is taller, while
 * it shows nothing: neither a message nor a chip moves the list below it.
 */
final class QuickAddLine extends StackPane {
    /** How long a message stays. */
    private static final Duration SHOWN = Duration.seconds(6);

    QuickAddLine(MainViewModel vm, QuickAddTokensView chips) {
        setId("quick-add-line");
        setAlignment(Pos.TOP_LEFT);
        Label said = new Label();
        said.setId("quick-add-message");
        said.getStyleClass().addAll(Styles.HINT, "quick-add-message");
        said.setWrapText(true);
        // Never empty: an empty label has no line's height, and the line would grow when a message arrives.
        said.textProperty().bind(Bindings.when(vm.messageProperty().isEmpty()).then("\u00a0").otherwise(vm.messageProperty()));
        said.setVisible(false);
        PauseTransition fade = new PauseTransition(SHOWN);
        fade.setOnFinished(e -> said.setVisible(false));
        vm.messageProperty().addListener((o, a, b) -> {
            said.setVisible(!b.isEmpty());
            fade.playFromStart();
        });
        Hyperlink follow = new Hyperlink();
        follow.setId("quick-add-message-link");
        follow.textProperty().bind(vm.commands().messageActionProperty());
        follow.visibleProperty().bind(vm.commands().messageActionProperty().isNotEmpty());
        follow.managedProperty().bind(follow.visibleProperty());
        follow.setOnAction(e -> vm.commands().followMessage());
        follow.setMinWidth(Region.USE_PREF_SIZE);
        HBox message = new HBox(6, said, follow);
        message.setAlignment(Pos.BASELINE_LEFT);
        // The chips, while there are any, have the line: the last message does not show through them.
        message.visibleProperty().bind(said.visibleProperty().and(chips.visibleProperty().not()));
        getChildren().addAll(chips.sampleRow(), message, chips);
        managedProperty().bind(vm.chrome().quickAddShownProperty());
    }
}

package dev.tandem.app.view.quickadd;

import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.ui.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The line under quick add: the chips of what quick add understood while the user types, and otherwise what
 * quick add and the commands said ("Added …", "Type a title first …") for a few seconds, with its link when it has
 * one ("Show Family"). The line keeps the height of a row of chips or of a line of text, whichever is taller, while
 * it shows nothing: neither a message nor a chip moves the list below it.
 */
public final class QuickAddLine extends StackPane {
    /** How long a message stays. */
    private static final Duration SHOWN = Duration.seconds(6);
    /** The most lines a message takes. */
    static final int MAX_LINES = 3;

    public QuickAddLine(MainViewModel vm, QuickAddTokensView chips) {
        setId("quick-add-line");
        setAlignment(Pos.TOP_LEFT);
        Label said = new Label() {
            // Every layout asks the clamped height, whatever its alignment (a baseline row asks the pref height).
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), getMaxHeight());
            }
        };
        said.setId("quick-add-message");
        said.getStyleClass().addAll(Styles.HINT, "quick-add-message");
        said.setWrapText(true);
        // At most MAX_LINES lines, the last one ending in "…": a long message never pushes the list down the window.
        said.fontProperty().addListener((o, a, f) -> clamp(said));
        clamp(said);
        // Never empty: an empty label has no line's height, and the line would grow when a message arrives.
        // Hidden, it holds that one line again, so the line shrinks back when a long message goes.
        said.textProperty().bind(Bindings.when(vm.messageProperty().isEmpty().or(said.visibleProperty().not()))
                .then("\u00a0").otherwise(vm.messageProperty()));
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
        // Only beside its message: a hidden link would still hold the line's height.
        follow.visibleProperty().bind(vm.commands().messageActionProperty().isNotEmpty().and(said.visibleProperty()));
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

    /** The label's height capped at {@link #MAX_LINES} lines of its font (JavaFX then ends the last one in "…"). */
    private static void clamp(Label said) {
        Text probe = new Text("Xg");
        probe.setFont(said.getFont());
        double line = probe.getLayoutBounds().getHeight() + said.getLineSpacing();
        Insets in = said.getInsets();
        said.setMaxHeight(Math.ceil(MAX_LINES * line + in.getTop() + in.getBottom()));
    }
}

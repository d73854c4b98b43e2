package dev.tandem.app.view.quickadd;

import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Under the quick-add field: one chip per piece of the text quick add understood ("Due: Tomorrow",
 * "Repeats: every Monday", "p2", "@home", "#Garden", "Reminder 9:00"), in typing order. A chip's "×"
 * reads its words as title text instead. Hidden, and taking no room, when nothing was understood. The
 * chips wrap onto a second line rather than shrink when the field is narrow.
 */
public final class QuickAddTokensView extends FlowPane {
    private final QuickAddViewModel vm;
    private final Runnable afterTreat;

    /**
     * @param shown whether quick add itself is shown
     * @param afterTreat run after a chip's "×", e.g. to give the field its focus back
     */
    public QuickAddTokensView(QuickAddViewModel vm, ObservableBooleanValue shown, Runnable afterTreat) {
        this.vm = vm;
        this.afterTreat = afterTreat;
        setId("quick-add-tokens");
        getStyleClass().add(Styles.QUICK_ADD_TOKENS);
        visibleProperty().bind(Bindings.isNotEmpty(vm.chips()).and(shown));
        managedProperty().bind(visibleProperty());
        vm.chips().addListener((ListChangeListener<QuickAddViewModel.Chip>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(vm.chips().stream().map(this::chip).toList());
    }

    /**
     * An invisible row of one chip, styled as this view: it keeps the height one row of chips takes, so the line
     * under quick add has that room before any chip shows (see {@link QuickAddLine}).
     */
    FlowPane sampleRow() {
        FlowPane row = new FlowPane(chip(new QuickAddViewModel.Chip("p2", "priority", "", -1)));
        row.getStyleClass().add(Styles.QUICK_ADD_TOKENS);
        row.setVisible(false);
        row.setMouseTransparent(true);
        return row;
    }

    private HBox chip(QuickAddViewModel.Chip c) {
        String label = c.label();
        Label text = new Label(label);
        text.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = new Button("×");
        remove.getStyleClass().setAll(Styles.QUICK_ADD_TOKEN_REMOVE);
        String treat = c.treatDescription();
        remove.setAccessibleText(treat);
        remove.setTooltip(new Tooltip(treat));
        remove.setOnAction(e -> {
            vm.treatAsText(c.index());
            afterTreat.run();
        });
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox chip = new HBox(text, remove);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.getStyleClass().addAll(Styles.QUICK_ADD_TOKEN,
                Styles.QUICK_ADD_TOKEN + "-" + c.kind());
        chip.setAccessibleText(label);
        return chip;
    }
}

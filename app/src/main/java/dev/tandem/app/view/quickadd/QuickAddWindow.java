package dev.tandem.app.view.quickadd;

import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.view.Forms;
import dev.tandem.app.vm.quickadd.QuickAddWindowViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The quick-add window a keyboard shortcut opens ({@code tandem add --window}): the main window's quick-add field
 * and its chips, nothing else, over the other windows. Enter adds; the window closes once the save landed. Escape
 * closes without adding. A failed save keeps the text, with the reason under it.
 */
public final class QuickAddWindow {
    static final double WIDTH = 560;
    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final QuickAddField field;

    public QuickAddWindow(QuickAddWindowViewModel vm, List<String> stylesheets) {
        field = new QuickAddField(vm.quickAdd(), List.of(Messages.text("main.quickAdd.windowPrompt.long"),
                Messages.text("main.quickAdd.windowPrompt.short")));
        QuickAddTokensView chips = new QuickAddTokensView(vm.quickAdd(), stage.showingProperty(), field::requestFocus);
        Label why = Forms.wrapped("");
        why.setId("quick-add-window-error");
        why.getStyleClass().add(Styles.FIELD_ERROR);
        why.textProperty().bind(Bindings.when(vm.quickAdd().failureProperty().isEmpty())
                .then(vm.problemProperty()).otherwise(vm.quickAdd().failureProperty()));
        Forms.showOnly(why, why.textProperty().isNotEmpty());
        VBox box = new VBox(8, field, chips, why);
        box.setPadding(new Insets(14));
        box.setPrefWidth(WIDTH);
        Scene scene = new Scene(box);
        scene.getStylesheets().setAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                vm.cancel();
            }
        });
        stage.setScene(scene);
        // The window is as high as what it shows: chips or a reason appearing under the field make it grow
        // (a window sized once to the field alone cut them off), and shrink again when they go.
        box.heightProperty().addListener((o, a, b) -> refit(box));
        chips.visibleProperty().addListener((o, a, b) -> refit(box));
        why.visibleProperty().addListener((o, a, b) -> refit(box));
        stage.setTitle(Messages.text("cli.quickAddWindow.title"));
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        vm.doneProperty().addListener((o, a, done) -> {
            if (done) {
                stage.hide();
            }
        });
    }

    /** On the next pulse, once laid out: the window to the height its content asks for. */
    private void refit(VBox box) {
        FxExecutor.INSTANCE.later(() -> {
            double wanted = box.prefHeight(box.getWidth());
            if (stage.isShowing() && Math.abs(wanted - box.getHeight()) > 0.5) {
                stage.sizeToScene();
            }
        });
    }

    /** Shows the window with the field focused; {@code ready} runs once the first frame with it was shown. */
    public void show(Runnable ready) {
        stage.show();
        stage.requestFocus();
        field.requestFocus();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The pulse after the one that laid the window out has rendered it.
                if (++frames >= 2) {
                    stop();
                    ready.run();
                }
            }
        }.start();
    }

    /** The window, for the caller to wait until it is hidden. */
    public Stage stage() {
        return stage;
    }
}

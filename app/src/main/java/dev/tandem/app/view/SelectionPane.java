package dev.tandem.app.view;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

/**
 * The editor's side while several todos are selected: how many, and the actions that apply to all
 * of them as one undo step (the same as the selection's context menu), so the editor never seems to
 * edit only the last one clicked.
 */
final class SelectionPane extends VBox {
    SelectionPane(MainViewModel vm, Supplier<List<ItemRow>> rows) {
        setId("selection-pane");
        getStyleClass().addAll(Styles.EDITOR, "selection-pane");
        setSpacing(12);
        setAlignment(Pos.TOP_LEFT);
        Label count = new Label();
        count.setId("selection-count");
        count.getStyleClass().add(Styles.TITLE);
        count.textProperty().bind(Bindings.createStringBinding(() -> MainViewModel.selectionText(
                vm.selectionCountProperty().get()), vm.selectionCountProperty()));
        Label how = new Label(Messages.text("main.selection.hint"));
        how.setWrapText(true);
        how.getStyleClass().add(Styles.HINT);
        getChildren().addAll(count, how);
        // Rebuilt for each selection size, as the menu's words name the count.
        vm.selectionCountProperty().addListener((o, a, n) -> actions(vm, rows, n.intValue()));
        visibleProperty().bind(vm.selectionCountProperty().greaterThan(1));
        managedProperty().bind(visibleProperty());
        // Above the editor's form, which joins the editor's side later, when first needed.
        visibleProperty().addListener((o, a, shown) -> {
            if (shown) {
                toFront();
            }
        });
    }

    private void actions(MainViewModel vm, Supplier<List<ItemRow>> rows, int n) {
        getChildren().remove(2, getChildren().size());
        if (n < 2) {
            return;
        }
        ContextMenu menu = BulkMenu.create(vm, n, rows);
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                MenuButton b = new MenuButton(sub.getText());
                b.getItems().setAll(sub.getItems());
                b.setMaxWidth(Double.MAX_VALUE);
                getChildren().add(b);
            } else {
                Button b = new Button(item.getText());
                b.setOnAction(e -> item.fire());
                b.setMaxWidth(Double.MAX_VALUE);
                getChildren().add(b);
            }
        }
        getChildren().get(2).setId("selection-complete");
        getChildren().get(getChildren().size() - 1).setId("selection-trash");
    }
}

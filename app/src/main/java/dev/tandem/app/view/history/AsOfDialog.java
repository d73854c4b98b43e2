package dev.tandem.app.view.history;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.history.AsOfViewModel.ItemRow;
import dev.tandem.app.vm.history.AsOfViewModel.ListRow;
import dev.tandem.app.vm.history.AsOfViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Show as of…": a date and a time, then every list as it stood then, read-only: the lists on the
 * left, the chosen list's items on the right, each saying how it stands now; "Restore this item" and
 * "Restore this list" bring them back as new edits. Its state is an {@link AsOfViewModel}; this
 * class lays out and binds.
 */
public final class AsOfDialog extends TandemDialog<AsOfViewModel, Void> {
    public AsOfDialog(Window owner, AsOfViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "as-of-dialog", Messages.text("editor.asOf.title"), 860);
        setHeaderText(Messages.text("editor.asOf.header"));
        getDialogPane().getButtonTypes().add(Forms.closeButton());

        DatePicker date = new DatePicker();
        date.setId("as-of-date");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        // Written as the app writes dates ("Tue 24 Nov 2026"), not the system's short format.
        date.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return vm.formatDate(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return vm.parseDate(s);
            }
        });
        TextField time = new TextField();
        time.setId("as-of-time");
        time.setPrefColumnCount(5);
        time.setPromptText(Messages.text("editor.asOf.time.prompt"));
        time.textProperty().bindBidirectional(vm.timeProperty());
        time.setOnAction(e -> vm.show());
        Button show = Forms.action("as-of-show", Messages.text("editor.asOf.show"), vm::show, vm.busyProperty());
        show.setDefaultButton(true);
        HBox when = new HBox(8, Forms.label(Messages.text("editor.asOf.date")), date,
                Forms.label(Messages.text("editor.asOf.time")), time, show);
        when.getStyleClass().add(Styles.FORM);

        ListView<ListRow> lists = new ListView<>(vm.lists());
        lists.setId("as-of-lists");
        lists.setPrefWidth(230);
        lists.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ListRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : Messages.text(
                        r.goneNow() ? "editor.asOf.listRowGone" : "editor.asOf.listRow", r.name(), r.count()));
            }
        });
        lists.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.selected()) {
                vm.select(r);
            }
        });
        // The list shown is the one selected, whoever chose it.
        vm.items().addListener((ListChangeListener<ItemRow>) c -> {
            if (vm.selected() != null && lists.getSelectionModel().getSelectedItem() != vm.selected()) {
                lists.getSelectionModel().select(vm.selected());
            }
        });
        ListView<ItemRow> items = new ListView<>(vm.items());
        items.setId("as-of-items");
        items.setPlaceholder(new Label(Messages.text("editor.asOf.noItems")));
        items.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ItemRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(r.text() + "\n" + r.state());
            }
        });
        HBox.setHgrow(items, Priority.ALWAYS);

        Button restoreItem = new Button(Messages.text("editor.asOf.restoreItem"));
        restoreItem.setId("as-of-restore-item");
        restoreItem.setOnAction(e -> vm.restoreItem(items.getSelectionModel().getSelectedItem()));
        restoreItem.disableProperty().bind(items.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        Button restoreList = new Button(Messages.text("editor.asOf.restoreList"));
        restoreList.setId("as-of-restore-list");
        restoreList.setOnAction(e -> vm.restoreList());
        restoreList.disableProperty().bind(lists.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()).or(vm.profileProperty().isNull()));
        HBox actions = new HBox(8, restoreItem, restoreList);

        VBox box = new VBox(10, when, new HBox(12, lists, items), actions, messageLine("as-of-message", vm));
        getDialogPane().setContent(box);
        // Opened, it shows the lists as they stood then, the window's list chosen.
        vm.show();
    }
}

package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.DevicesViewModel.Row;
import dev.tandem.app.vm.settings.DevicesViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Devices": the devices syncing with this profile's remote, each with when it was last seen, and
 * "Forget" for one gone for good, after asking (on an encrypted remote, with the choice to rotate the key too). Its state is a {@link DevicesViewModel}; this class
 * lays out and binds. The rows scroll in a box of their own, so the dialog fits a small screen.
 */
public final class DevicesDialog extends TandemDialog<DevicesViewModel, Void> {
    private final VBox list = new VBox(2);

    public DevicesDialog(Window owner, DevicesViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "devices-dialog", Messages.text("settings.devices.title"), 520);
        setHeaderText(Messages.text("settings.devices.header"));
        closeButton();
        getDialogPane().setContent(content());
        vm.rows().addListener((ListChangeListener<Row>) c -> render());
        render();
        vm.load();
    }

    private Node content() {
        Label help = Forms.wrapped(DevicesViewModel.help());
        help.getStyleClass().add(Styles.SUBTITLE);
        ScrollPane rows = new ScrollPane(list);
        rows.setId("devices-list");
        rows.setFitToWidth(true);
        rows.setPrefViewportHeight(220);
        rows.setMaxHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(10, help, rows, messageLine("devices-message", vm));
        box.setFillWidth(true);
        return box;
    }

    private void render() {
        list.getChildren().clear();
        for (Row r : vm.rows()) {
            Label name = Forms.label(r.name());
            name.setMinWidth(0);
            Label tag = new Label(r.thisDevice() ? Messages.text("settings.devices.thisDevice")
                    : r.retired() ? Messages.text("settings.devices.retired") : "");
            tag.getStyleClass().add(Styles.SUBTITLE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label seen = new Label(r.seen());
            seen.getStyleClass().add(Styles.SUBTITLE);
            HBox row = new HBox(8, name, tag, gap, seen);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(Styles.DEVICE_ROW);
            if (r.forgettable()) {
                Button forget = new Button(Messages.text("settings.devices.forget"));
                forget.setId("forget-" + r.id());
                forget.disableProperty().bind(vm.busyProperty());
                forget.setOnAction(e -> confirm(r));
                row.getChildren().add(forget);
            }
            list.getChildren().add(row);
        }
    }

    private void confirm(Row r) {
        ButtonType ok = new ButtonType(Messages.text("settings.devices.forget.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", cancelType(), ok);
        Label text = Forms.wrapped(DevicesViewModel.forgetText(r.name()));
        CheckBox rotate = new CheckBox(DevicesViewModel.rotateChoice());
        rotate.setId("devices-forget-rotate");
        rotate.setWrapText(true);
        VBox content = new VBox(10, text);
        if (vm.offersRotation()) {
            content.getChildren().add(rotate);
        }
        alert.getDialogPane().setContent(content);
        Alert ask = question(alert, getDialogPane().getScene().getWindow(), getDialogPane().getStylesheets(),
                Messages.text("settings.devices.forget.title", r.name()));
        ask.showAndWait().filter(b -> b == ok).ifPresent(b -> vm.forget(r, rotate.isSelected()));
    }
}

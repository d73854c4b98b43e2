package dev.tandem.app.view.settings;

import static dev.tandem.app.view.Forms.form;
import static dev.tandem.app.view.Forms.hint;
import static dev.tandem.app.view.Forms.row;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.CalDavViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Phone and CalDAV task lists": the account, which lists go on the server (a connected list
 * unticked and applied is disconnected alone), Test connection, Connect (Apply once connected)
 * and Disconnect. Its state is a {@link CalDavViewModel}; this class only lays out and
 * binds. The lists scroll inside a box of their own, so a profile with many lists keeps the
 * dialog on a small screen.
 */
public final class CalDavDialog extends TandemDialog<CalDavViewModel, Void> {
    private final VBox choices = new VBox(4);

    public CalDavDialog(Window owner, CalDavViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "caldav-dialog", Messages.text("settings.caldav.title"), 560);
        getDialogPane().getStyleClass().add("caldav-dialog");
        Button close = closeButton();
        getDialogPane().setContent(content());
        close.disableProperty().bind(vm.busyProperty());
        vm.lists().addListener((ListChangeListener<CalDavViewModel.ListChoice>) c -> renderChoices());
        vm.messageProperty().addListener((o, a, b) -> fit());
        setOnHidden(e -> vm.close());
        renderChoices();
        vm.load();
    }

    private Node content() {
        Label help = hint(CalDavViewModel.help());
        help.setId("caldav-help");

        GridPane account = form();
        int r = 0;
        r = row(account, r, Messages.text("settings.caldav.url.label"), Forms.bound(new TextField(), "caldav-url",
                Messages.text("settings.caldav.url.prompt"), vm.urlProperty()));
        r = row(account, r, Messages.text("settings.caldav.user.label"), Forms.bound(new TextField(), "caldav-user",
                "", vm.userProperty()));
        PasswordField password = Forms.bound(new PasswordField(), "caldav-password",
                Messages.text("settings.caldav.password.prompt"), vm.passwordProperty());
        row(account, r, Messages.text("settings.caldav.password.label"), password);
        vm.connectedProperty().addListener((o, a, on) -> password.setPromptText(Messages.text(on
                ? "settings.caldav.password.saved" : "settings.caldav.password.prompt")));

        Label listsLabel = Forms.label(Messages.text("settings.caldav.lists.label"));
        ScrollPane listBox = new ScrollPane(choices);
        listBox.setId("caldav-lists");
        listBox.getStyleClass().add("caldav-lists");
        listBox.setFitToWidth(true);
        listBox.setPrefViewportHeight(150);
        listBox.setMaxHeight(Region.USE_PREF_SIZE);
        Label listsHint = hint("");
        listsHint.setId("caldav-lists-hint");
        listsHint.textProperty().bind(Bindings.when(vm.connectedProperty())
                .then(CalDavViewModel.listsHint()).otherwise(CalDavViewModel.listsHintNew()));
        listsHint.textProperty().addListener((o, a, b) -> fit());

        Label privacy = Forms.wrapped(CalDavViewModel.privacy());
        privacy.setId("caldav-privacy");
        privacy.getStyleClass().add(Styles.WARNING_NOTE);

        Button test = action("caldav-test", Messages.text("settings.caldav.test"), vm::testConnection);
        Button connect = action("caldav-connect", Messages.text("settings.caldav.connect"), vm::connect);
        connect.textProperty().bind(Bindings.when(vm.connectedProperty())
                .then(Messages.text("settings.caldav.apply")).otherwise(Messages.text("settings.caldav.connect")));
        Button disconnect = action("caldav-disconnect", Messages.text("settings.caldav.disconnect"), vm::disconnect);
        Forms.showOnly(disconnect, vm.connectedProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, test, connect, disconnect, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = messageLine("caldav-message", vm);
        Label status = hint("");
        status.setId("caldav-status");
        status.textProperty().bind(vm.statusProperty());

        VBox box = new VBox(10, help, account, listsLabel, listBox, listsHint, privacy, buttons, message, status);
        box.getStyleClass().add("caldav-content");
        return box;
    }

    private void renderChoices() {
        choices.getChildren().clear();
        for (CalDavViewModel.ListChoice c : vm.lists()) {
            CheckBox box = new CheckBox(c.name());
            box.setId("caldav-list-" + (c.listId().isEmpty() ? "inbox" : c.listId()));
            box.selectedProperty().bindBidirectional(c.selected());
            box.getStyleClass().add("caldav-list");
            choices.getChildren().add(box);
        }
        if (vm.lists().isEmpty()) {
            choices.getChildren().add(hint(Messages.text("settings.caldav.lists.reading")));
        }
    }

    private Button action(String id, String text, Runnable command) {
        Button b = Forms.action(id, text, command, vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}

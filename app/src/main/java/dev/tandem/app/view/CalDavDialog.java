package dev.tandem.app.view;

import static dev.tandem.app.view.Forms.form;

import dev.tandem.app.vm.CalDavViewModel;
import dev.tandem.ui.Styles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Phone and CalDAV task lists": the account, which lists go on the server, Test connection,
 * Connect and Disconnect. Its state is a {@link CalDavViewModel}; this class only lays out and
 * binds. The lists scroll inside a box of their own, so a profile with many lists keeps the
 * dialog on a small screen.
 */
public final class CalDavDialog extends Dialog<Void> {
    private final CalDavViewModel vm;
    private final VBox choices = new VBox(4);

    public CalDavDialog(Window owner, CalDavViewModel vm, List<String> stylesheets) {
        this.vm = vm;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Phone and CalDAV task lists");
        setHeaderText("Phone and CalDAV task lists");
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().addAll(Styles.DIALOG, "caldav-dialog");
        getDialogPane().setId("caldav-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefWidth(560);
        getDialogPane().setContent(content());
        getDialogPane().lookupButton(ButtonType.CLOSE).disableProperty().bind(vm.busyProperty());
        vm.lists().addListener((ListChangeListener<CalDavViewModel.ListChoice>) c -> renderChoices());
        vm.messageProperty().addListener((o, a, b) -> fit());
        setOnHidden(e -> vm.close());
        renderChoices();
        vm.load();
    }

    private Node content() {
        Label help = hint(CalDavViewModel.HELP);
        help.setId("caldav-help");

        GridPane account = form();
        int r = 0;
        r = row(account, r, "Address", bind(new TextField(), "caldav-url",
                "https://cloud.example.com/remote.php/dav", vm.urlProperty()));
        r = row(account, r, "User", bind(new TextField(), "caldav-user", "", vm.userProperty()));
        PasswordField password = bind(new PasswordField(), "caldav-password", "For Nextcloud: an app password",
                vm.passwordProperty());
        row(account, r, "Password", password);
        vm.connectedProperty().addListener((o, a, on) -> password.setPromptText(on
                ? "Saved; type a new one to change it" : "For Nextcloud: an app password"));

        Label listsLabel = new Label("Lists on the server");
        listsLabel.getStyleClass().add("form-label");
        ScrollPane listBox = new ScrollPane(choices);
        listBox.setId("caldav-lists");
        listBox.getStyleClass().add("caldav-lists");
        listBox.setFitToWidth(true);
        listBox.setPrefViewportHeight(150);
        listBox.setMaxHeight(Region.USE_PREF_SIZE);
        Label listsHint = hint("Task lists made on the phone appear here by themselves. A connected list stays "
                + "connected until you disconnect the account.");

        Label privacy = new Label(CalDavViewModel.PRIVACY);
        privacy.setId("caldav-privacy");
        privacy.getStyleClass().add(Styles.WARNING_NOTE);
        privacy.setWrapText(true);
        privacy.setMinHeight(Region.USE_PREF_SIZE);

        Button test = action("caldav-test", "Test connection", vm::testConnection);
        Button connect = action("caldav-connect", "Connect", vm::connect);
        connect.textProperty().bind(javafx.beans.binding.Bindings.when(vm.connectedProperty())
                .then("Connect the chosen lists").otherwise("Connect"));
        Button disconnect = action("caldav-disconnect", "Disconnect", vm::disconnect);
        disconnect.visibleProperty().bind(vm.connectedProperty());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(10, test, connect, disconnect, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("caldav-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, a, error) -> {
            message.getStyleClass().remove(Styles.FIELD_ERROR);
            if (error) {
                message.getStyleClass().add(Styles.FIELD_ERROR);
            }
        });
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
            // Connected lists stay until the account is disconnected (the server would bring them back).
            box.setDisable(c.connected());
            box.getStyleClass().add("caldav-list");
            choices.getChildren().add(box);
        }
        if (vm.lists().isEmpty()) {
            choices.getChildren().add(hint("Reading the lists…"));
        }
    }

    private Button action(String id, String text, Runnable command) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> command.run());
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    private static <T extends TextInputControl> T bind(T field, String id, String prompt,
                                                      javafx.beans.property.StringProperty value) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static int row(GridPane g, int r, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(field);
        g.add(l, 0, r);
        g.add(field, 1, r);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return r + 1;
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.HINT);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A longer message adds lines: the window grows to show them, within the screen. */
    private void fit() {
        ScreenFit.refit(this);
    }
}

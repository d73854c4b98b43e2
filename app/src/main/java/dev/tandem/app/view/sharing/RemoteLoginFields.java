package dev.tandem.app.view.sharing;

import dev.tandem.app.view.Forms;
import dev.tandem.app.vm.sharing.RemoteLogin;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The sign-in rows of the Share and Join dialogs: user and password for a WebDAV remote, access key
 * and secret for S3; shown only for the kind the remote asks for, with a line saying when they were
 * filled in from the profile's own sync settings.
 */
final class RemoteLoginFields {
    private RemoteLoginFields() {
    }

    /**
     * Adds "Your name" (id {@code field-PREFIX-name}) and the sign-in rows to {@code form} from
     * {@code row} on; {@code fit} runs when the rows shown change. Returns the next free row.
     */
    static int addWithName(GridPane form, int row, StringProperty name, RemoteLogin login, String idPrefix,
                           Runnable fit) {
        form.addRow(row, new Label(Messages.text("settings.login.name.label")), Forms.textField(idPrefix + "-name",
                Messages.text("settings.login.name.prompt"), name, () -> { }));
        login.kindProperty().addListener((o, a, b) -> fit.run());
        return add(form, row + 1, login, idPrefix);
    }

    /** Adds the rows to {@code form} from {@code row} on; returns the next free row. */
    static int add(GridPane form, int row, RemoteLogin login, String idPrefix) {
        ObservableBooleanValue webDav = Bindings.equal(login.kindProperty(), "webdav");
        ObservableBooleanValue s3 = Bindings.equal(login.kindProperty(), "s3");
        row = pair(form, row, Messages.text("settings.login.user.label"), Forms.textField(idPrefix + "-user",
                Messages.text("settings.login.user.prompt"), login.userProperty(), () -> { }), webDav);
        row = pair(form, row, Messages.text("settings.login.password.label"), Forms.password(idPrefix + "-password",
                Messages.text("settings.login.password.prompt"), login.passwordProperty()), webDav);
        row = pair(form, row, Messages.text("settings.login.accessKey.label"), Forms.textField(idPrefix + "-access-key",
                Messages.text("settings.login.accessKey.prompt"), login.accessKeyProperty(), () -> { }), s3);
        row = pair(form, row, Messages.text("settings.login.secretKey.label"), Forms.password(idPrefix + "-secret-key",
                Messages.text("settings.login.secretKey.prompt"), login.secretKeyProperty()), s3);
        Label note = new Label();
        note.setId(idPrefix + "-login-note");
        note.getStyleClass().add(Styles.HINT);
        note.setWrapText(true);
        note.textProperty().bind(login.noteProperty());
        return pair(form, row, "", note, login.noteProperty().isNotEmpty());
    }

    private static int pair(GridPane form, int row, String label, Node field, ObservableBooleanValue shown) {
        Label l = new Label(label);
        form.addRow(row, l, field);
        Forms.showOnly(l, shown);
        Forms.showOnly(field, shown);
        return row + 1;
    }
}

package dev.tandem.app.view.sharing;

import static dev.tandem.app.view.Forms.showOnly;
import static dev.tandem.app.view.Forms.wrapped;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.sharing.JoinViewModel.State;
import dev.tandem.app.vm.sharing.JoinViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Join a shared list": the invite and the name to join as, then the fingerprint to read to the
 * person who invited, with "Check again". Its state is a {@link JoinViewModel}; this class lays out
 * and binds.
 */
public final class JoinDialog extends TandemDialog<JoinViewModel, Void> {
    public JoinDialog(Window owner, JoinViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "join-dialog", Messages.text("settings.join.title"), 560);
        closeButton();

        Label help = wrapped(JoinViewModel.help());
        TextArea code = new TextArea();
        code.setId("field-join-code");
        code.setPromptText("tandem-invite-2.…");
        code.setWrapText(true);
        code.setPrefRowCount(3);
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.editableProperty().bind(Bindings.equal(vm.stateProperty(), State.ENTER));
        GridPane form = Forms.form();
        form.addRow(0, new Label(Messages.text("settings.join.invite")), code);
        RemoteLoginFields.addWithName(form, 1, vm.nameProperty(), vm.login(), "join", this::fit);
        Button ask = new Button(Messages.text("settings.join.ask"));
        ask.setId("join-ask");
        ask.setDefaultButton(true);
        ask.disableProperty().bind(vm.busyProperty().or(Bindings.notEqual(vm.stateProperty(), State.ENTER)));
        ask.setOnAction(e -> vm.ask());
        Button check = new Button(Messages.text("settings.join.checkAgain"));
        check.setId("join-check");
        check.disableProperty().bind(vm.busyProperty().or(Bindings.notEqual(vm.stateProperty(), State.ASKED)));
        check.setOnAction(e -> vm.check());
        HBox actions = new HBox(8, check, ask);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label fp = wrapped("");
        fp.setId("join-fingerprint");
        fp.getStyleClass().add(Styles.RECOVERY_CODE);
        fp.textProperty().bind(vm.fingerprintProperty());
        VBox fpBox = new VBox(4, Forms.label(Messages.text("settings.join.fingerprint")), fp);
        showOnly(fpBox, vm.fingerprintProperty().isNotEmpty());

        CheckBox mine = new CheckBox(Messages.text("settings.join.mine"));
        mine.setId("join-into-existing");
        mine.selectedProperty().bindBidirectional(vm.intoExistingProperty());
        showOnly(mine, vm.existingProperty().isNotEmpty().and(Bindings.equal(vm.stateProperty(), State.ENTER)));
        getDialogPane().setContent(new VBox(12, help, form, actions, fpBox, messageLine("join-message", vm), mine));
        vm.stateProperty().addListener((o, a, b) -> fit());
    }
}

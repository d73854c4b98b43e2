package dev.tandem.app.view.settings;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.PhoneWebDialog;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.settings.AddPhoneViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Add a phone…": the join link's QR code, the link to copy and what it holds. State: {@link AddPhoneViewModel}. */
public final class AddPhoneDialog extends TandemDialog<AddPhoneViewModel, Void> {
    private static final double QR_SIZE = 260;

    public AddPhoneDialog(Window owner, AddPhoneViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "add-phone-dialog", Messages.text("settings.addPhone.title"), 520);
        closeButton();
        vm.make();
        Label help = Forms.wrapped(vm.help());
        help.setId("add-phone-help");
        help.getStyleClass().add(Styles.SUBTITLE);
        Canvas qr = new Canvas(QR_SIZE, QR_SIZE);
        qr.setId("add-phone-qr");
        qr.setAccessibleText(Messages.text("settings.addPhone.qr"));
        PhoneWebDialog.draw(qr, vm.qr());
        shown(qr, vm.qr() != null);
        TextField link = new TextField(vm.link());
        link.setId("add-phone-link");
        link.setEditable(false);
        link.setAccessibleText(Messages.text("settings.addPhone.link"));
        Label secret = Forms.wrapped(vm.secret());
        secret.setId("add-phone-secret");
        secret.getStyleClass().add(Styles.SUBTITLE);
        Label problem = Forms.wrapped(vm.problem());
        problem.setId("add-phone-problem");
        problem.getStyleClass().add(Styles.FIELD_ERROR);
        shown(problem, !vm.problem().isEmpty());
        getDialogPane().setContent(new VBox(12, help, qr, link, secret, problem));
    }

    private static void shown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}

package dev.tandem.app.view;

import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;

/**
 * What every Tandem dialog is: a view of one view-model, over its owner, titled, themed like the
 * window that opens it; and, for a view-model that reports back, the message line under the form,
 * which turns {@code :error} while the message is an error. Subclasses lay out and bind, nothing else.
 *
 * @param <M> the view-model shown
 * @param <R> what the dialog returns
 */
public abstract class TandemDialog<M, R> extends Dialog<R> {
    protected final M vm;

    /** Titled {@code title}; the pane gets id {@code id}, the dialog style and {@code stylesheets}. */
    protected TandemDialog(Window owner, M vm, List<String> stylesheets, String id, String title, double width) {
        this.vm = vm;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        setHeaderText(title);
        getDialogPane().getStylesheets().addAll(stylesheets);
        getDialogPane().getStyleClass().add(Styles.DIALOG);
        getDialogPane().setId(id);
        getDialogPane().setPrefWidth(width);
    }

    /**
     * Adds the dialog's Close button and returns it: the toolkit's {@code ButtonType.CLOSE} (so it is
     * found as ever), in Tandem's language rather than the toolkit's, which follows the system's.
     */
    protected final Button closeButton() {
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setText(Messages.text("settings.dialog.close"));
        return close;
    }

    /** A Cancel button's type, in Tandem's language (the toolkit's {@code ButtonType.CANCEL} speaks the system's). */
    protected static ButtonType cancelType() {
        return new ButtonType(Messages.text("settings.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    public M viewModel() {
        return vm;
    }

    /** The line saying what the last command did (id {@code id}); {@code :error} while it says why one failed. */
    public static Label messageLine(String id, HasFeedback model) {
        Label message = Forms.wrapped("");
        message.setId(id);
        message.getStyleClass().add(Styles.DIALOG_MESSAGE);
        message.textProperty().bind(model.messageProperty());
        PseudoStates.bind(message, PseudoStates.ERROR, model.errorProperty());
        return message;
    }

    /**
     * Dresses a question asked with the toolkit's own dialogs (a confirmation, a choice, a line of text) as
     * a Tandem dialog: over {@code owner}, titled, themed, named for screen readers, and with the app's
     * question icon where the toolkit puts its stock one. The icon is bound: the stock one comes from the
     * toolkit's stylesheet ({@code -fx-graphic}), which a bound graphic keeps out.
     */
    protected static <D extends Dialog<?>> D question(D d, Window owner, List<String> stylesheets, String title) {
        return asked(d, owner, stylesheets, title, Icons.QUESTION);
    }

    /**
     * As {@link #question}, for a question whose yes loses data: the warning icon, and the pane marked
     * {@code destructive} (tandem.css colours the icon and the confirming button as a warning); screen readers hear
     * it as a warning. The buttons are the caller's: {@link #cancelByDefault} then makes Cancel the default.
     */
    protected static <D extends Dialog<?>> D destructive(D d, Window owner, List<String> stylesheets, String title) {
        asked(d, owner, stylesheets, title, Icons.WARNING);
        DialogPane pane = d.getDialogPane();
        pane.getStyleClass().add(Styles.DESTRUCTIVE);
        pane.getGraphic().getStyleClass().add(Styles.DESTRUCTIVE);
        pane.setAccessibleText(Messages.text("settings.dialog.destructive", title));
        return d;
    }

    /**
     * In a question whose yes loses data: {@code confirm}'s button is marked {@code destructive} and is no default
     * button, and {@code cancel}'s is the default and has the keyboard when the dialog opens, so Enter answers
     * Cancel and only a deliberate choice destroys.
     */
    protected static void cancelByDefault(Dialog<?> d, ButtonType confirm, ButtonType cancel) {
        DialogPane pane = d.getDialogPane();
        Button yes = (Button) pane.lookupButton(confirm);
        Button no = (Button) pane.lookupButton(cancel);
        yes.setDefaultButton(false);
        yes.getStyleClass().add(Styles.DESTRUCTIVE);
        no.setDefaultButton(true);
        // Whichever button the toolkit focuses first, Space must not destroy either.
        d.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> no.requestFocus());
    }

    private static <D extends Dialog<?>> D asked(D d, Window owner, List<String> stylesheets, String title, Ikon ikon) {
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(title);
        DialogPane pane = d.getDialogPane();
        pane.getStylesheets().addAll(stylesheets);
        Node icon = Icons.of(ikon, 32);
        icon.getStyleClass().add(Styles.DIALOG_ICON);
        pane.graphicProperty().bind(new SimpleObjectProperty<>(icon));
        pane.setAccessibleRole(AccessibleRole.DIALOG);
        pane.setAccessibleText(title);
        return d;
    }

    /**
     * {@code form} in a pane that scrolls up and down (id {@code id}) when the screen is lower than the
     * form, so the button bar stays in view; the window fits the form again once shown, when it has its width.
     */
    protected final FormScroll scrolling(Node form, String id) {
        FormScroll scroll = new FormScroll(() -> {
            double pane = getDialogPane().getPrefWidth();
            Insets in = getDialogPane().getInsets();
            return pane - in.getLeft() - in.getRight();
        });
        scroll.setContent(form);
        scroll.setId(id);
        getDialogPane().sceneProperty().addListener((o, a, scene) -> scroll.followFocus(scene));
        addEventHandler(DialogEvent.DIALOG_SHOWN, e -> fit());
        return scroll;
    }

    /** The content changed (more lines, another part): the window follows it, within the screen. */
    protected void fit() {
        ScreenFit.refit(this);
    }
}

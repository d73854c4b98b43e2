package dev.tandem.app.view.attachment;

import dev.tandem.app.view.Icons;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.attachment.AttachmentRow;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignZ;

/**
 * The editor's attached files: a chip per file (icon, name, type and size) that opens it with the
 * system's application on a click, with "Open", "Save as…" and "Remove" in its menu; "Attach file…";
 * and the line saying why a file was not attached (too large: it names the limit).
 */
public final class AttachmentsPane extends VBox {
    private final AttachmentsViewModel vm;
    private final FlowPane chips = new FlowPane(6, 6);

    public AttachmentsPane(AttachmentsViewModel vm, Label heading) {
        this.vm = vm;
        setId("attachments");
        getStyleClass().add(Styles.ATTACHMENTS);
        heading.setGraphic(Icons.of(MaterialDesignP.PAPERCLIP, 13));
        Button attach = new Button(Messages.text("editor.attachments.attach"), Icons.of(MaterialDesignP.PAPERCLIP, 14));
        attach.setId("attach-file");
        attach.getStyleClass().add(Styles.BUTTON_FLAT);
        attach.setTooltip(new Tooltip(Messages.text("editor.attachments.attachTip")));
        attach.setOnAction(e -> vm.chooseAndAttach());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, heading, spacer, attach);
        head.setAlignment(Pos.CENTER_LEFT);
        // Where the heading and the words do not both fit (a narrow editor, a long language), the button keeps
        // its paperclip and drops the words, which its tooltip and accessible text still say, rather than cut them.
        attach.setAccessibleText(attach.getText());
        head.widthProperty().addListener((o, was, w) -> {
            attach.setContentDisplay(ContentDisplay.LEFT);
            attach.setContentDisplay(w.doubleValue() < head.prefWidth(-1) ? ContentDisplay.GRAPHIC_ONLY
                    : ContentDisplay.LEFT);
        });

        chips.setId("attachment-chips");
        chips.managedProperty().bind(chips.visibleProperty());
        vm.rows().addListener((ListChangeListener<AttachmentRow>) c -> showChips());
        showChips();

        Label message = TandemDialog.messageLine("attachments-message", vm);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        // What failed stays said until it is closed here (or the next command says something else).
        Button dismiss = new Button("", Icons.of(MaterialDesignC.CLOSE, 13));
        dismiss.setId("attachments-message-close");
        dismiss.getStyleClass().add(Styles.BUTTON_FLAT);
        dismiss.setAccessibleText(Messages.text("editor.attachments.closeMessage"));
        dismiss.setTooltip(new Tooltip(Messages.text("editor.attachments.closeMessage")));
        dismiss.setOnAction(e -> vm.dismissMessage());
        HBox messageRow = new HBox(4, message, dismiss);
        messageRow.setAlignment(Pos.TOP_LEFT);
        messageRow.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageRow.managedProperty().bind(messageRow.visibleProperty());
        setSpacing(6);
        getChildren().addAll(head, chips, messageRow);
    }

    private void showChips() {
        List<Node> made = new ArrayList<>();
        for (AttachmentRow r : vm.rows()) {
            made.add(chip(r));
        }
        chips.getChildren().setAll(made);
        chips.setVisible(!made.isEmpty());
    }

    /** A button, so a chip opens from the keyboard too (Space, Enter) and its menu from Shift+F10. */
    private Button chip(AttachmentRow r) {
        Label name = new Label(r.name());
        name.getStyleClass().add(Styles.ATTACHMENT_NAME);
        Label details = new Label(r.details());
        details.getStyleClass().add(Styles.ATTACHMENT_DETAILS);
        VBox text = new VBox(1, name, details);
        HBox body = new HBox(8, Icons.of(icon(r.kind()), 22), text);
        body.setAlignment(Pos.CENTER_LEFT);
        Button chip = new Button(null, body);
        chip.getStyleClass().add(Styles.ATTACHMENT_CHIP);
        chip.setUserData(r.id());
        chip.setMaxWidth(260);
        chip.setTooltip(new Tooltip(Messages.text("editor.attachments.chipTip", r.name(), r.details())));
        chip.setAccessibleText(Messages.text("editor.attachments.chipAccessible", r.name(), r.details()));
        chip.setOnAction(e -> vm.open(r));
        MenuItem open = new MenuItem(Messages.text("editor.attachments.open"));
        open.setOnAction(e -> vm.open(r));
        MenuItem saveAs = new MenuItem(Messages.text("editor.attachments.saveAs"));
        saveAs.setOnAction(e -> vm.saveAs(r));
        MenuItem remove = new MenuItem(Messages.text("editor.attachments.remove"),
                Icons.of(MaterialDesignD.DELETE_OUTLINE, 14));
        remove.setOnAction(e -> vm.remove(r));
        chip.setContextMenu(new ContextMenu(open, saveAs, new SeparatorMenuItem(), remove));
        return chip;
    }

    static Ikon icon(AttachmentRow.Kind kind) {
        return switch (kind) {
            case IMAGE -> MaterialDesignF.FILE_IMAGE_OUTLINE;
            case PDF -> MaterialDesignF.FILE_PDF_BOX;
            case TEXT -> MaterialDesignF.FILE_DOCUMENT_OUTLINE;
            case AUDIO -> MaterialDesignF.FILE_MUSIC_OUTLINE;
            case VIDEO -> MaterialDesignF.FILE_VIDEO_OUTLINE;
            case ARCHIVE -> MaterialDesignZ.ZIP_BOX_OUTLINE;
            case DOCUMENT -> MaterialDesignF.FILE_WORD_OUTLINE;
            case OTHER -> MaterialDesignF.FILE_OUTLINE;
        };
    }

    /** The chips shown, in order (the UI test finds a file's chip). */
    List<Button> chips() {
        return chips.getChildren().stream().map(Button.class::cast).toList();
    }
}

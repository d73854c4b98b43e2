package dev.tandem.app.view.sharing;

import static dev.tandem.app.view.Forms.showOnly;
import static dev.tandem.app.view.Forms.wrapped;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.TandemDialog;
import dev.tandem.app.vm.sharing.RemoteChoice;
import dev.tandem.app.vm.sharing.ShareViewModel.MemberRow;
import dev.tandem.app.vm.sharing.ShareViewModel.RequestRow;
import dev.tandem.app.vm.sharing.ShareViewModel.State;
import dev.tandem.app.vm.sharing.ShareViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Share" of one list: where it will live and the owner's name, then the invite with Copy, the
 * members, and who asks to join with Admit. Its state is a {@link ShareViewModel}; this class lays
 * out and binds. The members scroll in a box of their own, so the dialog fits a small screen.
 */
public final class ShareDialog extends TandemDialog<ShareViewModel, Void> {
    private final VBox people = new VBox(2);

    public ShareDialog(Window owner, ShareViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "share-dialog", Messages.text("settings.share.title", vm.listName()), 600);
        closeButton();
        getDialogPane().setContent(new VBox(12, setUp(), shared(), messageLine("share-message", vm)));
        vm.members().addListener((ListChangeListener<MemberRow>) c -> render());
        vm.requests().addListener((ListChangeListener<RequestRow>) c -> render());
        vm.stateProperty().addListener((o, a, b) -> fit());
        vm.messageProperty().addListener((o, a, b) -> fit());
        vm.inviteProperty().addListener((o, a, b) -> fit());
        render();
    }

    /** Before sharing: where and as whom. */
    private Node setUp() {
        Label help = wrapped(ShareViewModel.help());
        GridPane form = Forms.form();
        ToggleGroup kinds = new ToggleGroup();
        HBox kindBox = new HBox();
        kindBox.getStyleClass().add(Styles.SEGMENTED);
        // In the order Settings offers them: Folder, S3, WebDAV.
        for (RemoteChoice.Kind k : List.of(RemoteChoice.Kind.FOLDER, RemoteChoice.Kind.S3, RemoteChoice.Kind.WEBDAV)) {
            ToggleButton b = new ToggleButton(k.label());
            b.setId("share-kind-" + k.name().toLowerCase(Locale.ROOT));
            b.setUserData(k);
            b.setToggleGroup(kinds);
            b.setSelected(vm.where().kindProperty().get() == k);
            kindBox.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one kind is always chosen
            } else {
                vm.where().kindProperty().set((RemoteChoice.Kind) t.getUserData());
            }
        });
        vm.where().kindProperty().addListener((o, a, k) -> kinds.getToggles().stream()
                .filter(t -> t.getUserData() == k).findFirst().ifPresent(t -> t.setSelected(true)));
        TextField remote = Forms.textField("share-remote", vm.where().kindProperty().get().prompt(),
                vm.where().addressProperty(), () -> { });
        remote.promptTextProperty().bind(vm.where().kindProperty().map(RemoteChoice.Kind::prompt));
        Button choose = new Button(Messages.text("settings.share.chooseFolder"));
        choose.setId("share-choose-folder");
        choose.setOnAction(e -> vm.chooseFolder());
        showOnly(choose, vm.where().kindProperty().isEqualTo(RemoteChoice.Kind.FOLDER));
        HBox where = new HBox(8, remote, choose);
        HBox.setHgrow(remote, Priority.ALWAYS);
        form.addRow(0, new Label(Messages.text("settings.share.through")), kindBox);
        form.addRow(1, new Label(Messages.text("settings.share.address")), where);
        RemoteLoginFields.addWithName(form, 2, vm.nameProperty(), vm.login(), "share", this::fit);
        Button share = new Button(Messages.text("settings.share.share"));
        share.setId("share-button");
        share.setDefaultButton(true);
        share.disableProperty().bind(vm.busyProperty());
        share.setOnAction(e -> vm.share());
        HBox actions = new HBox(share);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(10, help, form, actions);
        showOnly(box, Bindings.equal(vm.stateProperty(), State.NOT_SHARED));
        return box;
    }

    /** After sharing (or joining): the invite, the members and the requests. */
    private Node shared() {
        TextField code = new TextField();
        code.setId("share-invite");
        code.setEditable(false);
        code.textProperty().bind(vm.inviteProperty());
        Button copy = Forms.copyButton("share-copy", code);
        HBox invite = new HBox(8, code, copy);
        HBox.setHgrow(code, Priority.ALWAYS);
        VBox inviteBox = new VBox(6, wrapped(ShareViewModel.inviteHelp()), invite);
        showOnly(inviteBox, vm.inviteProperty().isNotEmpty());

        Button newInvite = new Button(Messages.text("settings.share.newInvite"));
        newInvite.setId("share-new-invite");
        newInvite.setOnAction(e -> vm.newInvite());
        newInvite.disableProperty().bind(vm.busyProperty());
        showOnly(newInvite, Bindings.equal(vm.stateProperty(), State.OWNER));
        Button refresh = new Button(Messages.text("settings.share.checkRequests"));
        refresh.setId("share-refresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.busyProperty());
        Label title = Forms.label(Messages.text("settings.share.members"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, newInvite, refresh);
        head.setAlignment(Pos.CENTER_LEFT);

        ScrollPane rows = new ScrollPane(people);
        rows.setId("share-members");
        rows.setFitToWidth(true);
        rows.setPrefViewportHeight(180);
        rows.setMaxHeight(Region.USE_PREF_SIZE);
        Label plainly = wrapped(Messages.text("settings.share.removeExplain"));
        plainly.getStyleClass().add(Styles.HINT);
        VBox box = new VBox(10, inviteBox, head, rows, plainly);
        showOnly(box, Bindings.equal(vm.stateProperty(), State.OWNER)
                .or(Bindings.equal(vm.stateProperty(), State.MEMBER)));
        return box;
    }

    private void render() {
        people.getChildren().clear();
        for (RequestRow r : vm.requests()) {
            Button admit = new Button(Messages.text("settings.share.admit"));
            admit.setId("admit-" + r.fingerprint().replace(" ", "").substring(0, 8));
            admit.disableProperty().bind(vm.busyProperty());
            admit.setOnAction(e -> vm.admit(r));
            people.getChildren().add(row(r.name(), Messages.text("settings.share.asksToJoin"), r.fingerprint(), admit));
        }
        for (MemberRow m : vm.members()) {
            Button remove = null;
            if (m.removable() && vm.stateProperty().get() == State.OWNER) {
                remove = new Button(Messages.text("settings.share.remove"));
                remove.setId("remove-" + m.fingerprint().replace(" ", "").substring(0, 8));
                remove.disableProperty().bind(vm.busyProperty());
                remove.setOnAction(e -> vm.remove(m));
            }
            people.getChildren().add(row(m.name(), roleWords(m.role()), m.fingerprint(), remove));
        }
        fit();
    }

    /** A member's role in words: the row's {@code role} is a code ("owner", "removed" or empty). */
    private static String roleWords(String role) {
        return switch (role) {
            case "owner" -> Messages.text("settings.share.role.owner");
            case "removed" -> Messages.text("settings.share.role.removed");
            default -> role;
        };
    }

    private static Node row(String name, String role, String fingerprint, Button action) {
        Label who = Forms.label(name);
        who.setMinWidth(Region.USE_PREF_SIZE);
        Label tag = new Label(role);
        tag.getStyleClass().add(Styles.SUBTITLE);
        Label fp = new Label(fingerprint);
        fp.getStyleClass().addAll(Styles.SUBTITLE, "fingerprint");
        fp.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, who, tag, gap);
        line.setAlignment(Pos.CENTER_LEFT);
        if (action != null) {
            line.getChildren().add(action);
        }
        VBox box = new VBox(2, line, fp);
        box.getStyleClass().add(Styles.DEVICE_ROW);
        return box;
    }
}

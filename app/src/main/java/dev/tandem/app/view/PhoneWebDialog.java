package dev.tandem.app.view;

import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * "Open on phone": the web companion's QR code and code, the network choice and the announcement switch, the
 * paired browsers with "Revoke", "New code" and "Stop serving". Its state is a {@link PhoneWebViewModel}; this
 * class lays out and binds.
 *
 * <p>Nothing moves seconds after a choice: the announcement's line, which changes when the network answers (about
 * 3 s later), has its space kept from the moment the network is served, as tall as its longest text
 * ({@link ReservedLine}).
 */
public final class PhoneWebDialog extends TandemDialog<PhoneWebViewModel, Void> {
    private static final double QR_SIZE = 220;

    public PhoneWebDialog(Window owner, PhoneWebViewModel vm, List<String> stylesheets) {
        super(owner, vm, stylesheets, "phone-web-dialog", Messages.text("settings.phone.title"), 560);
        closeButton();
        Label help = Forms.wrapped("");
        help.setId("phone-web-help");
        help.getStyleClass().add(Styles.SUBTITLE);
        help.textProperty().bind(vm.helpProperty());

        CheckBox network = new CheckBox(Messages.text("settings.phone.network"));
        network.setId("phone-web-network");
        // Beside the QR code the column is narrow: the whole choice shows, on two lines, rather than "connec…".
        network.setWrapText(true);
        network.setMinHeight(Region.USE_PREF_SIZE);
        network.selectedProperty().bindBidirectional(vm.networkProperty());
        network.setOnAction(e -> vm.start());
        CheckBox announce = new CheckBox(Messages.text("settings.phone.announce"));
        announce.setId("phone-web-announce");
        announce.setWrapText(true);
        announce.setMinHeight(Region.USE_PREF_SIZE);
        announce.selectedProperty().bindBidirectional(vm.announceProperty());
        announce.setOnAction(e -> vm.announceChanged());

        Canvas qr = new Canvas(QR_SIZE, QR_SIZE);
        qr.setId("phone-web-qr");
        qr.setAccessibleText(Messages.text("settings.phone.qr"));
        vm.qrProperty().addListener((o, was, now) -> draw(qr, now));
        draw(qr, vm.qrProperty().get());
        // A QR code of 127.0.0.1 would lead a phone to itself: only for the network.
        Forms.showOnly(qr, vm.servingNetworkProperty());

        TextField url = new TextField();
        url.setId("phone-web-url");
        url.setEditable(false);
        url.textProperty().bind(vm.urlProperty());
        Forms.showOnly(url, vm.runningProperty());
        Label code = Forms.wrapped("");
        code.setId("phone-web-code");
        code.textProperty().bind(vm.codeProperty());
        Label advertised = Forms.wrapped("");
        advertised.setId("phone-web-advertised");
        advertised.getStyleClass().add(Styles.SUBTITLE);
        advertised.textProperty().bind(vm.advertisedProperty());
        StackPane advertisedRoom = ReservedLine.of(advertised, vm.advertisedLongest());
        Forms.showOnly(advertisedRoom, vm.servingNetworkProperty());
        Label fingerprint = Forms.wrapped("");
        fingerprint.setId("phone-web-fingerprint");
        fingerprint.getStyleClass().add(Styles.SUBTITLE);
        fingerprint.textProperty().bind(vm.fingerprintProperty());
        Forms.showOnly(fingerprint, vm.fingerprintProperty().isNotEmpty());

        Button newCode = Forms.action("phone-web-new-code", Messages.text("settings.phone.newCode"), vm::newCode,
                vm.busyProperty());
        Button stop = Forms.action("phone-web-stop", Messages.text("settings.phone.stop"), vm::stop, vm.busyProperty());
        Button start = Forms.action("phone-web-start", Messages.text("settings.phone.start"), vm::start,
                vm.busyProperty());
        for (Button b : List.of(newCode, stop)) {
            Forms.showOnly(b, vm.runningProperty());
        }
        Forms.showOnly(start, vm.runningProperty().not());

        Label pairedTitle = new Label(Messages.text("settings.phone.paired"));
        pairedTitle.getStyleClass().add(Styles.SUBTITLE);
        VBox paired = new VBox(6);
        paired.setId("phone-web-browsers");
        vm.browsers().addListener((ListChangeListener<PhoneWebViewModel.BrowserRow>) c -> rows(paired));
        rows(paired);

        VBox left = new VBox(10, help, network, announce, url, code, advertisedRoom, fingerprint,
                new HBox(8, newCode, stop, start));
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox top = new HBox(16, left, qr);
        top.setAlignment(Pos.TOP_LEFT);
        getDialogPane().setContent(scrolling(new VBox(12, top, pairedTitle, paired,
                messageLine("phone-web-message", vm)), "phone-web-scroll"));
        // Serving shows the code, the address and its buttons, HTTPS the fingerprint: the window follows.
        vm.runningProperty().addListener((o, a, b) -> fit());
        vm.codeProperty().addListener((o, a, b) -> fit());
        vm.fingerprintProperty().addListener((o, a, b) -> fit());
        vm.advertisedProperty().addListener((o, a, b) -> fit());
        vm.messageProperty().addListener((o, a, b) -> fit());
    }

    private void rows(VBox paired) {
        paired.getChildren().clear();
        if (vm.browsers().isEmpty()) {
            Label none = new Label(Messages.text("settings.phone.none"));
            none.getStyleClass().add(Styles.SUBTITLE);
            paired.getChildren().add(none);
        }
        for (PhoneWebViewModel.BrowserRow r : vm.browsers()) {
            Label name = new Label(r.name());
            Label seen = new Label(r.seen());
            seen.getStyleClass().add(Styles.SUBTITLE);
            Button revoke = new Button(Messages.text("settings.phone.revoke"));
            revoke.setAccessibleText(Messages.text("settings.phone.revoke.accessible", r.name()));
            revoke.setOnAction(e -> vm.revoke(r));
            VBox text = new VBox(2, name, seen);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, text, revoke);
            row.getStyleClass().add("paired-browser");
            row.setAlignment(Pos.CENTER_LEFT);
            paired.getChildren().add(row);
        }
        fit();
    }

    /** Dark modules on white, whatever the theme: a phone's camera reads a code with a light quiet zone. */
    public static void draw(Canvas canvas, boolean[][] modules) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (modules == null || modules.length == 0) {
            return;
        }
        double cell = Math.floor(canvas.getWidth() / modules.length);
        double offset = (canvas.getWidth() - cell * modules.length) / 2;
        g.setFill(Color.BLACK);
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules[y].length; x++) {
                if (modules[y][x]) {
                    g.fillRect(offset + x * cell, offset + y * cell, cell, cell);
                }
            }
        }
    }
}

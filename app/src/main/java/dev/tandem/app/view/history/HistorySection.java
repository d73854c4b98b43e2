package dev.tandem.app.view.history;

import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.app.vm.history.HistoryLine;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The editor's "History": a heading with "Versions…", and the shown item's changes, one per line with the device
 * and when. Two nodes rather than one box, so they sit in the editor's form with its own spacing. "Versions…" opens
 * over the window the editor is in, with its stylesheets.
 */
public final class HistorySection {
    private final EditorViewModel vm;
    /** The node whose window "Versions…" opens over: the editor. */
    private final Node owner;
    private final HBox head;
    private final ListView<HistoryLine> list = new ListView<>();

    /** {@code label} is the heading, styled as the editor's other field names. */
    public HistorySection(EditorViewModel vm, Label label, Node owner) {
        this.vm = vm;
        this.owner = owner;
        list.setId("editor-history");
        list.getStyleClass().add(Styles.HISTORY);
        list.setItems(vm.history());
        list.setCellFactory(lv -> new HistoryCell());
        list.setPrefHeight(170);
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label(Messages.text("editor.history.empty")));
        label.setGraphic(Icons.of(MaterialDesignH.HISTORY, 13));
        Button versions = new Button(Messages.text("editor.history.versions"));
        versions.setId("editor-versions");
        versions.getStyleClass().add(Styles.BUTTON_FLAT);
        versions.setOnAction(e -> openVersions());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Two short words that fit the narrowest editor: neither is cut for the other (French "Versions…").
        versions.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        head = new HBox(8, label, spacer, versions);
        head.setAlignment(Pos.CENTER_LEFT);
    }

    public HBox head() {
        return head;
    }

    public ListView<HistoryLine> list() {
        return list;
    }

    /** "Versions…": every version of the item shown, one to bring back. */
    private void openVersions() {
        VersionsViewModel versions = vm.versions();
        if (versions == null || owner.getScene() == null) {
            return;
        }
        new VersionsDialog(owner.getScene().getWindow(), versions, List.copyOf(owner.getScene().getStylesheets()))
                .showAndWait();
    }

    private static final class HistoryCell extends ListCell<HistoryLine> {
        HistoryCell() {
            getStyleClass().add(Styles.HISTORY_CELL);
        }

        @Override
        protected void updateItem(HistoryLine h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label what = new Label(h.what());
            what.getStyleClass().add("history-what");
            Label who = new Label(Messages.text("editor.history.byDevice", h.device(), when(h.at())));
            VBox box = new VBox(1, what, who);
            setText(null);
            setGraphic(box);
        }

        private static String when(Instant at) {
            if (at == null) {
                return "";
            }
            Instant now = Instant.now();
            if (Duration.between(at, now).toSeconds() < 5) {
                return Messages.text("editor.history.justNow");
            }
            ZoneId zone = ZoneId.systemDefault();
            return Formats.dayTime(at.atZone(zone).toLocalDateTime(), LocalDate.now(zone));
        }
    }
}

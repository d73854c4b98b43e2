package dev.tandem.app.view.conflict;

import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.conflict.ConflictRow;
import dev.tandem.app.vm.conflict.ConflictsViewModel;
import dev.tandem.app.vm.conflict.TextConflict;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The conflicts last write wins resolved: per conflict the item, the field, the value kept and the
 * value lost with their devices; "Use lost value" takes the lost one, "Dismiss" hides the conflict.
 * A text field shows what differs instead: a line diff of a multi-line text (lost "−", kept "+"), or
 * both values with their changed words marked; "Edit merged" opens both versions in an editor.
 */
public final class ConflictsView extends VBox {
    private final ConflictsViewModel vm;

    public ConflictsView(ConflictsViewModel vm) {
        this.vm = vm;
        setId("conflicts");
        getStyleClass().add(Styles.CONFLICTS);
        Label intro = new Label(Messages.text("main.conflicts.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);
        ListView<ConflictRow> list = new ListView<>(vm.conflicts());
        list.setId("conflict-list");
        list.getStyleClass().add(Styles.ITEM_LIST);
        list.setCellFactory(lv -> new Card());
        Label none = new Label(Messages.text("main.conflicts.none"));
        VBox empty = new VBox(Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, 44), none);
        empty.getStyleClass().add(Styles.EMPTY_STATE);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(intro, list);
    }

    private final class Card extends ListCell<ConflictRow> {
        Card() {
            setStyle("-fx-background-color: transparent; -fx-padding: 5 2 5 2;");
        }

        @Override
        protected void updateItem(ConflictRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            Instant now = Instant.now();
            Label title = new Label(r.itemTitle());
            title.getStyleClass().add(Styles.ITEM_TITLE);
            Label meta = new Label(r.summary(now));
            meta.getStyleClass().add(Styles.ITEM_META);

            Node values = r.isText() ? textValues(r, now) : values(r, now);

            Button use = new Button(r.useLabel(), Icons.of(MaterialDesignS.SWAP_HORIZONTAL, 15));
            use.getStyleClass().add(Styles.BUTTON_ACCENT);
            use.setOnAction(e -> vm.useLostValue(r));
            Button dismiss = new Button(Messages.text("main.conflicts.dismiss"));
            dismiss.getStyleClass().add(Styles.BUTTON_FLAT);
            dismiss.setOnAction(e -> vm.dismiss(r));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox actions = new HBox(8, spacer, dismiss);
            if (r.isText()) {
                Button merge = new Button(Messages.text("main.conflicts.editMerged"),
                        Icons.of(MaterialDesignP.PENCIL_OUTLINE, 15));
                merge.setOnAction(e -> editMerged(r));
                actions.getChildren().add(merge);
            }
            actions.getChildren().add(use);
            actions.setAlignment(Pos.CENTER_RIGHT);

            VBox card = new VBox(6, title, meta, values, actions);
            card.getStyleClass().add(Styles.CONFLICT_CARD);
            if (!r.seen()) {
                card.getStyleClass().add("unseen");
            }
            setGraphic(card);
        }

        private Node values(ConflictRow r, Instant now) {
            VBox kept = valueBox(Messages.text("main.conflicts.keptHeading", r.keptDevice()), new Label(r.kept()),
                    Styles.VALUE_KEPT);
            VBox lost = valueBox(r.lostHeading(now), new Label(r.lost()), Styles.VALUE_LOST);
            return new HBox(10, kept, lost);
        }

        /** One-line values side by side, their changed words marked; longer texts as a line diff. */
        private Node textValues(ConflictRow r, Instant now) {
            TextConflict t = r.text();
            VBox box = new VBox(6);
            if (t.inline()) {
                // An empty side says "(empty)" rather than show nothing.
                VBox kept = valueBox(Messages.text("main.conflicts.keptHeading", r.keptDevice()),
                        t.kept().isBlank() ? new Label(r.kept()) : DiffView.words(t.keptWords()), Styles.VALUE_KEPT);
                VBox lost = valueBox(r.lostHeading(now),
                        t.lost().isBlank() ? new Label(r.lost()) : DiffView.words(t.lostWords()), Styles.VALUE_LOST);
                box.getChildren().add(new HBox(10, kept, lost));
            } else {
                box.getChildren().addAll(legend(r, now), new DiffView(t));
            }
            for (String note : t.notes()) {
                Label n = new Label(note);
                n.setWrapText(true);
                n.getStyleClass().add(Styles.HINT);
                box.getChildren().add(n);
            }
            return box;
        }

        private Node legend(ConflictRow r, Instant now) {
            HBox legend = new HBox(14, legendEntry("\u2212", r.lostLegend(now), Styles.DIFF_REMOVED),
                    legendEntry("+", r.keptLegend(), Styles.DIFF_ADDED));
            legend.getStyleClass().add(Styles.DIFF_LEGEND);
            return legend;
        }

        private Node legendEntry(String mark, String text, String kind) {
            Label m = new Label(mark);
            m.getStyleClass().add(Styles.DIFF_GUTTER);
            HBox chip = new HBox(m);
            chip.getStyleClass().addAll(Styles.DIFF_LINE, kind);
            Label l = new Label(text);
            l.getStyleClass().add(Styles.ITEM_META);
            HBox entry = new HBox(6, chip, l);
            entry.setAlignment(Pos.CENTER_LEFT);
            return entry;
        }

        private VBox valueBox(String caption, Region value, String style) {
            Label cap = new Label(caption);
            cap.getStyleClass().add(Styles.FIELD_LABEL);
            if (value instanceof Label l) {
                l.setWrapText(true);
            }
            VBox box = new VBox(2, cap, value);
            box.getStyleClass().add(style);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }
    }

    private void editMerged(ConflictRow r) {
        vm.editMerged(r).ifPresent(m -> {
            List<String> sheets = getScene() == null ? List.of() : List.copyOf(getScene().getStylesheets());
            new MergeEditorDialog(getScene() == null ? null : getScene().getWindow(), m, sheets).showAndWait();
        });
    }
}

package dev.tandem.app.view;

import dev.tandem.app.vm.ConflictRow;
import dev.tandem.app.vm.ConflictsViewModel;
import dev.tandem.ui.Styles;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The conflicts last write wins resolved: per conflict the item, the field, the value kept and the
 * value lost with their devices; "Use this value" takes the lost one, "Dismiss" hides the conflict.
 */
public final class ConflictsView extends VBox {
    private final ConflictsViewModel vm;

    public ConflictsView(ConflictsViewModel vm) {
        this.vm = vm;
        setId("conflicts");
        getStyleClass().add(Styles.CONFLICTS);
        Label intro = new Label("When two devices change the same field before they sync, the later change wins. "
                + "The other value is kept here, so you can take it back.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.HINT);
        ListView<ConflictRow> list = new ListView<>(vm.conflicts());
        list.setId("conflict-list");
        list.getStyleClass().add(Styles.ITEM_LIST);
        list.setCellFactory(lv -> new Card());
        Label none = new Label("No conflicts. Everything merged cleanly.");
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

            VBox kept = valueBox("KEPT · " + r.keptDevice(), r.kept(), Styles.VALUE_KEPT);
            VBox lost = valueBox(r.lostHeading(now), r.lost(), Styles.VALUE_LOST);
            HBox.setHgrow(kept, Priority.ALWAYS);
            HBox.setHgrow(lost, Priority.ALWAYS);
            kept.setMaxWidth(Double.MAX_VALUE);
            lost.setMaxWidth(Double.MAX_VALUE);
            HBox values = new HBox(10, kept, lost);

            Button use = new Button("Use lost value", Icons.of(MaterialDesignS.SWAP_HORIZONTAL, 15));
            use.getStyleClass().add(Styles.BUTTON_ACCENT);
            use.setOnAction(e -> vm.useLostValue(r));
            Button dismiss = new Button("Dismiss");
            dismiss.getStyleClass().add(Styles.BUTTON_FLAT);
            dismiss.setOnAction(e -> vm.dismiss(r));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox actions = new HBox(8, spacer, dismiss, use);
            actions.setAlignment(Pos.CENTER_RIGHT);

            VBox card = new VBox(6, title, meta, values, actions);
            card.getStyleClass().add(Styles.CONFLICT_CARD);
            if (!r.seen()) {
                card.getStyleClass().add("unseen");
            }
            setGraphic(card);
        }

        private VBox valueBox(String caption, String value, String style) {
            Label cap = new Label(caption);
            cap.getStyleClass().add(Styles.FIELD_LABEL);
            Label v = new Label(value);
            v.setWrapText(true);
            VBox box = new VBox(2, cap, v);
            box.getStyleClass().add(style);
            return box;
        }
    }
}

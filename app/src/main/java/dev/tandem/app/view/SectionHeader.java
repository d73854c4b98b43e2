package dev.tandem.app.view;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** A section's header row in the item list: the fold arrow, the name and how many todos it holds. */
final class SectionHeader extends HBox {
    private final Label arrow = new Label();
    private final Label name = new Label();
    private final Label count = new Label();
    private final FontIcon icon = Icons.of(Icons.EXPANDED, 16);

    SectionHeader() {
        super(6);
        getStyleClass().add(Styles.SECTION_HEADER);
        setAlignment(Pos.CENTER_LEFT);
        arrow.getStyleClass().add(Styles.DISCLOSURE);
        arrow.setGraphic(icon);
        name.getStyleClass().add(Styles.SECTION_NAME);
        name.setMinWidth(0);
        count.getStyleClass().add(Styles.SECTION_COUNT);
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(arrow, name, count, spacer);
    }

    /** The arrow: a click folds or shows the section's todos. */
    Label arrow() {
        return arrow;
    }

    void show(ItemRow section) {
        icon.setIconCode(section.isCollapsed() ? Icons.NEXT : Icons.EXPANDED);
        arrow.setAccessibleText(Messages.text(section.isCollapsed() ? "main.section.show" : "main.section.fold"));
        name.setText(section.title());
        count.setText(section.openSubtasks() == 0 ? "" : String.valueOf(section.openSubtasks()));
    }
}

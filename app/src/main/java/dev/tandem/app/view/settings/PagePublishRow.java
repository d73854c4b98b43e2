package dev.tandem.app.view.settings;

import static dev.tandem.app.view.Forms.hint;

import dev.tandem.app.view.Forms;
import dev.tandem.app.view.Icons;
import dev.tandem.app.vm.settings.PagePublishViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Settings dialog's row that publishes the web page to the storage. Apart from {@link SettingsDialog}
 * because it is bound to its own view model ({@link PagePublishViewModel}), not to the sync settings the rest of
 * the form edits, and needs nothing of the dialog.
 */
final class PagePublishRow {
    private PagePublishRow() {
    }

    /** "Publish the page to my storage", its spinner and what it did (docs/WEB.md). */
    static VBox of(PagePublishViewModel page) {
        Button publish = new Button(Messages.text("settings.page.publish"), Icons.of(MaterialDesignC.CELLPHONE_ARROW_DOWN, 15));
        publish.setId("settings-page-publish");
        // Wraps rather than holding its whole width: a long label (German) must not squeeze the labels' column.
        publish.setWrapText(true);
        publish.setOnAction(e -> page.publish());
        publish.disableProperty().bind(page.busyProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(page.busyProperty());
        HBox buttons = new HBox(10, publish, spinner);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("settings-page-status");
        status.setWrapText(true);
        status.textProperty().bind(page.statusProperty());
        page.failedProperty().addListener((o, was, now) -> {
            if (now) {
                status.getStyleClass().add(Styles.FIELD_ERROR);
            } else {
                status.getStyleClass().remove(Styles.FIELD_ERROR);
            }
        });
        Forms.showOnly(status, page.statusProperty().isNotEmpty());
        return new VBox(6, buttons, hint(Messages.text("settings.page.hint")), status);
    }
}

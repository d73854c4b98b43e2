package dev.tandem.app.view;

import dev.tandem.app.vm.SyncStatusViewModel;
import dev.tandem.app.vm.SyncStatusViewModel.Indicator;
import dev.tandem.ui.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The status bar: sync state, last success, changes waiting, progress, a failure that needs the
 * user, the lasting warning about unread remote objects, a one-time notice (a new device id),
 * "Details" of the last failure, "Sync now" and "Sync settings…". The state and the buttons keep
 * their size at every window width; the texts are shortened instead, whole in their tooltips.
 */
public final class StatusBarView extends HBox {
    private final FontIcon icon = new FontIcon(MaterialDesignC.CLOUD_OFF_OUTLINE);
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final Label error = new Label();
    private final Label warning = new Label();
    private final Label notice = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button syncNow = new Button("Sync now", Icons.of(MaterialDesignS.SYNC, 14));
    private final Button showDetails = new Button("Details");

    public StatusBarView(SyncStatusViewModel vm, Runnable onSyncNow, Runnable onSettings) {
        getStyleClass().add(Styles.STATUS_BAR);
        setId("status-bar");
        icon.setIconSize(16);
        icon.getStyleClass().add(Styles.STATUS_ICON);
        headline.setId("sync-headline");
        detail.setId("sync-detail");
        error.setId("sync-error");
        error.getStyleClass().add(Styles.STATUS_ERROR);
        error.setMinWidth(0);
        error.setTooltip(new Tooltip());
        error.getTooltip().textProperty().bind(error.textProperty());
        headline.textProperty().bind(vm.headlineProperty());
        detail.textProperty().bind(vm.detailProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        warning.setId("sync-warning");
        warning.getStyleClass().add(Styles.STATUS_WARN);
        warning.setMinWidth(0);
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty().and(vm.errorProperty().isEmpty()));
        warning.managedProperty().bind(warning.visibleProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(vm.warningProperty().concat("\n\n").concat(vm.warningDetailsProperty()));
        details.setWrapText(true);
        details.setMaxWidth(600);
        warning.setTooltip(details);
        notice.setId("sync-notice");
        notice.setMinWidth(0);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty().and(vm.errorProperty().isEmpty()));
        notice.managedProperty().bind(notice.visibleProperty());
        Tooltip noticeDetails = new Tooltip();
        noticeDetails.textProperty().bind(vm.noticeProperty().concat("\n\n").concat(vm.notesProperty()));
        noticeDetails.setWrapText(true);
        noticeDetails.setMaxWidth(600);
        notice.setTooltip(noticeDetails);
        Tooltip notes = new Tooltip();
        notes.textProperty().bind(vm.notesProperty());
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        syncNow.setId("sync-now");
        syncNow.getStyleClass().add(Styles.BUTTON_FLAT);
        syncNow.setFocusTraversable(false);
        syncNow.setTooltip(new Tooltip("Sync now (Ctrl+R)"));
        syncNow.setOnAction(e -> onSyncNow.run());
        Button settings = new Button("Sync settings…");
        settings.setId("open-settings");
        settings.getStyleClass().add(Styles.BUTTON_FLAT);
        settings.setFocusTraversable(false);
        settings.setOnAction(e -> onSettings.run());
        showDetails.setId("sync-details");
        showDetails.getStyleClass().add(Styles.BUTTON_FLAT);
        showDetails.setFocusTraversable(false);
        showDetails.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        showDetails.managedProperty().bind(showDetails.visibleProperty());
        showDetails.setOnAction(e -> openDetails(vm));
        // The controls keep their size at every width; the texts give way, shortened with "…" and
        // whole in their tooltips and in Details.
        for (Region fixed : new Region[] {headline, showDetails, syncNow, settings}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        detail.setMinWidth(0);
        Tooltip detailWhole = new Tooltip();
        detailWhole.textProperty().bind(vm.detailProperty());
        detail.tooltipProperty().bind(Bindings.when(vm.notesProperty().isEmpty()).then(detailWhole).otherwise(notes));
        Region spacer = new Region();
        spacer.setMinWidth(0);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(error, Priority.SOMETIMES);
        HBox.setHgrow(warning, Priority.SOMETIMES);
        HBox.setHgrow(notice, Priority.SOMETIMES);
        getChildren().addAll(icon, headline, detail, progress, error, warning, notice, spacer, showDetails, syncNow, settings);
        vm.indicatorProperty().addListener((o, a, s) -> render(s));
        render(vm.indicatorProperty().get());
        syncNow.disableProperty().bind(vm.canSyncNowProperty().not());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(10), e -> vm.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    /** The last failure in full, selectable for copying. */
    private void openDetails(SyncStatusViewModel vm) {
        TextArea text = new TextArea(vm.detailsProperty().get());
        text.setId("sync-details-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(8);
        Dialog<Void> dialog = new Dialog<>();
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.setTitle("Sync details");
        dialog.setHeaderText(vm.headlineProperty().get());
        dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private void render(Indicator state) {
        icon.setIconCode(switch (state) {
            case OK -> MaterialDesignC.CLOUD_CHECK_OUTLINE;
            case WARNING, ERROR -> MaterialDesignC.CLOUD_ALERT;
            case BUSY -> MaterialDesignC.CLOUD_SYNC_OUTLINE;
            default -> MaterialDesignC.CLOUD_OFF_OUTLINE;
        });
        icon.pseudoClassStateChanged(PseudoStates.OK, state == Indicator.OK);
        icon.pseudoClassStateChanged(PseudoStates.WARN, state == Indicator.WARNING);
        icon.pseudoClassStateChanged(PseudoStates.BUSY, state == Indicator.BUSY);
        icon.pseudoClassStateChanged(PseudoStates.ERROR, state == Indicator.ERROR);
        icon.pseudoClassStateChanged(PseudoStates.OFF, state == Indicator.OFF || state == Indicator.OFFLINE);
    }
}

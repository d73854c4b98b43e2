package dev.tandem.app.view;

import dev.tandem.app.vm.SyncStatusViewModel;
import dev.tandem.app.vm.SyncStatusViewModel.Indicator;
import dev.tandem.ui.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The status bar: sync state, last success, changes waiting, progress, the last error, the lasting
 * warning about unread remote objects, a one-time notice (a new device id), "Sync now".
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

    public StatusBarView(SyncStatusViewModel vm, Runnable onSyncNow, Runnable onSettings) {
        getStyleClass().add(Styles.STATUS_BAR);
        setId("status-bar");
        icon.setIconSize(16);
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
        detail.tooltipProperty().bind(Bindings.when(vm.notesProperty().isEmpty())
                .then((Tooltip) null).otherwise(notes));
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(error, Priority.SOMETIMES);
        HBox.setHgrow(warning, Priority.SOMETIMES);
        HBox.setHgrow(notice, Priority.SOMETIMES);
        getChildren().addAll(icon, headline, detail, progress, error, warning, notice, spacer, syncNow, settings);
        vm.indicatorProperty().addListener((o, a, s) -> render(s));
        render(vm.indicatorProperty().get());
        syncNow.disableProperty().bind(vm.canSyncNowProperty().not());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(10), e -> vm.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    private void render(Indicator state) {
        icon.getStyleClass().removeAll(Styles.STATUS_OK, Styles.STATUS_BUSY, Styles.STATUS_ERROR, Styles.STATUS_OFF,
                Styles.STATUS_WARN);
        switch (state) {
            case OFF -> {
                icon.setIconCode(MaterialDesignC.CLOUD_OFF_OUTLINE);
                icon.getStyleClass().add(Styles.STATUS_OFF);
            }
            case OK -> {
                icon.setIconCode(MaterialDesignC.CLOUD_CHECK_OUTLINE);
                icon.getStyleClass().add(Styles.STATUS_OK);
            }
            case WARNING -> {
                icon.setIconCode(MaterialDesignC.CLOUD_ALERT);
                icon.getStyleClass().add(Styles.STATUS_WARN);
            }
            case BUSY -> {
                icon.setIconCode(MaterialDesignC.CLOUD_SYNC_OUTLINE);
                icon.getStyleClass().add(Styles.STATUS_BUSY);
            }
            case ERROR -> {
                icon.setIconCode(MaterialDesignC.CLOUD_ALERT);
                icon.getStyleClass().add(Styles.STATUS_ERROR);
            }
            default -> {
            }
        }
    }
}

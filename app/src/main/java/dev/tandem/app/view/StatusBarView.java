package dev.tandem.app.view;

import dev.tandem.app.vm.shared.SyncStatusViewModel.Indicator;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.app.vm.history.Recovery;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableStringValue;
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
 * "Details" of the last failure, "Sync now" and "Settings…". The state and the buttons keep
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
    private final Button syncNow = new Button(Messages.text("main.status.syncNow"), Icons.of(MaterialDesignS.SYNC, 14));
    private final Button showDetails = new Button(Messages.text("main.status.details"));

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
        Forms.showOnly(error, vm.errorProperty().isNotEmpty());
        warning.getStyleClass().add(Styles.STATUS_WARN);
        aside(warning, "sync-warning", vm.warningProperty(), vm.warningDetailsProperty(), vm.errorProperty());
        aside(notice, "sync-notice", vm.noticeProperty(), vm.notesProperty(), vm.errorProperty());
        Tooltip notes = new Tooltip();
        notes.textProperty().bind(vm.notesProperty());
        progress.progressProperty().bind(vm.progressProperty());
        Forms.showOnly(progress, vm.progressProperty().greaterThanOrEqualTo(0));
        syncNow.setId("sync-now");
        syncNow.getStyleClass().add(Styles.BUTTON_FLAT);
        syncNow.setFocusTraversable(false);
        syncNow.setTooltip(new Tooltip(Messages.text("main.status.syncNowTip")));
        syncNow.setOnAction(e -> onSyncNow.run());
        Button settings = new Button(Messages.text("main.status.settings"));
        settings.setId("open-settings");
        settings.getStyleClass().add(Styles.BUTTON_FLAT);
        settings.setFocusTraversable(false);
        settings.setOnAction(e -> onSettings.run());
        showDetails.setId("sync-details");
        showDetails.getStyleClass().add(Styles.BUTTON_FLAT);
        showDetails.setFocusTraversable(false);
        Forms.showOnly(showDetails, vm.detailsProperty().isNotEmpty());
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

    /** This bar, saying a failed backup until one succeeds, where the window has backups. */
    public StatusBarView withBackups(Recovery recovery) {
        recovery.backups().ifPresent(b -> showBackupFailures(b.failureProperty(), recovery::showBackups));
        return this;
    }

    /**
     * Says a failed backup until one succeeds, beside the sync's state; a click opens Backups.
     * {@code failure} is empty while all is well.
     */
    private void showBackupFailures(ObservableStringValue failure, Runnable open) {
        Button line = new Button();
        line.setId("backup-failure");
        line.getStyleClass().addAll(Styles.BUTTON_FLAT, Styles.STATUS_ERROR);
        line.setMinWidth(0);
        line.textProperty().bind(failure);
        line.setTooltip(new Tooltip());
        line.getTooltip().textProperty().bind(failure);
        line.setOnAction(e -> open.run());
        Forms.showOnly(line, Bindings.isNotEmpty(failure));
        HBox.setHgrow(line, Priority.SOMETIMES);
        getChildren().add(getChildren().indexOf(warning), line);
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
        dialog.setTitle(Messages.text("main.status.detailsTitle"));
        dialog.setHeaderText(vm.headlineProperty().get());
        dialog.getDialogPane().getStyleClass().add(Styles.DIALOG);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /**
     * A line beside the headline (id {@code id}): {@code text}, shown while there is some and no
     * error; its tooltip adds {@code details}.
     */
    private static void aside(Label line, String id, ReadOnlyStringProperty text, ReadOnlyStringProperty details,
                              ReadOnlyStringProperty error) {
        line.setId(id);
        line.setMinWidth(0);
        line.textProperty().bind(text);
        Forms.showOnly(line, text.isNotEmpty().and(error.isEmpty()));
        Tooltip more = new Tooltip();
        more.textProperty().bind(text.concat("\n\n").concat(details));
        more.setWrapText(true);
        more.setMaxWidth(600);
        line.setTooltip(more);
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

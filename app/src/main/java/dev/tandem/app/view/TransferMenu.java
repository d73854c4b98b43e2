package dev.tandem.app.view;

import dev.tandem.app.vm.window.TransferViewModel;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * The app menu's import and export entries, and what an import or export is doing (a progress bar
 * and a line of text, shown while one runs). {@link #acceptDrops} lets files dropped on the window
 * be imported.
 */
public final class TransferMenu extends HBox {
    /**
     * With {@code joinOrNull}, the menu also offers "Join a shared list…"; with {@code asOfOrNull},
     * "Show as of…"; with {@code backupsOrNull}, "Backups…"; with {@code phoneOrNull}, "Open on phone…".
     */
    public TransferMenu(TransferViewModel vm, Runnable joinOrNull, Runnable asOfOrNull, Runnable backupsOrNull,
                        Runnable phoneOrNull) {
        super(8);
        setId("transfer");
        Label status = new Label();
        status.setId("transfer-status");
        status.getStyleClass().add(Styles.SUBTITLE);
        status.textProperty().bind(vm.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(90);
        bar.progressProperty().bind(vm.progressProperty());
        for (Node n : List.of(status, bar)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        MenuButton menu = new MenuButton(null, Icons.of(MaterialDesignD.DOTS_VERTICAL, 18));
        menu.setId("app-menu");
        menu.getStyleClass().add(Styles.BUTTON_FLAT);
        menu.setTooltip(new Tooltip(Messages.text("settings.menu.tooltip")));
        menu.setAccessibleText(Messages.text("settings.menu.tooltip"));
        menu.setFocusTraversable(false);
        // The button sits at the window's right edge: the menu opens to its left, inside the window.
        menu.setPopupSide(Side.LEFT);
        // Where a narrow window leaves less room than that, the menu moves over to stay inside the window.
        menu.setOnShown(e -> keepInsideWindow(menu));
        menu.getItems().addAll(
                item("import-file", Messages.text("settings.menu.importFile"), vm::importFile),
                item("import-folder", Messages.text("settings.menu.importFolder"), vm::importFolder),
                new SeparatorMenuItem(),
                item("export-json", Messages.text("settings.menu.exportJson"), vm::exportJson),
                item("export-markdown", Messages.text("settings.menu.exportMarkdown"), vm::exportMarkdown),
                item("export-ics", Messages.text("settings.menu.exportIcs"), vm::exportIcs));
        if (asOfOrNull != null || backupsOrNull != null) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        if (backupsOrNull != null) {
            menu.getItems().add(item("backups", Messages.text("settings.menu.backups"), backupsOrNull));
        }
        if (asOfOrNull != null) {
            menu.getItems().add(item("show-as-of", Messages.text("settings.menu.asOf"), asOfOrNull));
        }
        if (phoneOrNull != null) {
            menu.getItems().addAll(new SeparatorMenuItem(),
                    item("open-on-phone", Messages.text("settings.menu.phone"), phoneOrNull));
        }
        if (joinOrNull != null) {
            menu.getItems().addAll(new SeparatorMenuItem(), item("join-list", Messages.text("settings.menu.join"),
                    joinOrNull));
            menu.setTooltip(new Tooltip(Messages.text("settings.menu.tooltipJoin")));
            menu.setAccessibleText(Messages.text("settings.menu.tooltipJoin"));
        }
        getChildren().addAll(status, bar, menu);
        setAlignment(Pos.CENTER_RIGHT);
    }

    /** Moves {@code menu}'s open popup sideways, as little as needed, to lie within the window's width. */
    private static void keepInsideWindow(MenuButton menu) {
        if (menu.getScene() == null || menu.getScene().getWindow() == null) {
            return;
        }
        double left = menu.getScene().getWindow().getX() + menu.getScene().getX();
        double right = left + menu.getScene().getWidth();
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu popup && popup.isShowing() && popup.getOwnerNode() == menu) {
                popup.setX(Math.max(left, Math.min(popup.getX(), right - popup.getWidth())));
            }
        }
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Files and folders dropped anywhere on {@code target} are imported. */
    public static void acceptDrops(Node target, TransferViewModel vm) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (e.getDragboard().hasFiles()) {
                List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                vm.importPaths(paths);
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }
}

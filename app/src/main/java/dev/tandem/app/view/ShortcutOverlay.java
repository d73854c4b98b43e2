package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/**
 * The "?"/F1 overlay: every entry of the {@link Shortcuts} table, keys and words. Escape, "?", F1 or a
 * click closes it and gives the focus back.
 */
final class ShortcutOverlay extends StackPane {
    ShortcutOverlay(Shortcuts shortcuts, Runnable close) {
        setId("shortcut-overlay");
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText("Keyboard shortcuts");
        setStyle("-fx-background-color: rgba(0,0,0,0.35);");
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.SHORTCUTS);
        grid.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Label heading = new Label("Keyboard shortcuts");
        heading.getStyleClass().add(Styles.TITLE);
        grid.add(heading, 0, 0, 4, 1);
        // Two columns of key and words, in table order (down the first column, then the second).
        int perColumn = (shortcuts.listed().size() + 1) / 2;
        int i = 0;
        for (Shortcuts.Shortcut s : shortcuts.listed()) {
            Label keys = new Label(s.keyText());
            keys.getStyleClass().add(Styles.SHORTCUT_KEY);
            Label what = new Label(s.description());
            what.setLabelFor(keys);
            int col = i < perColumn ? 0 : 2;
            int row = 1 + (i < perColumn ? i : i - perColumn);
            grid.add(keys, col, row);
            grid.add(what, col + 1, row);
            i++;
        }
        Label hint = new Label("Esc closes");
        hint.getStyleClass().add(Styles.SUBTITLE);
        grid.add(hint, 0, perColumn + 1, 4, 1);
        StackPane.setAlignment(grid, Pos.CENTER);
        getChildren().add(grid);
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1 || "?".equals(e.getText())) {
                close.run();
                e.consume();
            }
        });
        setOnMouseClicked(e -> close.run());
    }
}

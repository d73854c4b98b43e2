package dev.tandem.app.view;

import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/**
 * The "?"/F1 overlay: every entry of the {@link Shortcuts} table, keys and words. Escape, "?", F1 or a
 * click closes it and gives the focus back. The entries take two columns where the window has the width for
 * them and one otherwise (a window at its least width), and scroll where the window is too low: every line
 * reads whole.
 */
final class ShortcutOverlay extends StackPane {
    /** Room kept around the table, so the dimmed window shows it is an overlay. */
    private static final double MARGIN = 12;
    private final GridPane grid = new GridPane();
    private final Label heading = new Label(Messages.text("main.shortcuts.title"));
    private final Label hint = new Label(Messages.text("main.shortcuts.hint"));
    private final List<Label[]> lines = new ArrayList<>();
    private int columns;
    /** The table's width in two columns, measured once it has its styles. */
    private double twoColumnWidth = -1;

    ShortcutOverlay(Shortcuts shortcuts, Runnable close) {
        setId("shortcut-overlay");
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText(Messages.text("main.shortcuts.title"));
        setStyle("-fx-background-color: rgba(0,0,0,0.35);");
        grid.getStyleClass().add(Styles.SHORTCUTS);
        heading.getStyleClass().add(Styles.TITLE);
        hint.getStyleClass().add(Styles.SUBTITLE);
        for (Shortcuts.Shortcut s : shortcuts.listed()) {
            Label keys = new Label(s.keyText());
            keys.getStyleClass().add(Styles.SHORTCUT_KEY);
            keys.setMinWidth(USE_PREF_SIZE);
            Label what = new Label(s.description());
            what.setLabelFor(keys);
            what.setMinWidth(USE_PREF_SIZE);
            lines.add(new Label[] {keys, what});
        }
        arrange(2);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMargin(scroll, new Insets(MARGIN));
        StackPane.setAlignment(scroll, Pos.CENTER);
        getChildren().add(scroll);
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1 || "?".equals(e.getText())) {
                close.run();
                e.consume();
            }
        });
        // A click closes it, except on the scroll bar, which scrolls.
        setOnMouseClicked(e -> {
            if (!(e.getTarget() instanceof Node n && onScrollBar(n))) {
                close.run();
            }
        });
    }

    /** Two columns while they fit the overlay's width, else one (see the class comment). */
    @Override
    protected void layoutChildren() {
        if (twoColumnWidth < 0 && columns == 2) {
            twoColumnWidth = grid.prefWidth(-1);
        }
        int fit = getWidth() >= twoColumnWidth + 2 * MARGIN ? 2 : 1;
        if (fit != columns) {
            arrange(fit);
        }
        super.layoutChildren();
    }

    /** The entries in {@code n} columns of key and words, in table order (down the first column, then the next). */
    private void arrange(int n) {
        columns = n;
        grid.getChildren().clear();
        grid.add(heading, 0, 0, 2 * n, 1);
        int perColumn = (lines.size() + n - 1) / n;
        for (int i = 0; i < lines.size(); i++) {
            int col = 2 * (i / perColumn);
            grid.add(lines.get(i)[0], col, 1 + i % perColumn);
            grid.add(lines.get(i)[1], col + 1, 1 + i % perColumn);
        }
        grid.add(hint, 0, perColumn + 1, 2 * n, 1);
    }

    private static boolean onScrollBar(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }
}

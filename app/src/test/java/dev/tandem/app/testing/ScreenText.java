package dev.tandem.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * What a window shows in words, read from its scene graph: every visible {@link Text} (labels, buttons,
 * prompts, headings, inside the controls' skins), tooltips and accessible text. Call on the FX thread.
 */
public final class ScreenText {
    private ScreenText() {
    }

    /** Every visible text under {@code root}, once each. */
    public static Set<String> of(Parent root) {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    /**
     * The texts under {@code root} written in plain ASCII letters: in a pseudo-language every word of the
     * app is accented, so these came from no catalogue. {@code data} marks the user's own words, which
     * the test made accented so they never count.
     */
    public static List<String> plain(Parent root) {
        List<String> out = new ArrayList<>();
        for (String s : of(root)) {
            if (s.matches("(?s).*[A-Za-z]{2,}.*") && s.chars().noneMatch(c -> c > 0x7f)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Labels, buttons and other labeled controls whose text JavaFX shortened with an ellipsis to fit: words
     * cut off. {@code skip} names style classes whose text may be shortened (a row's title, the user's data).
     */
    public static List<String> cutOff(Parent root, Set<String> skip) {
        List<String> out = new ArrayList<>();
        cut(root, skip, out);
        return out;
    }

    private static void cut(Node n, Set<String> skip, List<String> out) {
        if (!n.isVisible() || n.getStyleClass().stream().anyMatch(skip::contains)) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getWidth() > 0) {
            for (Node c : l.getChildrenUnmodifiable()) {
                // JavaFX shows a shortened label as its start and the ellipsis string ("..." unless set).
                String shown = c instanceof Text t && t.isVisible() ? t.getText() : null;
                String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
                String ellipsis = l.getEllipsisString() == null ? "" : l.getEllipsisString();
                if (shown != null && !shown.equals(full) && !ellipsis.isEmpty() && shown.endsWith(ellipsis)) {
                    out.add(l.getText() + " (shows “" + shown + "”)");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                cut(c, skip, out);
            }
        }
    }

    private static void collect(Node n, Set<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank() && !insideTextInput(t)) {
            out.add(t.getText().strip());
        }
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            out.add(n.getAccessibleText().strip());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            Tooltip tip = c.getTooltip();
            if (tip.getText() != null && !tip.getText().isBlank()) {
                out.add(tip.getText().strip());
            }
        }
        if (n instanceof TextInputControl input && input.getText().isEmpty() && input.getPromptText() != null
                && !input.getPromptText().isBlank()) {
            out.add(input.getPromptText().strip());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** The typed text of a field is the user's, not the app's; its prompt is read from the control. */
    private static boolean insideTextInput(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }
}

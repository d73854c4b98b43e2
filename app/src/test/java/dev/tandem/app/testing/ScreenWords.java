package dev.tandem.app.testing;

import dev.tandem.ui.messages.Catalogue;
import dev.tandem.ui.messages.Language;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * What a screen shows that its language does not say, and words it cuts short. Call on the FX thread.
 *
 * <p>English words: a word (three letters or more) shown on the screen that the English catalogues or the
 * toolkit's key names use and the screen's language never does in its own catalogues, its dates or its month and
 * day names. Words of the user's data ({@code data}: titles, list and tag names the test wrote) never count.
 *
 * <p>Cut words: a label or button JavaFX shortened with an ellipsis, a field's prompt wider than the room the field
 * gives it, or a date field's text wider than the field, except where the full text is the user's data.
 */
public final class ScreenWords {
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final Map<Language, Set<String>> VOCABULARY = new ConcurrentHashMap<>();

    private ScreenWords() {
    }

    /** The English words on the screen under {@code root}, each with the text it stands in. */
    public static List<String> english(Parent root, Language language, Set<String> data) {
        Set<String> english = vocabulary(Language.ENGLISH);
        Set<String> own = vocabulary(language);
        Set<String> dataWords = words(String.join(" ", data));
        List<String> out = new ArrayList<>();
        for (String text : ScreenText.of(root)) {
            if (data.contains(text)) {
                continue;
            }
            for (String w : words(text)) {
                if (english.contains(w) && !own.contains(w) && !dataWords.contains(w)) {
                    out.add("“" + w + "” in “" + text + "”");
                }
            }
        }
        return out;
    }

    /** Labels and buttons shortened with "…", prompts and date texts wider than their field: the user's data aside. */
    public static List<String> cut(Parent root, Set<String> data) {
        List<String> out = new ArrayList<>();
        collectCut(root, data, out);
        return out;
    }

    private static void collectCut(Node n, Set<String> data, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getWidth() > 0 && !isData(l.getText(), data)) {
            String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
            String ellipsis = l.getEllipsisString() == null ? "" : l.getEllipsisString();
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.isVisible() && !t.getText().equals(full) && !ellipsis.isEmpty()
                        && t.getText().endsWith(ellipsis)) {
                    out.add("“" + l.getText() + "” shows “" + t.getText() + "”" + where(l));
                }
            }
        }
        if (n instanceof TextField f && f.getWidth() > 0 && !isInsideTextArea(f.getParent())) {
            boolean date = f.getParent() instanceof ComboBoxBase<?> || f.getStyleClass().contains("date-picker-display-node");
            String shown = f.getText().isEmpty() ? f.getPromptText() : date ? f.getText() : null;
            if (shown != null && !shown.isEmpty() && !isData(shown, data)) {
                double room = room(f);
                double width = width(shown, f);
                if (width > room + 1) {
                    out.add((f.getText().isEmpty() ? "the prompt “" : "the date “") + shown + "” (" + Math.round(width)
                            + " px) in " + Math.round(room) + " px" + (f.getId() == null ? "" : " (#" + f.getId() + ")"));
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectCut(c, data, out);
            }
        }
    }

    /** Where a node sits, for the failure message: the nearest id or style class up its parents. */
    private static String where(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return " (in #" + p.getId() + ")";
            }
        }
        return "";
    }

    private static boolean isInsideTextArea(Parent p) {
        for (Node n = p; n != null; n = n.getParent()) {
            if (n instanceof TextArea) {
                return true;
            }
        }
        return false;
    }

    /** The room a field gives its text: inside its padding, less its own left and right nodes. */
    private static double room(TextField f) {
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        if (f instanceof CustomTextField c) {
            for (Node side : new Node[] {c.getLeft(), c.getRight()}) {
                room -= side == null ? 0 : side.prefWidth(-1) + 8;
            }
        }
        return room;
    }

    private static double width(String s, TextField f) {
        Text probe = new Text(s);
        probe.setFont(f.getFont());
        return probe.getLayoutBounds().getWidth();
    }

    private static boolean isData(String text, Set<String> data) {
        for (String d : data) {
            if (!d.isEmpty() && text.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** Every word of {@code language}'s catalogues, of its dates' month and day names, and (English) the key names. */
    static Set<String> vocabulary(Language language) {
        return VOCABULARY.computeIfAbsent(language, l -> {
            Set<String> out = new HashSet<>();
            for (String area : Catalogue.AREAS) {
                for (String pattern : Catalogue.file(area, l == Language.ENGLISH ? "" : l.tag()).values()) {
                    out.addAll(words(pattern));
                }
            }
            Locale locale = l.locale();
            for (TextStyle style : TextStyle.values()) {
                for (Month m : Month.values()) {
                    out.addAll(words(m.getDisplayName(style, locale)));
                }
                for (DayOfWeek d : DayOfWeek.values()) {
                    out.addAll(words(d.getDisplayName(style, locale)));
                }
            }
            if (l == Language.ENGLISH) {
                // The toolkit writes keys in English whatever the language ("Ctrl+Back Space").
                for (KeyCode k : List.of(KeyCode.SPACE, KeyCode.DELETE, KeyCode.BACK_SPACE, KeyCode.ESCAPE, KeyCode.ENTER,
                        KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.HOME, KeyCode.END, KeyCode.UP, KeyCode.DOWN,
                        KeyCode.LEFT, KeyCode.RIGHT, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.INSERT)) {
                    out.addAll(words(k.getName()));
                }
                out.add("ctrl");
            }
            return Set.copyOf(out);
        });
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}

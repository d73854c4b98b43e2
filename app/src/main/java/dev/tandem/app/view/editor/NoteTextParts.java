package dev.tandem.app.view.editor;

import dev.tandem.app.view.Icons;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The notes as text: the editor's notes field and the text area, kept the same both ways. A note of up to
 * {@link #WHOLE} characters is in the text area whole, as most notes are. A longer one is edited one part of
 * about {@link #PART} characters at a time (cut after a line end), with a bar to go to the part before or
 * after: JavaFX's text area lays out and measures its whole text again on every key (one text node), which
 * for a note of 1,000,000 characters took 0.2 to 1.7 s a key, and its caret blink repainted all of it. The
 * notes field always holds the whole note (the text before the part, the part as typed, the text after), so
 * saving, undo, conflicts and history see the note as before.
 */
final class NoteTextParts {
    /** Notes up to this long are in the text area whole. */
    static final int WHOLE = 24_000;
    /** About how much of a longer note the text area holds. */
    static final int PART = 16_000;

    private final StringProperty notes;
    private final TextArea area;
    private final HBox bar;
    private final Label where = new Label();
    private final Button previous = new Button(null, Icons.of(MaterialDesignC.CHEVRON_UP, 15));
    private final Button next = new Button(null, Icons.of(MaterialDesignC.CHEVRON_DOWN, 15));
    /** The note before and after the part in the text area; both empty for a note shown whole. */
    private String before = "";
    private String after = "";
    private boolean syncing;

    NoteTextParts(StringProperty notes, ReadOnlyObjectProperty<?> item, TextArea area) {
        this.notes = notes;
        this.area = area;
        where.setId("notes-part");
        where.getStyleClass().add(Styles.HINT);
        previous.setId("notes-part-previous");
        next.setId("notes-part-next");
        for (Button b : new Button[] {previous, next}) {
            b.getStyleClass().add(Styles.BUTTON_FLAT);
            b.setFocusTraversable(false);
        }
        previous.setTooltip(new Tooltip(Messages.text("editor.notes.previousTip")));
        previous.setAccessibleText(Messages.text("editor.notes.previous"));
        next.setTooltip(new Tooltip(Messages.text("editor.notes.nextTip")));
        next.setAccessibleText(Messages.text("editor.notes.next"));
        previous.setOnAction(e -> go(-1));
        next.setOnAction(e -> go(1));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new HBox(4, where, spacer, previous, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(bar.visibleProperty());

        // Typing changes the part: the notes field gets the whole note again (a copy, no layout).
        area.textProperty().addListener(o -> {
            if (!syncing) {
                syncing = true;
                try {
                    String part = area.getText();
                    notes.set(before.isEmpty() && after.isEmpty() ? part : before + part + after);
                } finally {
                    syncing = false;
                }
            }
        });
        // The notes changed elsewhere (another item, a synced edit, a tick): the same part of them, as near as
        // they allow; another item starts at its first part.
        notes.addListener((o, a, text) -> {
            if (!syncing) {
                show(text, before.length(), true);
            }
        });
        item.addListener((o, a, b) -> {
            if (!before.isEmpty()) {
                show(notes.get(), 0, false);
            }
        });
        show(notes.get(), 0, false);
    }

    /** The bar saying which part of a long note is shown, with the buttons to the others; hidden otherwise. */
    HBox bar() {
        return bar;
    }

    private void go(int step) {
        String text = whole();
        int start = step < 0 ? startBefore(text, before.length()) : before.length() + area.getLength();
        show(text, start, false);
        area.requestFocus();
        area.positionCaret(step < 0 ? area.getLength() : 0);
    }

    private String whole() {
        return notes.get() == null ? "" : notes.get();
    }

    /** Shows the part of {@code text} from {@code from}; keeps the caret where it was if asked. */
    private void show(String text, int from, boolean keepCaret) {
        String t = text == null ? "" : text;
        int start = Math.min(from, t.length());
        if (start > 0 && start < t.length() && Character.isLowSurrogate(t.charAt(start))) {
            start--;
        }
        int end = end(t, start);
        int caret = area.getCaretPosition();
        syncing = true;
        try {
            before = t.substring(0, start);
            after = t.substring(end);
            area.setText(start == 0 && end == t.length() ? t : t.substring(start, end));
        } finally {
            syncing = false;
        }
        if (keepCaret && area.isFocused()) {
            area.positionCaret(Math.min(caret, area.getLength()));
        }
        boolean parts = start > 0 || end < t.length();
        bar.setVisible(parts);
        previous.setDisable(start == 0);
        next.setDisable(end == t.length());
        if (parts) {
            where.setText(Messages.text("editor.notes.part", start + 1, end, t.length()));
        }
    }

    /** Where the part from {@code start} ends: the note's end when it is near, else after a line end near {@link #PART}. */
    static int end(String text, int start) {
        int length = text.length();
        if (length - start <= (start == 0 ? WHOLE : PART + PART / 2)) {
            return length;
        }
        int limit = start + PART;
        int newline = text.lastIndexOf('\n', limit - 1);
        if (newline >= start + PART / 2) {
            return newline + 1;
        }
        // One very long line: cut it, but never between the two halves of a character.
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** Where the part before the one starting at {@code start} starts. */
    static int startBefore(String text, int start) {
        int s = 0;
        while (true) {
            int e = end(text, s);
            if (e >= start || e <= s) {
                return s;
            }
            s = e;
        }
    }
}

package dev.tandem.app.view.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A long note edited a part at a time: the parts cover the note, and the notes field is always the whole note. */
@Tag("ui")
class NoteTextPartsTest {
    private static String lines(int chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < chars; i++) {
            b.append("line ").append(i).append(" of a long note\n");
        }
        b.setLength(chars);
        return b.toString();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    @Test
    void parts_coverTheNote_cutAfterLineEnds() {
        String text = lines(1_000_000);
        int start = 0;
        int parts = 0;
        while (start < text.length()) {
            int end = NoteTextParts.end(text, start);
            assertTrue(end > start && end - start <= NoteTextParts.PART * 3 / 2, "part " + parts);
            assertTrue(end == text.length() || text.charAt(end - 1) == '\n', "cut after a line end");
            assertEquals(start, NoteTextParts.startBefore(text, end) == start ? start : -1);
            start = end;
            parts++;
        }
        assertTrue(parts > 50 && parts < 80, "parts: " + parts);
        assertEquals(20_000, NoteTextParts.end(lines(20_000), 0), "a shorter note is whole");
    }

    @Test
    void oneLongLine_isCutWithoutSplittingACharacter() {
        String text = "😀".repeat(30_000);
        int end = NoteTextParts.end(text, 0);
        assertTrue(end < text.length() && Character.isHighSurrogate(text.charAt(end)), "cut before a character");
    }

    @Test
    void typingInAPart_keepsTheWholeNoteInTheField() throws Exception {
        FxToolkit.registerPrimaryStage();
        String text = lines(100_000);
        SimpleStringProperty notes = new SimpleStringProperty(text);
        SimpleObjectProperty<Object> item = new SimpleObjectProperty<>("a");
        TextArea area = fx(TextArea::new);
        NoteTextParts parts = fx(() -> new NoteTextParts(notes, item, area));
        assertTrue(fx(() -> area.getLength() < 30_000 && parts.bar().isVisible()));
        Button next = (Button) parts.bar().lookup("#notes-part-next");
        fx(() -> {
            next.fire();
            next.fire();
            area.positionCaret(5);
            area.replaceSelection("typed");
            return null;
        });
        int at = fx(() -> text.length() - notes.get().length() + 0);
        assertEquals(-5, at);
        String now = notes.get();
        int typed = now.indexOf("typed");
        assertTrue(typed > 30_000, "typed in the third part");
        assertEquals(text, now.substring(0, typed) + now.substring(typed + 5));

        // A change from elsewhere keeps the part; another item starts at its first part.
        fx(() -> {
            notes.set("x" + now);
            return null;
        });
        assertTrue(fx(() -> area.getText().contains("typed")));
        fx(() -> {
            notes.set(text);
            item.set("b");
            return null;
        });
        assertTrue(fx(() -> text.startsWith(area.getText())));
        Button previous = (Button) parts.bar().lookup("#notes-part-previous");
        assertTrue(fx(previous::isDisabled));
        fx(() -> {
            notes.set("short");
            return null;
        });
        assertFalse(fx(() -> parts.bar().isVisible()));
        assertEquals("short", fx(area::getText));
    }
}

package dev.tandem.app.web;

import dev.tandem.app.model.Item;
import dev.tandem.app.text.Checklist;
import java.util.List;

/**
 * A check box of a note, named as the page saw it: by its words ("Eggs" of "- [ ] Eggs") and which of the boxes
 * with those words it is ({@code occurrence}, from 0), never by its line, which moves when a line is put above it
 * on another device. A box no longer there is refused with its words, and nothing else is ticked; a box already as
 * asked is left as it is.
 */
final class NoteChecks {
    private NoteChecks() {
    }

    /** The words after {@code box} on its line, stripped ("Eggs" of "- [ ] Eggs"); {@code lines} the note's. */
    static String words(List<String> lines, Checklist.Box box) {
        String line = lines.get(box.line());
        return line.substring(Math.min(line.length(), box.column() + 2)).strip();
    }

    /** {@code it} with that box ticked ({@code checked}) or cleared; refused (409) when the note has no such box. */
    static Item tick(Item it, String text, long occurrence, boolean checked) {
        String notes = it.notes();
        String words = text.strip();
        // Each box's words from the note's lines, read once: a note of 20,000 boxes costs one parse and one pass.
        List<String> lines = Checklist.lines(notes);
        long seen = 0;
        for (Checklist.Box box : Checklist.boxes(notes)) {
            if (!words(lines, box).equals(words)) {
                continue;
            }
            if (seen++ < occurrence) {
                continue;
            }
            return Checklist.toggle(notes, box, checked).map(it::withNotes)
                    .orElseThrow(() -> new BadRequest(409, "server.check.gone", words));
        }
        throw new BadRequest(409, "server.check.gone", words);
    }
}

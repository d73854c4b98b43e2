package dev.tandem.app.text.note;

import dev.tandem.app.text.Checklist;
import java.util.List;

/**
 * One block of a note as the Markdown view lays it out. The view turns each kind into nodes; nothing
 * here needs the toolkit, so tests read a note's structure directly.
 */
public sealed interface NoteBlock {
    /** "# Title" to "###### Title". */
    record Heading(int level, List<Span> spans) implements NoteBlock {
        public Heading {
            spans = List.copyOf(spans);
        }
    }

    record Paragraph(List<Span> spans) implements NoteBlock {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /** A bulleted or numbered list; {@code tight} when no blank line separates its items. */
    record ListBlock(boolean ordered, int start, boolean tight, List<Entry> entries) implements NoteBlock {
        public ListBlock {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One list item: its blocks, and its check box when it starts with {@code [ ]} or {@code [x]} (the box's
     * brackets are not part of the text). The box says where its mark is in the note, for ticking it.
     */
    record Entry(Checklist.Box box, List<NoteBlock> blocks) {
        public Entry {
            blocks = List.copyOf(blocks);
        }

        public boolean hasBox() {
            return box != null;
        }

        public boolean checked() {
            return box != null && box.checked();
        }

        /** The box's line in the note, -1 without a box: what tells the same box apart after the note changed. */
        public int line() {
            return box == null ? -1 : box.line();
        }
    }

    record Quote(List<NoteBlock> blocks) implements NoteBlock {
        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** A fenced or indented code block: its text as written, and the fence's info ("java"), "" if none. */
    record Code(String info, String text) implements NoteBlock {
    }

    /** A GFM table: the header's cells, the rows' cells, and each column's alignment. */
    record Table(List<Align> aligns, List<List<Span>> header, List<List<List<Span>>> rows) implements NoteBlock {
        public Table {
            aligns = List.copyOf(aligns);
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    enum Align { LEFT, CENTER, RIGHT }

    /** A thematic break ("---"). */
    record Rule() implements NoteBlock {
    }

    /** Raw HTML, shown as the text it is: never interpreted, so it can load nothing. */
    record Html(String text) implements NoteBlock {
    }
}

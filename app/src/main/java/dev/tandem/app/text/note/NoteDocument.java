package dev.tandem.app.text.note;

import java.util.ArrayList;
import java.util.List;

/** A note read as Markdown: its blocks, top to bottom. */
public record NoteDocument(List<NoteBlock> blocks) {
    public static final NoteDocument EMPTY = new NoteDocument(List.of());

    public NoteDocument {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Every list entry with a check box, in order, however deep. */
    public List<NoteBlock.Entry> boxes() {
        List<NoteBlock.Entry> out = new ArrayList<>();
        collect(blocks, out);
        return out;
    }

    private static void collect(List<NoteBlock> blocks, List<NoteBlock.Entry> out) {
        for (NoteBlock b : blocks) {
            if (b instanceof NoteBlock.ListBlock l) {
                for (NoteBlock.Entry e : l.entries()) {
                    if (e.hasBox()) {
                        out.add(e);
                    }
                    collect(e.blocks(), out);
                }
            } else if (b instanceof NoteBlock.Quote q) {
                collect(q.blocks(), out);
            }
        }
    }
}

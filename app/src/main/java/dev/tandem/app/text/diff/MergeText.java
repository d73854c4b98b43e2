package dev.tandem.app.text.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Both versions of a text, as the merge editor offers them: the lines both share, and the places
 * where they differ, each with the kept version's lines and the lost version's. The merged text is
 * composed from a choice per place (this version, that one, or both, the kept lines first), so no
 * marker lines ever stand in the text a person edits or saves.
 */
public final class MergeText {
    /** What a place of the merged text holds. */
    public enum Choice { KEPT, LOST, BOTH }

    /** Lines both versions share ({@code same}), or a place where they differ ({@code same} null). */
    public record Part(List<String> same, List<String> kept, List<String> lost) {
        public boolean place() {
            return same == null;
        }
    }

    private MergeText() {
    }

    /** The parts of {@code diff}, whose old side is the lost version and whose new side the kept one. */
    public static List<Part> parts(LineDiff diff) {
        List<Part> out = new ArrayList<>();
        for (LineDiff.Block b : diff.blocks()) {
            out.add(b.same() ? new Part(List.copyOf(b.old()), null, null)
                    : new Part(null, List.copyOf(b.neu()), List.copyOf(b.old())));
        }
        return out;
    }

    /**
     * The merged text: shared lines as they are, each place as {@code choices} says (one per place,
     * in order), lines joined with "\n" (a text area's own break; {@link #toStored} puts the kept
     * version's back), ending with a line break when the kept version does.
     */
    public static String compose(List<Part> parts, List<Choice> choices, boolean finalNewline) {
        List<String> lines = new ArrayList<>();
        int place = 0;
        for (Part p : parts) {
            if (!p.place()) {
                lines.addAll(p.same());
                continue;
            }
            Choice c = choices.get(place++);
            if (c != Choice.LOST) {
                lines.addAll(p.kept());
            }
            if (c != Choice.KEPT) {
                lines.addAll(p.lost());
            }
        }
        String text = String.join("\n", lines);
        return finalNewline && !lines.isEmpty() ? text + "\n" : text;
    }

    /**
     * The edited text as it is to be stored: line breaks as the kept version had them (a text area
     * gives "\n" only), so merging a note written on Windows does not rewrite every line of it.
     */
    public static String toStored(String edited, TextLines kept) {
        String s = edited.replace("\r\n", "\n").replace('\r', '\n');
        return kept.lineEnding().equals("\n") ? s : s.replace("\n", kept.lineEnding());
    }
}

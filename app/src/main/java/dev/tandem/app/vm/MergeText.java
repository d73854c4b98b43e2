package dev.tandem.app.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * The text the merge editor starts from, and how to read what the user made of it. Lines both
 * versions share appear once; each place where they differ shows both, between the marker lines
 * git uses, so the markers are familiar and easy to find:
 *
 * <pre>
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; kept (This device)
 * the kept version's lines
 * =======
 * the lost version's lines
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; lost (Pixel 8)
 * </pre>
 */
public final class MergeText {
    public static final String START = "<<<<<<<";
    public static final String MIDDLE = "=======";
    public static final String END = ">>>>>>>";

    /** Where a marked place starts and ends in the text: [start, end), the end after its closing line. */
    public record Range(int start, int end) {
    }

    private MergeText() {
    }

    /**
     * The seed for {@code diff}, whose old side is the lost version and whose new side the kept one.
     * Lines are joined with "\n" (a text area's own line break); {@link #toStored} puts the kept
     * version's breaks back. The seed ends with a line break when the kept version does.
     */
    public static String seed(LineDiff diff, String keptDevice, String lostDevice) {
        List<String> out = new ArrayList<>();
        for (LineDiff.Block b : diff.blocks()) {
            if (b.same()) {
                out.addAll(b.old());
                continue;
            }
            out.add(START + " kept (" + keptDevice + ")");
            out.addAll(b.neu());
            out.add(MIDDLE);
            out.addAll(b.old());
            out.add(END + " lost (" + lostDevice + ")");
        }
        String text = String.join("\n", out);
        return diff.newText().finalNewline() && !out.isEmpty() ? text + "\n" : text;
    }

    private static boolean isMarker(String line) {
        return line.startsWith(START) || line.startsWith(END) || line.equals(MIDDLE);
    }

    /** How many marked places remain: lines that open one. */
    public static int places(String text) {
        int n = 0;
        for (String line : TextLines.of(text).lines()) {
            if (line.startsWith(START)) {
                n++;
            }
        }
        return n;
    }

    /** True when any marker line remains, even a stray one. */
    public static boolean hasMarkers(String text) {
        return TextLines.of(text).lines().stream().anyMatch(MergeText::isMarker);
    }

    /**
     * The next marked place at or after {@code from} (wrapping to the first), so the editor can
     * select it; null when none remains. A place whose closing line is missing runs to the end.
     */
    public static Range next(String text, int from) {
        List<Range> all = new ArrayList<>();
        int lineStart = 0;
        int open = -1;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            if (line.startsWith(START)) {
                open = lineStart;
            } else if (line.startsWith(END) && open >= 0) {
                all.add(new Range(open, lineEnd));
                open = -1;
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        if (open >= 0) {
            all.add(new Range(open, text.length()));
        }
        for (Range r : all) {
            if (r.start() >= from) {
                return r;
            }
        }
        return all.isEmpty() ? null : all.get(0);
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

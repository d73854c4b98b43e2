package dev.tandem.app.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Check boxes in a note: list items that start with {@code [ ]} or {@code [x]} ({@code - [ ] Milk},
 * {@code * [x] Eggs}, {@code 1. [ ] Call}), found the way the Markdown view finds them: by parsing the
 * note with commonmark, so a box inside a code block is no box. Each box is located by its line and the
 * column of its mark, as the parser counts them (a line ends at {@code \n}, {@code \r\n} or {@code \r}),
 * and {@link #toggle} changes that one character: every other byte of the note stays as it was, so the
 * edit merges like any edit of one line.
 */
public final class Checklist {
    /**
     * The parser every part of the app reads notes with: GFM tables, and where each block came from. Built
     * on first use, not when the class loads: the item list's rows ask for their progress on the first
     * frame, and a note without brackets never needs the parser's classes.
     */
    private static final class Markdown {
        static final Parser PARSER = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build();
    }

    /** After a list item's marker: the spaces, then {@code [ ]}, {@code [x]} or {@code [X]}, then a space or the end. */
    private static final Pattern BOX = Pattern.compile("([-*+]|\\d{1,9}[.)])([ \\t]+)\\[([ xX])\\](?=[ \\t]|$)");

    private Checklist() {
    }

    /** One check box: its 0-based line, the column of the mark between the brackets, and whether it is ticked. */
    public record Box(int line, int column, boolean checked) {
    }

    /** How many boxes are ticked, of how many. */
    public record Progress(int done, int total) {
        public static final Progress NONE = new Progress(0, 0);

        public boolean isEmpty() {
            return total == 0;
        }

        /** "2/5"; "" without boxes. */
        public String text() {
            return total == 0 ? "" : done + "/" + total;
        }
    }

    /**
     * A note read as paragraphs of its text (split at blank lines), because reading it as Markdown overflowed the
     * stack: commonmark's inline parser recurses once per level of emphasis or link, and a note synced from someone
     * else may nest ten thousand. Such a note shows as plain text everywhere and has no boxes.
     */
    public static final class Unparsed extends Document {
        public Unparsed(String text) {
            for (String p : text.split("\\R\\s*\\R")) {
                if (!p.isBlank()) {
                    Paragraph para = new Paragraph();
                    para.appendChild(new Text(p));
                    appendChild(para);
                }
            }
        }
    }

    /** Parses a note (null is empty); one nested too deep to parse is {@link Unparsed}. */
    public static Node parse(String text) {
        String note = text == null ? "" : text;
        try {
            return Markdown.PARSER.parse(note);
        } catch (StackOverflowError tooDeep) {
            // Caught where the parse began, the stack unwound: the parse changes nothing outside its own tree.
            return new Unparsed(note);
        }
    }

    /** The note's lines as the parser numbers them. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        String s = text == null ? "" : text;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The box {@code item} starts with, if it starts with one; {@code lines} are the note's {@link #lines}. */
    public static Optional<Box> boxOf(ListItem item, List<String> lines) {
        List<SourceSpan> spans = item.getSourceSpans();
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        SourceSpan first = spans.get(0);
        if (first.getLineIndex() >= lines.size()) {
            return Optional.empty();
        }
        String line = lines.get(first.getLineIndex());
        if (first.getColumnIndex() > line.length()) {
            return Optional.empty();
        }
        Matcher m = BOX.matcher(line).region(first.getColumnIndex(), line.length());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new Box(first.getLineIndex(), m.start(3), !m.group(3).equals(" ")));
    }

    /** Every box in the note, in order. */
    public static List<Box> boxes(String text) {
        if (!mayHaveBoxes(text)) {
            return List.of();
        }
        List<String> lines = lines(text);
        List<Box> out = new ArrayList<>();
        // Depth first, in document order, without recursion: a note may nest thousands of quotes.
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(parse(text));
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof ListItem item) {
                boxOf(item, lines).ifPresent(out::add);
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                if (c instanceof Block) {
                    stack.push(c);
                }
            }
        }
        return out;
    }

    /**
     * Ticked boxes of all boxes; {@link Progress#NONE} for a note without any (cheap: no parse then). A note
     * longer than {@link #EXACT_UP_TO} characters is counted line by line instead of parsed, so a row of the
     * item list never parses a huge note on the FX thread: fenced code is skipped, but an indented code block
     * or a lazy continuation line can count where the parser would not.
     */
    public static Progress progress(String text) {
        if (text != null && text.length() > EXACT_UP_TO) {
            return scan(text);
        }
        List<Box> boxes = boxes(text);
        return boxes.isEmpty() ? Progress.NONE
                : new Progress((int) boxes.stream().filter(Box::checked).count(), boxes.size());
    }

    /** Notes up to this long are parsed for their progress; longer ones are scanned. */
    static final int EXACT_UP_TO = 20_000;

    /** A box line, possibly quoted: quote markers, the list marker, the box. */
    private static final Pattern BOX_LINE = Pattern.compile("^[ \\t>]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[([ xX])\\](?:[ \\t].*)?$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    private static Progress scan(String text) {
        if (!mayHaveBoxes(text)) {
            return Progress.NONE;
        }
        int done = 0;
        int total = 0;
        String fence = null;
        for (String line : lines(text)) {
            Matcher f = FENCE.matcher(line);
            if (f.matches()) {
                fence = fence == null ? f.group(1) : fence.equals(f.group(1)) ? null : fence;
                continue;
            }
            Matcher m = fence == null ? BOX_LINE.matcher(line) : null;
            if (m != null && m.matches()) {
                total++;
                done += m.group(1).equals(" ") ? 0 : 1;
            }
        }
        return total == 0 ? Progress.NONE : new Progress(done, total);
    }

    /**
     * The note with {@code box} ticked ({@code x}) or cleared (a space), nothing else changed; the same text
     * when it already is so. Empty when the note no longer has a box there (it changed since it was read).
     */
    public static Optional<String> toggle(String text, Box box, boolean checked) {
        String s = text == null ? "" : text;
        int at = lineStart(s, box.line());
        if (at < 0) {
            return Optional.empty();
        }
        int mark = at + box.column();
        int end = lineEnd(s, at);
        if (box.column() < 1 || mark + 1 >= end || s.charAt(mark - 1) != '[' || s.charAt(mark + 1) != ']'
                || " xX".indexOf(s.charAt(mark)) < 0) {
            return Optional.empty();
        }
        boolean now = s.charAt(mark) != ' ';
        if (now == checked) {
            return Optional.of(s);
        }
        return Optional.of(s.substring(0, mark) + (checked ? 'x' : ' ') + s.substring(mark + 1));
    }

    /**
     * The words after {@code box} on its line ("Book the van" of "- [ ] Book the van"), stripped; empty when
     * the note no longer has a box there.
     */
    public static Optional<String> words(String text, Box box) {
        String s = text == null ? "" : text;
        if (toggle(s, box, box.checked()).isEmpty()) {
            return Optional.empty();
        }
        int at = lineStart(s, box.line());
        return Optional.of(s.substring(at + box.column() + 2, lineEnd(s, at)).strip());
    }

    /**
     * The note without the line of {@code box} (and its line break), everything else as it was; empty when the
     * note no longer has a box there.
     */
    public static Optional<String> withoutLine(String text, Box box) {
        String s = text == null ? "" : text;
        if (toggle(s, box, box.checked()).isEmpty()) {
            return Optional.empty();
        }
        int at = lineStart(s, box.line());
        int end = lineEnd(s, at);
        int next = end < s.length() ? end + (s.startsWith("\r\n", end) ? 2 : 1) : end;
        // The last line goes with the break before it, so no empty line is left at the end.
        int from = next == end && at > 0 ? at - (at >= 2 && s.startsWith("\r\n", at - 2) ? 2 : 1) : at;
        return Optional.of(s.substring(0, from) + s.substring(next));
    }

    /** The note with a box line for {@code words} at its end ("- [ ] Book the van"), ticked if {@code checked}. */
    public static String withLine(String text, String words, boolean checked) {
        String s = text == null ? "" : text;
        String line = "- [" + (checked ? "x" : " ") + "] " + words.strip().replace('\n', ' ').replace('\r', ' ');
        return s.isEmpty() ? line : s + (s.endsWith("\n") ? "" : "\n") + line;
    }

    /** A quick test before parsing: no brackets of a box, no box. */
    private static boolean mayHaveBoxes(String text) {
        return text != null && (text.contains("[ ]") || text.contains("[x]") || text.contains("[X]"));
    }

    /** Where line {@code n} starts, -1 when there are fewer lines. */
    private static int lineStart(String s, int n) {
        int line = 0;
        int i = 0;
        while (line < n) {
            if (i >= s.length()) {
                return -1;
            }
            char c = s.charAt(i++);
            if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                line++;
            }
        }
        return i;
    }

    /** Where the line that starts at {@code start} ends (its line break, or the end of the text). */
    private static int lineEnd(String s, int start) {
        int i = start;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}

package dev.tandem.app.text.note;

import dev.tandem.app.text.Checklist;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Reads a note as Markdown (CommonMark with GFM tables, as {@link Checklist#parse} reads it) into a
 * {@link NoteDocument}. Pure and thread-safe: a long note is parsed off the FX thread.
 *
 * <p>Blocks nested deeper than {@link #MAX_DEPTH} (quotes in quotes in lists…) become plain paragraphs of
 * their text, so a hostile note cannot build a scene graph thousands of levels deep.
 */
public final class NoteParser {
    static final int MAX_DEPTH = 12;

    private NoteParser() {
    }

    public static NoteDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return NoteDocument.EMPTY;
        }
        Node doc = Checklist.parse(text);
        try {
            return new NoteDocument(new NoteParser.Reader(Checklist.lines(text)).blocks(doc, 0));
        } catch (StackOverflowError tooDeep) {
            // Inlines nested deeper than this thread's stack reads (the parse's own thread may have had more): the
            // note as plain paragraphs, as Checklist.Unparsed reads one the parser could not.
            return new NoteDocument(new NoteParser.Reader(List.of()).blocks(new Checklist.Unparsed(text), 0));
        }
    }

    private static final class Reader {
        private final List<String> lines;

        Reader(List<String> lines) {
            this.lines = lines;
        }

        List<NoteBlock> blocks(Node parent, int depth) {
            List<NoteBlock> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                NoteBlock b = depth > MAX_DEPTH ? new NoteBlock.Paragraph(List.of(Span.plain(plainText(n)))) : block(n, depth);
                if (b != null) {
                    out.add(b);
                }
            }
            return out;
        }

        private NoteBlock block(Node n, int depth) {
            if (n instanceof Heading h) {
                return new NoteBlock.Heading(h.getLevel(), Spans.of(h));
            }
            if (n instanceof Paragraph p) {
                return new NoteBlock.Paragraph(Spans.of(p));
            }
            if (n instanceof ListBlock l) {
                List<NoteBlock.Entry> entries = new ArrayList<>();
                for (Node i = l.getFirstChild(); i != null; i = i.getNext()) {
                    if (i instanceof ListItem item) {
                        entries.add(entry(item, depth + 1));
                    }
                }
                int start = l instanceof OrderedList o ? o.getStartNumber() : 1;
                return new NoteBlock.ListBlock(l instanceof OrderedList, start, l.isTight(), entries);
            }
            if (n instanceof BlockQuote q) {
                return new NoteBlock.Quote(blocks(q, depth + 1));
            }
            if (n instanceof FencedCodeBlock f) {
                return new NoteBlock.Code(f.getInfo() == null ? "" : f.getInfo().strip(), stripNewline(f.getLiteral()));
            }
            if (n instanceof IndentedCodeBlock c) {
                return new NoteBlock.Code("", stripNewline(c.getLiteral()));
            }
            if (n instanceof ThematicBreak) {
                return new NoteBlock.Rule();
            }
            if (n instanceof HtmlBlock h) {
                return new NoteBlock.Html(stripNewline(h.getLiteral()));
            }
            if (n instanceof TableBlock t) {
                return table(t);
            }
            // Link reference definitions and blocks no extension here makes: nothing to show.
            return null;
        }

        private NoteBlock.Entry entry(ListItem item, int depth) {
            Checklist.Box box = Checklist.boxOf(item, lines).orElse(null);
            List<NoteBlock> blocks = blocks(item, depth);
            if (box != null && !blocks.isEmpty()) {
                NoteBlock first = blocks.get(0);
                if (first instanceof NoteBlock.Paragraph p) {
                    blocks.set(0, new NoteBlock.Paragraph(Spans.withoutBox(p.spans())));
                } else if (first instanceof NoteBlock.Heading h) {
                    blocks.set(0, new NoteBlock.Heading(h.level(), Spans.withoutBox(h.spans())));
                }
            }
            return new NoteBlock.Entry(box, blocks);
        }

        private static NoteBlock.Table table(TableBlock t) {
            List<NoteBlock.Align> aligns = new ArrayList<>();
            List<List<Span>> header = new ArrayList<>();
            List<List<List<Span>>> rows = new ArrayList<>();
            for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
                for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                    if (!(r instanceof TableRow)) {
                        continue;
                    }
                    List<List<Span>> cells = new ArrayList<>();
                    for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell cell) {
                            cells.add(Spans.of(cell));
                            if (section instanceof TableHead) {
                                aligns.add(align(cell.getAlignment()));
                            }
                        }
                    }
                    if (section instanceof TableHead) {
                        header.addAll(cells);
                    } else {
                        rows.add(cells);
                    }
                }
            }
            return new NoteBlock.Table(aligns, header, rows);
        }

        private static NoteBlock.Align align(TableCell.Alignment a) {
            if (a == TableCell.Alignment.CENTER) {
                return NoteBlock.Align.CENTER;
            }
            return a == TableCell.Alignment.RIGHT ? NoteBlock.Align.RIGHT : NoteBlock.Align.LEFT;
        }
    }

    /** The text of a subtree, walked without recursion: what a block nested too deep shows. */
    static String plainText(Node root) {
        StringBuilder b = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                b.append(' ');
            } else if (n instanceof FencedCodeBlock f) {
                b.append(f.getLiteral()).append(' ');
            } else if (n instanceof IndentedCodeBlock c) {
                b.append(c.getLiteral()).append(' ');
            } else if (n instanceof Paragraph || n instanceof Heading) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            }
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return b.toString().strip();
    }

    private static String stripNewline(String s) {
        if (s == null) {
            return "";
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Inline content flattened into spans, each with its look. */
    static final class Spans {
        private final List<Span> out = new ArrayList<>();

        private Spans() {
        }

        static List<Span> of(Node block) {
            Spans s = new Spans();
            s.children(block, false, false, null, 0);
            return s.out;
        }

        private void children(Node parent, boolean strong, boolean em, String link, int depth) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, strong, em, link, depth);
            }
        }

        private void inline(Node n, boolean strong, boolean em, String link, int depth) {
            if (depth > 32) {
                add(new Span(plainText(n), strong, em, false, link, false));
            } else if (n instanceof Text t) {
                add(new Span(t.getLiteral(), strong, em, false, link, false));
            } else if (n instanceof Code c) {
                add(new Span(c.getLiteral(), strong, em, true, link, false));
            } else if (n instanceof Emphasis) {
                children(n, strong, true, link, depth + 1);
            } else if (n instanceof StrongEmphasis) {
                children(n, true, em, link, depth + 1);
            } else if (n instanceof Link l) {
                children(n, strong, em, l.getDestination(), depth + 1);
            } else if (n instanceof Image i) {
                String alt = plainText(i);
                add(new Span(alt.isEmpty() ? i.getDestination() : alt, strong, em, false, i.getDestination(), true));
            } else if (n instanceof SoftLineBreak) {
                add(new Span(" ", strong, em, false, link, false));
            } else if (n instanceof HardLineBreak) {
                add(new Span("\n", strong, em, false, link, false));
            } else if (n instanceof HtmlInline h) {
                add(new Span(h.getLiteral(), strong, em, false, link, false));
            } else {
                children(n, strong, em, link, depth + 1);
            }
        }

        private void add(Span s) {
            if (s.text().isEmpty()) {
                return;
            }
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).looksLike(s) && !s.image() && !s.text().equals("\n")
                    && !out.get(last).text().endsWith("\n")) {
                out.set(last, out.get(last).append(s.text()));
            } else {
                out.add(s);
            }
        }

        /** The spans without the leading {@code [ ]} or {@code [x]} of a check box and the spaces after it. */
        static List<Span> withoutBox(List<Span> spans) {
            List<Span> rest = new ArrayList<>(spans);
            int drop = 3;
            while (drop > 0 && !rest.isEmpty()) {
                Span first = rest.get(0);
                int n = Math.min(drop, first.text().length());
                drop -= n;
                rest.set(0, first.drop(n));
                if (rest.get(0).text().isEmpty()) {
                    rest.remove(0);
                }
            }
            if (!rest.isEmpty()) {
                Span first = rest.get(0);
                String t = first.text().stripLeading();
                if (t.isEmpty()) {
                    rest.remove(0);
                } else {
                    rest.set(0, first.drop(first.text().length() - t.length()));
                }
            }
            return rest;
        }
    }
}

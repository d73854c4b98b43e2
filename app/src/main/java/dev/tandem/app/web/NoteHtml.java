package dev.tandem.app.web;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.text.Checklist;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A note as HTML for the web page, rendered on the server with commonmark (as the desktop reads
 * notes, {@link Checklist#parse}): raw HTML in a note is escaped and link targets are sanitized, so a
 * note someone shared cannot run script in the page. A check box becomes
 * {@code <input type="checkbox" data-line="N" data-text="WORDS" data-occurrence="K" aria-label="TEXT">}: N its
 * line in the note; WORDS the words after the box as the note has them and K which of the boxes with those words
 * it is, which the page sends back to tick it ({@link NoteChecks}: lines move when a line is put above); TEXT the
 * item's words without marks, which a screen reader says as the box's name. An {@code attachment:} reference becomes the file itself
 * ({@link AttachmentHtml}): an image inline, any other file a chip that downloads it.
 */
final class NoteHtml {
    /**
     * The deepest a note's tree renders as Markdown, the document 0 and each node one below its parent: the renderer
     * recurses once per level, and a note synced from someone else nested ten thousand deep overflowed the served
     * page's stack. No note a person writes comes near it (a list in a quote in a list is 6).
     */
    static final int MAX_DEPTH = 100;

    private NoteHtml() {
    }

    /** Whether a node of {@code doc} is more than {@code max} below it; walked without recursion. */
    static boolean deeperThan(Node doc, int max) {
        ArrayDeque<Node> nodes = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        nodes.push(doc);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int depth = depths.pop();
            if (depth > max) {
                return true;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                nodes.push(c);
                depths.push(depth + 1);
            }
        }
        return false;
    }

    /**
     * A note too deep to render as Markdown, as the page as its own device shows it too (the sync core's
     * note-html.js): paragraphs of escaped text split at blank lines, its lines joined by line breaks.
     */
    static String plainParagraphs(String notes) {
        StringBuilder out = new StringBuilder();
        for (String p : notes.split("\n{2,}", -1)) {
            out.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String render(String notes) {
        return render(notes, id -> Optional.empty(), Language.ENGLISH);
    }

    /**
     * The note, its {@code attachment:} references looked up in {@code attachments} (an unknown one says so), the
     * files' words in {@code language}.
     */
    static String render(String notes, Function<String, Optional<Attachment>> attachments, Language language) {
        if (notes == null || notes.isBlank()) {
            return "";
        }
        Node doc = Checklist.parse(notes);
        if (doc instanceof Checklist.Unparsed || deeperThan(doc, MAX_DEPTH)) {
            return plainParagraphs(notes);
        }
        List<String> lines = Checklist.lines(notes);
        Map<ListItem, Labelled> boxes = new IdentityHashMap<>();
        collect(doc, lines, boxes);
        AttachmentHtml.replaceReferences(doc, attachments);
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(ctx -> new BoxRenderer(ctx, boxes))
                .nodeRendererFactory(ctx -> new AttachmentHtml.Renderer(ctx, language))
                .build();
        return renderer.render(doc);
    }

    /**
     * A check box, the words after it as a screen reader says them (its accessible name), and as the note has them
     * with which of the boxes with those words it is: how the page names it to tick it ({@link NoteChecks}).
     */
    private record Labelled(Checklist.Box box, String label, String words, int occurrence) {
    }

    /** Finds every list item that starts with a box and takes the "[ ] " out of its first text. */
    private static void collect(Node node, List<String> lines, Map<ListItem, Labelled> boxes) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(node);
        // Boxes in document order, as NoteChecks counts them: the nth box with the same words.
        Map<String, Integer> seen = new HashMap<>();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof ListItem item) {
                Checklist.boxOf(item, lines).ifPresent(box -> {
                    String words = NoteChecks.words(lines, box);
                    int occurrence = seen.merge(words, 1, Integer::sum) - 1;
                    Text first = firstText(item);
                    if (first != null && first.getLiteral().length() >= 3 && first.getLiteral().charAt(0) == '[') {
                        first.setLiteral(first.getLiteral().substring(3).stripLeading());
                        boxes.put(item, new Labelled(box, label(item.getFirstChild(), box), words, occurrence));
                    }
                });
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
    }

    /** The words of the item's first block (its line, without marks), or which line it is when it has none. */
    private static String label(Node firstBlock, Checklist.Box box) {
        StringBuilder words = new StringBuilder();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        if (firstBlock != null) {
            stack.push(firstBlock);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                words.append(t.getLiteral());
            } else if (n instanceof Code c) {
                words.append(c.getLiteral());
            } else if (n instanceof HtmlInline h) {
                // Shown as text (raw HTML is escaped), so said as text.
                words.append(h.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                words.append(' ');
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        String label = words.toString().strip();
        return label.isEmpty() ? Messages.text("server.note.checkBoxLine", box.line() + 1) : label;
    }

    private static Text firstText(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getFirstChild()) {
            if (c instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    /** Writes a list item that starts with a box as an item with a check box. */
    private static final class BoxRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final Map<ListItem, Labelled> boxes;

        BoxRenderer(HtmlNodeRendererContext context, Map<ListItem, Labelled> boxes) {
            this.context = context;
            this.html = context.getWriter();
            this.boxes = boxes;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(ListItem.class);
        }

        @Override
        public void render(Node node) {
            Labelled labelled = boxes.get((ListItem) node);
            html.tag("li", labelled == null ? Map.of() : Map.of("class", "task"));
            if (labelled != null) {
                Checklist.Box box = labelled.box();
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("type", "checkbox");
                attrs.put("data-line", String.valueOf(box.line()));
                attrs.put("data-text", labelled.words());
                attrs.put("data-occurrence", String.valueOf(labelled.occurrence()));
                // Escaped by the writer, as every attribute: the words may come from someone the list is shared with.
                attrs.put("aria-label", labelled.label());
                if (box.checked()) {
                    attrs.put("checked", "");
                }
                html.tag("input", attrs, true);
                html.text(" ");
            }
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                context.render(c);
            }
            html.tag("/li");
            html.line();
        }
    }
}

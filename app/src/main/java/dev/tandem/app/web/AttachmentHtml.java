package dev.tandem.app.web;

import dev.tandem.app.model.Attachment;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A note's {@code ![name](attachment:ID)} and {@code [name](attachment:ID)} as the page shows them:
 * an image the browser can show inline (scaled by the page's CSS, a click opens it full size), any
 * other file a chip with its name, type and size that downloads it, and a reference to a file the
 * item no longer has a muted "name (not attached)". The sanitizer would blank the unknown scheme, so
 * such references are taken out of the tree before rendering and written here.
 */
final class AttachmentHtml {
    private AttachmentHtml() {
    }

    /** A reference found in the note: the file (empty when unknown), and whether it was written as an image. */
    static final class Reference extends CustomNode {
        final String id;
        final Optional<Attachment> attachment;
        final boolean image;
        final String label;

        Reference(String id, Optional<Attachment> attachment, boolean image, String label) {
            this.id = id;
            this.attachment = attachment;
            this.image = image;
            this.label = label;
        }
    }

    /** Swaps every link and image to {@code attachment:ID} in {@code doc} for a {@link Reference}. */
    static void replaceReferences(Node doc, Function<String, Optional<Attachment>> attachments) {
        List<Node> found = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (image.getDestination().startsWith(Attachment.SCHEME)) {
                    found.add(image);
                }
            }

            @Override
            public void visit(Link link) {
                if (link.getDestination().startsWith(Attachment.SCHEME)) {
                    found.add(link);
                } else {
                    visitChildren(link);
                }
            }
        });
        for (Node n : found) {
            String dest = n instanceof Image i ? i.getDestination() : ((Link) n).getDestination();
            String id = dest.substring(Attachment.SCHEME.length()).strip();
            Optional<Attachment> a = id.isEmpty() ? Optional.empty() : attachments.apply(id);
            // The file's own name says what it is; the note's label only names a file that is gone.
            String label = a.map(Attachment::name).orElseGet(() -> text(n));
            n.insertBefore(new Reference(id, a, n instanceof Image, label == null || label.isBlank() ? "file" : label));
            n.unlink();
        }
    }

    private static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                sb.append(t.getLiteral());
            }
        });
        return sb.toString();
    }

    /** Writes a {@link Reference}. */
    static final class Renderer implements NodeRenderer {
        private final HtmlWriter html;
        private final Language language;

        /** {@code language}: of the words the note's files are given (a title, "not attached"). */
        Renderer(HtmlNodeRendererContext context, Language language) {
            this.html = context.getWriter();
            this.language = language;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Reference.class);
        }

        @Override
        public void render(Node node) {
            Reference r = (Reference) node;
            if (r.attachment.isEmpty()) {
                html.tag("span", Map.of("class", "attachment-missing",
                        "title", Messages.text(language, "server.file.gone")));
                html.text(Messages.text(language, "server.file.notAttached", r.label));
                html.tag("/span");
                return;
            }
            Attachment a = r.attachment.get();
            String url = AttachmentJson.url(a.id());
            String name = a.name() == null ? "file" : a.name();
            if (r.image && AttachmentRoutes.inlineType(a.type())) {
                html.tag("a", attrs("class", "attachment-image", "href", url, "target", "_blank", "rel", "noopener",
                        "title", Messages.text(language, "server.file.openFull", name)));
                html.tag("img", attrs("src", url, "alt", r.label, "data-attachment", a.id()), true);
                html.tag("/a");
                return;
            }
            html.tag("a", attrs("class", "attachment-chip", "href", url + "?download=1", "download", name,
                    "data-attachment", a.id(), "title", Messages.text(language, "server.file.download", name)));
            html.tag("span", Map.of("class", "chip-name"));
            html.text(name);
            html.tag("/span");
            html.text(" ");
            html.tag("span", Map.of("class", "chip-meta"));
            html.text(AttachmentJson.details(name, a.type(), a.sizeOrZero()));
            html.tag("/span");
            html.tag("/a");
        }

        private static Map<String, String> attrs(String... kv) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put(kv[i], kv[i + 1]);
            }
            return m;
        }
    }
}

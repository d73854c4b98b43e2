package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Link targets in notes: found, rewritten in place, and relative paths encoded and decoded. */
@Tag("unit")
class AttachmentLinksTest {
    @Test
    void targets_markdownAngledTitledAndHtml_foundInOrderWithoutBrackets() {
        String text = "![a](x.png) [b](<my file.pdf> \"t\") <img src=\"y.jpg\"> [c](https://e.com/z) no](link";
        assertEquals(List.of("x.png", "my file.pdf", "https://e.com/z", "y.jpg"), AttachmentLinks.targets(text));
    }

    @Test
    void rewrite_onlyTargetsTheFunctionNames_restUnchanged() {
        String text = "Keep [web](https://e.com) and ![pic](:/abc) [doc](<a b.pdf> \"T\")\n<img src=\":/abc\" width=\"2\">";
        String out = AttachmentLinks.rewrite(text, t -> t.equals(":/abc") ? "attachment:1"
                : t.equals("a b.pdf") ? "attachment:2" : null);
        assertEquals("Keep [web](https://e.com) and ![pic](attachment:1) [doc](<attachment:2> \"T\")\n"
                + "<img src=\"attachment:1\" width=\"2\">", out);
    }

    @Test
    void encodePath_spacesParenthesesAndAccents_percentEncodedAndDecodedBack() {
        String path = "_attachments/Reçu (2) 100%+tax.pdf";
        String encoded = AttachmentLinks.encodePath(path);
        assertEquals("_attachments/Re%C3%A7u%20%282%29%20100%25%2Btax.pdf", encoded);
        assertEquals(path, AttachmentLinks.decodePath(encoded));
    }

    @Test
    void decodePath_schemesAbsolutePathsAndAnchors_areNoRelativePath() {
        assertNull(AttachmentLinks.decodePath("https://example.com/a.png"));
        assertNull(AttachmentLinks.decodePath("attachment:123"));
        assertNull(AttachmentLinks.decodePath("/etc/passwd"));
        assertNull(AttachmentLinks.decodePath("C:\\Users\\x.png"));
        assertNull(AttachmentLinks.decodePath("#heading"));
        assertNull(AttachmentLinks.decodePath("bad%C3"), "bytes that are no UTF-8 name no file");
        assertEquals("images/a+b.png", AttachmentLinks.decodePath("images/a+b.png#frag"));
    }
}

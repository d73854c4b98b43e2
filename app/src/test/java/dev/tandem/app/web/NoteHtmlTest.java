package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.ui.messages.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NoteHtmlTest {
    @Test
    void render_checkBoxes_becomeInputsNamingTheirLineAndWords() {
        String html = NoteHtml.render("# Packing\n\n- [ ] Passport\n- [x] Charger\n* plain item\n- [ ] **Charger**\n- [ ] Charger");
        assertTrue(html.contains("<h1>Packing</h1>"), html);
        assertTrue(html.contains("<li class=\"task\"><input type=\"checkbox\" data-line=\"2\" data-text=\"Passport\""
                + " data-occurrence=\"0\" aria-label=\"Passport\" /> Passport</li>"), html);
        assertTrue(html.contains("data-line=\"3\" data-text=\"Charger\" data-occurrence=\"0\" aria-label=\"Charger\""
                + " checked=\"\" /> Charger"), html);
        // Named by the words as the note has them (marks and all), and which of the boxes with those words it is.
        assertTrue(html.contains("data-line=\"5\" data-text=\"**Charger**\" data-occurrence=\"0\" aria-label=\"Charger\""), html);
        assertTrue(html.contains("data-line=\"6\" data-text=\"Charger\" data-occurrence=\"1\" aria-label=\"Charger\""), html);
        assertTrue(html.contains("<li>plain item</li>"), html);
        assertFalse(html.contains("[ ]"), html);
    }

    @Test
    void render_nestedTenThousandDeep_answersWithinBoundsInsteadOfOverflowing() {
        // A note synced from someone else reaches the served page's item route: nesting is its shape to choose.
        for (String note : List.of(">".repeat(10_000) + " deep", "- ".repeat(10_000) + "deep",
                "*_".repeat(10_000) + "deep" + "_*".repeat(10_000), "[a](".repeat(10_000),
                "> - ".repeat(5_000) + "deep", "1. ".repeat(10_000) + "deep")) {
            String html = NoteHtml.render(note);
            assertTrue(html.contains("deep") || note.startsWith("[a]("), note.substring(0, 8) + ": " + html.length());
            assertTrue(html.length() <= 32 * note.length() + 64, note.substring(0, 8) + ": " + html.length());
        }
    }

    @Test
    void render_hostileNote_runsNoScript() {
        String html = NoteHtml.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void render_checkBox_namedByItsWordsWithoutMarks_escaped() {
        String html = NoteHtml.render("- [ ] Buy **oat** `milk`\n  for \"Ann\" <b>\n- [x]\n");
        assertTrue(html.contains("aria-label=\"Buy oat milk for &quot;Ann&quot; &lt;b&gt;\""), html);
        assertTrue(html.contains("aria-label=\"Check box on line 3\""), html);
    }

    @Test
    void render_boxInCode_staysText() {
        String html = NoteHtml.render("```\n- [ ] not a box\n```\n");
        assertFalse(html.contains("checkbox"), html);
        assertEquals("", NoteHtml.render(null));
    }

    @Test
    void render_attachmentReferences_becomeAnInlineImageAndADownloadChip() {
        Attachment png = new Attachment("img1", "it", "b1", "a<b>.png",
                "image/png", 2048L, 1L);
        Attachment pdf = new Attachment("pdf1", "it", "b2", "Plan.pdf",
                "application/pdf", 1_200_000L, 1L);
        Map<String, Attachment> known = Map.of("img1", png, "pdf1", pdf);
        String note = "Look ![a<b>.png](attachment:img1)\n\n[Plan.pdf](attachment:pdf1) and [gone](attachment:nope)";
        String html = NoteHtml.render(note, id -> Optional.ofNullable(known.get(id)), Language.ENGLISH);
        assertTrue(html.contains("<img src=\"/api/attachments/img1\" alt=\"a&lt;b&gt;.png\""), html);
        assertTrue(html.contains("href=\"/api/attachments/img1\" target=\"_blank\""), html);
        assertTrue(html.contains("class=\"attachment-chip\" href=\"/api/attachments/pdf1?download=1\""), html);
        assertTrue(html.contains("<span class=\"chip-meta\">PDF · 1.2 MB</span>"), html);
        assertTrue(html.contains("gone (not attached)"), html);
        assertFalse(html.contains("attachment:"), html);
        String german = NoteHtml.render(note, id -> Optional.ofNullable(known.get(id)), Language.GERMAN);
        assertTrue(german.contains("gone (nicht angehängt)"), german);
        assertTrue(german.contains("title=\"Plan.pdf herunterladen\""), german);
    }
}

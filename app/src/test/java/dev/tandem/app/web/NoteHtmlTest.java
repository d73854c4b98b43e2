package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteHtmlTest {
    @Test
    void render_checkBoxes_becomeInputsNamingTheirLine() {
        String html = NoteHtml.render("# Packing\n\n- [ ] Passport\n- [x] Charger\n* plain item\n");
        assertTrue(html.contains("<h1>Packing</h1>"), html);
        assertTrue(html.contains("<li class=\"task\"><input type=\"checkbox\" data-line=\"2\" /> Passport</li>"), html);
        assertTrue(html.contains("data-line=\"3\" checked=\"\" /> Charger"), html);
        assertTrue(html.contains("<li>plain item</li>"), html);
        assertFalse(html.contains("[ ]"), html);
    }

    @Test
    void render_hostileNote_runsNoScript() {
        String html = NoteHtml.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void render_boxInCode_staysText() {
        String html = NoteHtml.render("```\n- [ ] not a box\n```\n");
        assertFalse(html.contains("checkbox"), html);
        assertEquals("", NoteHtml.render(null));
    }
}

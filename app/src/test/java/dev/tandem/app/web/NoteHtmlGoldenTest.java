package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.testing.KeptVectors;
import dev.tandem.engine.testing.GoldenOut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of a note as HTML ({@link NoteHtml#render}, what the served page and the desktop show) for the page
 * as its own device, whose tandem-sync/app/note-html.js renders notes itself with commonmark.js:
 * test/note-html-golden.test.js reads test/vectors/note-html.json and must write the same HTML, byte for byte.
 *
 * <p>The corpus is the Markdown people write in notes (headings, emphasis, lists nested and numbered, links and
 * autolinks, code, quotes, tables with every alignment, line breaks, entities, check boxes nested and with the same
 * words twice, Unicode), 300 seeded notes of lines of every kind, and what someone who shares a list could put in one (raw HTML and script, javascript: and
 * data: links and images, event attributes), and hostile shapes: ten thousand of one opening mark ({@code [},
 * {@code *}, a backtick, {@code |}, entities, boxes), as a note synced from elsewhere may be, quotes and lists
 * nested {@link #NEST} deep, and notes at the edge of {@link NoteHtml#MAX_DEPTH}. A note with an
 * {@code attachment:} reference is not here: the device shows such a reference as its text (note-html.js).
 * Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class NoteHtmlGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "note-html.json").toAbsolutePath().normalize();

    /** Of each hostile shape that does not nest: ten thousand marks, a note someone shares may hold them. */
    private static final int DEEP = 10_000;
    /**
     * Of each shape that nests (quotes, lists): ten thousand, plain paragraphs on both sides as any note whose tree
     * is deeper than {@link NoteHtml#MAX_DEPTH}.
     */
    private static final int NEST = DEEP;

    private static final String[] NOTES = {
        "",
        "Just text.",
        "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n####### Seven",
        "Title\n=====\n\nSub\n---\n\n# Closed #\n#\tTab\n#NoSpace",
        "*em* _em_ **strong** __strong__ ***both*** *a **b** c* a*b*c a_b_c ~~strike~~",
        "- one\n- two\n  - nested\n    - deeper\n- three",
        "1. one\n2. two\n3. three\n\n3) start at three\n4) four\n\n10. ten",
        "- loose\n\n- list\n\n  with two paragraphs",
        "* star\n+ plus\n- minus",
        "[a link](https://example.com) [titled](https://example.com \"The title\") [rel](/path?q=1&r=2#frag)",
        "<https://example.com/a?b=c> <mailto:me@example.com> <me@example.com> https://bare.example.com",
        "[ref link][r] and [r]\n\n[r]: https://example.com/ref \"Ref title\"",
        "Inline `code` and ``co`de`` and `<b>` and ` spaced `",
        "```js\nconst a = '<b>';\n```\n\n~~~\nplain & <tilde>\n~~~\n\n```\tinfo with tab\nx\n```",
        "    indented code\n    <still code>\n\nafter",
        "> quote\n> more\n>\n> > nested quote\n\n> lazy\ncontinued",
        "| a | b | c | d |\n|:--|:-:|--:|---|\n| l | c | r | n |\n| *em* | `code` | [l](https://x.y) | \\| pipe |",
        "a | b\n--- | ---\n1 | 2\n3\n\nafter",
        "| only header |\n|---|",
        "|x|\n|-|\n|1|2|3|\n|\n\nend",
        "not | a table\n\nno|\n-|-\nyes|this",
        "line one\nline two (soft)\nhard with spaces  \nhard with backslash\\\nend",
        "&amp; &copy; &nbsp;x &#35; &#x1F600; &bogus; &lt;b&gt; AT&T <3 5 > 4",
        "- [ ] open\n- [x] done\n- [X] Done too\n  - [ ] nested\n    - [x] deeper\n- [ ] open\n- [ ] open",
        "1. [ ] first\n2. [x] second\n\n* [ ]\n* [x]   \n* [ ] *em* `code` [l](https://x.y)",
        "> - [ ] quoted box\n\n```\n- [ ] not a box in code\n```\n\n- [y] no box\n- [ ]no space\n-  [ ] two spaces",
        "- [ ] Eggs\n- [x] Eggs\n\nText\n\n- [ ] Eggs\n- [ ] Milk & <honey> \"quoted\"",
        "<script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n\ninline <b onmouseover=\"x()\">bold</b> <img src=x "
                + "onerror=alert(1)>\n\n<!-- comment -->\n\n<?php echo 1; ?>",
        "[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [sp]( javascript:alert(1)) [data](data:text/html;base64,PHNj"
                + "cmlwdD4=) [vb](vbscript:x) [file](file:///etc/passwd) [ok](mailto:a@b.c) [rel](./x:y) [q](?a:b)",
        "![alt](https://example.com/a.png) ![js](javascript:alert(1)) ![data](data:image/png;base64,AAAA) "
                + "![t](/i.png \"title\") ![*em* alt](x.png)",
        "<javascript:alert(1)> [x](<javascript:alert(1)>) [e](java&#115;cript:alert(1)) [t](\"onmouseover=x\")",
        "[a](https://x.y \"title with \\\"quotes\\\" and <b>\") [b](https://x.y/\"onmouseover=\"x)",
        "Unicode: Café ☕, 日本の茶, 🥚 two, Ünïcødé, עברית, العربية, ZWJ 👩‍👩‍👧, combining é",
        "*Café* **日本** _ü_ `☕`\n\n# Überschrift ☕\n\n| 日本 | 🥚 |\n|---|---|\n| ü | é |",
        "***\n---\n___\n* * *",
        "Escapes: \\* \\_ \\` \\# \\[ \\] \\\\ \\< \\& \\|",
        "Tabs\there\n\t- tab list\n-\titem",
        "Windows\r\nline\r\nends\r\n\r\n- [ ] box\r\n- [x] box\r\n",
        "Old Mac\rline\r\r- [ ] box\r",
        "- a\n  1. b\n     > c\n     > - [ ] d\n     >   ```\n     >   code\n     >   ```",
        "Trailing spaces   \n\nand tabs\t\t",
        "Emphasis *across\nlines* and **unclosed *stars\n\n[unclosed link(https://x.y)",
        "http://www.example.com www.example.com foo@bar.example",
        "\u0000 NUL and \u00a0nbsp\u00a0 and \u3000ideographic\u3000",
        "Heading with *em*\n---\n\n# [link](https://x.y) in heading",
        "1. a\n1. b\n1. c\n\n2. starts at two\n\nText\n2. no list here",
        "two spaces  \n<b>tag</b>\n`code`\n*em*\nplain\n[l](https://x.y)\nend",
        "- | a | b |\n  |---|---|\n  | 1 | 2 |\nlazy row\n- next item",
        "[ref]: https://example.com\n| a | b |\n|---|---|\n| [ref] | x |",
        "[ref]: https://example.com\n10. starts at ten\n\n[ref]: /x\n---",
    };

    /** Lines the seeded notes are made of: each kind of block, and the marks that start or end one. */
    private static final String[] LINES = {"", "", "text", "More *text* here", "# Heading", "## Sub *em*", "---", "***",
        "===", "> quoted", "> > deeper", ">", "```", "```js", "~~~", "    code", "\tcode", "| a | b |", "|---|---|",
        "|:-|-:|", "a | b", "--- | ---", "1 | 2 | 3", "|", "| x |", "no pipe row", "- item", "* item", "+ item",
        "1. one", "2) two", "10. ten", "  - nested", "    - deeper", "- [ ] box", "- [x] ticked", "  - [ ] nested box",
        "1. [ ] numbered box", "> - [ ] quoted box", "- [ ]", "<div>", "</div>", "<b>bold</b>", "<!-- c -->",
        "[link](https://example.com)", "[ref]", "[ref]: /target \"T\"", "![img](i.png)", "<https://a.b>",
        "`code` and ``two``", "**strong** _em_", "line with two spaces  ", "backslash\\", "&amp; &copy; &#42;",
        "Café ☕ 日本", "[js](javascript:x)", "- - [ ] at once", "\t- [ ] tabbed", "1. - [x] in ordered", "- a | b"};
    private static final String[] BREAKS = {"\n", "\n", "\n", "\r\n", "\r"};

    @Test
    void render_corpus_htmlAsTheVectorsSay() throws IOException {
        List<Object> cases = new ArrayList<>();
        for (String notes : NOTES) {
            cases.add(obj("notes", notes, "html", NoteHtml.render(notes)));
        }
        Random random = new Random(20261130L);
        for (int i = 0; i < 300; i++) {
            String notes = note(random);
            cases.add(obj("notes", notes, "html", NoteHtml.render(notes)));
        }
        for (Map.Entry<String, String> e : hostile().entrySet()) {
            cases.add(obj("name", e.getKey(), "notes", e.getValue(), "html", NoteHtml.render(e.getValue())));
        }
        String text = GoldenOut.json(obj("cases", cases)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "note-html.js");
    }

    /** A seeded note of 1 to 12 lines, one kind of line break mostly, some lines indented. */
    private static String note(Random r) {
        String brk = BREAKS[r.nextInt(BREAKS.length)];
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(12);
        for (int k = 0; k < lines; k++) {
            if (k > 0) {
                b.append(r.nextInt(10) == 0 ? BREAKS[r.nextInt(BREAKS.length)] : brk);
            }
            b.append(" ".repeat(r.nextInt(6) == 0 ? r.nextInt(5) : 0)).append(LINES[r.nextInt(LINES.length)]);
        }
        return b.toString();
    }

    /** Notes of one opening mark repeated: the shapes that make a Markdown reader nest or look back. */
    private static Map<String, String> hostile() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quotes", ">".repeat(NEST) + " deep");
        m.put("brackets", "[".repeat(DEEP) + "x");
        m.put("stars", "*".repeat(DEEP) + "x");
        m.put("star pairs", "*a ".repeat(NEST) + "b*".repeat(NEST));
        m.put("lists", "- ".repeat(NEST) + "x");
        m.put("backticks", "`".repeat(DEEP) + "x" + "`".repeat(DEEP - 1));
        m.put("links", "[a](".repeat(DEEP / 4) + ")".repeat(DEEP / 4));
        m.put("pipes", "a|b\n-|-\n" + "|".repeat(DEEP));
        m.put("boxes", "- [ ] x\n".repeat(200));
        m.put("entities", "&amp;".repeat(DEEP / 5));
        m.put("nested boxes", nestedBoxes(50));
        m.put("nested boxes, renders", nestedBoxes(20));
        // At the edge of NoteHtml.MAX_DEPTH: a quote's text is two below its last quote, a list's two below its last item.
        for (int k = 97; k <= 99; k++) {
            m.put("quotes " + k, ">".repeat(k) + " edge **bold** [a](https://example.org)\n\n- [ ] box");
        }
        for (int k = 48; k <= 50; k++) {
            m.put("lists " + k, "- ".repeat(k) + "edge *em*\n\nafter 'quoted' & \"done\"");
        }
        m.put("star pairs 60", "*a ".repeat(60) + "b*".repeat(60));
        for (int k = 95; k <= 96; k++) {
            m.put("quote of a table " + k, "> ".repeat(k) + "a|b\n" + "> ".repeat(k) + "-|-\n" + "> ".repeat(k) + "c|d");
        }
        return m;
    }

    /** Fifty levels of check boxes, each under the one before. */
    private static String nestedBoxes(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("  ".repeat(i)).append("- [ ] level ").append(i).append('\n');
        }
        return b.toString();
    }
}

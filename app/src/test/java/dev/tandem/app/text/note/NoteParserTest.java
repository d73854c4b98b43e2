package dev.tandem.app.text.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.text.Checklist;
import dev.tandem.app.text.note.NoteBlock.Align;
import dev.tandem.app.text.note.NoteBlock.Code;
import dev.tandem.app.text.note.NoteBlock.Entry;
import dev.tandem.app.text.note.NoteBlock.Heading;
import dev.tandem.app.text.note.NoteBlock.Html;
import dev.tandem.app.text.note.NoteBlock.ListBlock;
import dev.tandem.app.text.note.NoteBlock.Paragraph;
import dev.tandem.app.text.note.NoteBlock.Quote;
import dev.tandem.app.text.note.NoteBlock.Rule;
import dev.tandem.app.text.note.NoteBlock.Table;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NoteParserTest {
    private static Span plain(String t) {
        return Span.plain(t);
    }

    private static Span strong(String t) {
        return new Span(t, true, false, false, null, false);
    }

    private static Span em(String t) {
        return new Span(t, false, true, false, null, false);
    }

    private static Span code(String t) {
        return new Span(t, false, false, true, null, false);
    }

    private static Span link(String t, String href) {
        return new Span(t, false, false, false, href, false);
    }

    @Test
    void parse_headingsAndEmphasis_becomeStyledSpans() {
        NoteDocument d = NoteParser.parse("# Trip\n\n## Day *one*\n\nPack **light**, _really_ light.\n");
        assertEquals(List.of(
                new Heading(1, List.of(plain("Trip"))),
                new Heading(2, List.of(plain("Day "), em("one"))),
                new Paragraph(List.of(plain("Pack "), strong("light"), plain(", "), em("really"), plain(" light.")))),
                d.blocks());
    }

    @Test
    void parse_linksCodeAndBreaks_keepTargetAndLook() {
        NoteDocument d = NoteParser.parse("See [the **docs**](https://example.com/d) or `mvn -q`\nnext line  \nhard\n");
        assertEquals(List.of(new Paragraph(List.of(plain("See "), link("the ", "https://example.com/d"),
                new Span("docs", true, false, false, "https://example.com/d", false), plain(" or "), code("mvn -q"),
                plain(" next line"), plain("\n"), plain("hard")))), d.blocks());
    }

    @Test
    void parse_image_isItsAltTextLinkingToItsAddress_neverLoaded() {
        NoteDocument d = NoteParser.parse("![Floor plan](https://example.com/plan.png) and ![](https://x.test/a.png)");
        assertEquals(List.of(new Paragraph(List.of(
                new Span("Floor plan", false, false, false, "https://example.com/plan.png", true), plain(" and "),
                new Span("https://x.test/a.png", false, false, false, "https://x.test/a.png", true)))), d.blocks());
    }

    @Test
    void parse_listsQuotesCodeRuleAndHtml_haveTheirBlocks() {
        NoteDocument d = NoteParser.parse("- one\n- two\n\n3. three\n4. four\n\n> quoted *text*\n\n"
                + "```java\nint x = 1;\n```\n\n    indented\n\n---\n\n<div onclick=\"x()\">hi</div>\n");
        List<NoteBlock> b = d.blocks();
        assertEquals(new ListBlock(false, 1, true, List.of(new Entry(null, List.of(new Paragraph(List.of(plain("one"))))),
                new Entry(null, List.of(new Paragraph(List.of(plain("two"))))))), b.get(0));
        ListBlock numbered = assertInstanceOf(ListBlock.class, b.get(1));
        assertTrue(numbered.ordered());
        assertEquals(3, numbered.start());
        assertEquals(new Quote(List.of(new Paragraph(List.of(plain("quoted "), em("text"))))), b.get(2));
        assertEquals(new Code("java", "int x = 1;"), b.get(3));
        assertEquals(new Code("", "indented"), b.get(4));
        assertEquals(new Rule(), b.get(5));
        assertEquals(new Html("<div onclick=\"x()\">hi</div>"), b.get(6));
    }

    @Test
    void parse_gfmTable_hasHeaderRowsAndAlignment() {
        NoteDocument d = NoteParser.parse("| Item | Qty | Price |\n|:-----|:---:|------:|\n| Tea | 2 | **3.50** |\n| Milk | 1 | 0.99 |\n");
        assertEquals(List.of(new Table(List.of(Align.LEFT, Align.CENTER, Align.RIGHT),
                List.of(List.of(plain("Item")), List.of(plain("Qty")), List.of(plain("Price"))),
                List.of(List.of(List.of(plain("Tea")), List.of(plain("2")), List.of(strong("3.50"))),
                        List.of(List.of(plain("Milk")), List.of(plain("1")), List.of(plain("0.99")))))), d.blocks());
    }

    @Test
    void parse_checklist_entriesHaveBoxesWithoutTheBrackets() {
        String text = "Groceries\n\n- [x] Milk\n- [ ] **Eggs** (free range)\n- Bread\n  - [ ] nested\n";
        NoteDocument d = NoteParser.parse(text);
        ListBlock list = assertInstanceOf(ListBlock.class, d.blocks().get(1));
        Entry milk = list.entries().get(0);
        assertTrue(milk.hasBox());
        assertTrue(milk.checked());
        assertEquals(List.of(new Paragraph(List.of(plain("Milk")))), milk.blocks());
        Entry eggs = list.entries().get(1);
        assertFalse(eggs.checked());
        assertEquals(new Paragraph(List.of(strong("Eggs"), plain(" (free range)"))), eggs.blocks().get(0));
        assertFalse(list.entries().get(2).hasBox());
        assertEquals(Checklist.boxes(text), d.boxes().stream().map(Entry::box).toList());
        assertEquals(List.of(2, 3, 5), d.boxes().stream().map(e -> e.box().line()).toList());
    }

    @Test
    void parse_blankOrNull_isEmpty() {
        assertTrue(NoteParser.parse(null).isEmpty());
        assertTrue(NoteParser.parse(" \n\t\n").isEmpty());
    }

    @Test
    void parse_thousandsOfNestedQuotes_flattensBelowTheDepthLimit() {
        String text = ">".repeat(20_000) + " deep\n";
        NoteDocument d = NoteParser.parse(text);
        int depth = 0;
        NoteBlock b = d.blocks().get(0);
        while (b instanceof Quote q) {
            depth++;
            b = q.blocks().get(0);
        }
        assertTrue(depth <= NoteParser.MAX_DEPTH + 1, "depth " + depth);
        assertEquals(new Paragraph(List.of(plain("deep"))), b);
        assertEquals(2, Checklist.boxes("- [ ] top\n\n" + ">".repeat(20_000) + " - [ ] deep\n").size(),
                "both boxes found, walking 20,000 levels without recursion");
    }

    @Test
    void parse_inlinesNestedTenThousandDeep_readWithoutOverflowing() {
        // A synced note's shape is someone else's: the parser recurses once per level of emphasis or link, and a row's
        // progress, the editor and the served page all read the note through it.
        for (String text : List.of("*a ".repeat(10_000) + "b*".repeat(10_000), "_a ".repeat(10_000) + "b_".repeat(10_000),
                "[".repeat(10_000) + "x" + "](u)".repeat(10_000), "- [ ] box\n\n" + "**a ".repeat(10_000) + "b**".repeat(10_000))) {
            NoteDocument d = NoteParser.parse(text);
            assertFalse(d.isEmpty(), text.substring(0, 6));
            assertTrue(Checklist.progress(text).total() <= 1, text.substring(0, 6));
        }
    }
}

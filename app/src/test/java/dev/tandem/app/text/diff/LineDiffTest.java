package dev.tandem.app.text.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.text.diff.DiffLine.Kind;
import dev.tandem.app.text.diff.DiffLine.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LineDiffTest {
    /** Rows as "  same", "- removed", "+ added", "~ N" for a fold of N lines: easy to compare whole. */
    private static List<String> show(List<DiffLine> rows) {
        return rows.stream().map(d -> switch (d.kind()) {
            case SAME -> "  " + d.text();
            case REMOVED -> "- " + d.text();
            case ADDED -> "+ " + d.text();
            case FOLD -> "~ " + d.lineCount();
        }).toList();
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void rows_insertionAtStart_addsOneRowBeforeSharedLines() {
        LineDiff d = LineDiff.of("b\nc\n", "a\nb\nc\n");
        assertEquals(List.of("+ a", "  b", "  c"), show(d.rows()));
        assertEquals(0, d.removedLines());
        assertEquals(1, d.addedLines());
    }

    @Test
    void rows_insertionAtEnd_addsOneRowAfterSharedLines() {
        LineDiff d = LineDiff.of("a\nb", "a\nb\nc");
        assertEquals(List.of("  a", "  b", "+ c"), show(d.rows()));
    }

    @Test
    void rows_insertionsAtBothEnds_sharedMiddleShowsOnce() {
        LineDiff d = LineDiff.of("m1\nm2\n", "top\nm1\nm2\nbottom\n");
        assertEquals(List.of("+ top", "  m1", "  m2", "+ bottom"), show(d.rows()));
    }

    @Test
    void rows_insertionInTheMiddle_onlyNewLinesMarked() {
        LineDiff d = LineDiff.of("a\nb\nc\nd", "a\nb\nnew 1\nnew 2\nc\nd");
        assertEquals(List.of("  a", "  b", "+ new 1", "+ new 2", "  c", "  d"), show(d.rows()));
    }

    @Test
    void rows_deletionInTheMiddle_onlyOldLinesMarked() {
        LineDiff d = LineDiff.of("a\nold\nb", "a\nb");
        assertEquals(List.of("  a", "- old", "  b"), show(d.rows()));
    }

    @Test
    void rows_replacement_oldLinesThenNewWithChangedWordsMarked() {
        LineDiff d = LineDiff.of("Buy milk\nCall Sam on Friday\nWater plants",
                "Buy milk\nCall Sam on Saturday\nWater plants");
        assertEquals(List.of("  Buy milk", "- Call Sam on Friday", "+ Call Sam on Saturday", "  Water plants"),
                show(d.rows()));
        DiffLine removed = d.rows().get(1);
        DiffLine added = d.rows().get(2);
        assertEquals(List.of(new Segment("Call Sam on ", false), new Segment("Friday", true)), removed.segments());
        assertEquals(List.of(new Segment("Call Sam on ", false), new Segment("Saturday", true)), added.segments());
        assertTrue(added.hasWordMarks());
    }

    @Test
    void rows_unrelatedReplacement_noWordMarks() {
        LineDiff d = LineDiff.of("Buy milk", "Renew passport before June");
        assertEquals(List.of("- Buy milk", "+ Renew passport before June"), show(d.rows()));
        assertFalse(d.rows().get(0).hasWordMarks());
        assertFalse(d.rows().get(1).hasWordMarks());
    }

    @Test
    void rows_unevenReplacement_extraLinesUnpaired() {
        LineDiff d = LineDiff.of("x\none\ny", "x\nuno\ndos\ntres\ny");
        assertEquals(List.of("  x", "- one", "+ uno", "+ dos", "+ tres", "  y"), show(d.rows()));
    }

    @Test
    void display_identicalTexts_everythingFoldedNoChanges() {
        String t = lines(1, 12);
        LineDiff d = LineDiff.of(t, t);
        assertTrue(d.sameLines());
        assertEquals(0, d.removedLines() + d.addedLines());
        assertEquals(List.of("~ 12"), show(d.display()));
        assertEquals("\u2026 12 unchanged lines", d.display().get(0).foldLabel());
    }

    @Test
    void display_longUnchangedRuns_foldedAroundChangeWithThreeLinesOfContext() {
        String old = lines(1, 30);
        String neu = old.replace("line 15\n", "line fifteen\n");
        List<String> shown = show(LineDiff.of(old, neu).display());
        assertEquals(List.of("~ 11", "  line 12", "  line 13", "  line 14", "- line 15", "+ line fifteen",
                "  line 16", "  line 17", "  line 18", "~ 12"), shown);
    }

    @Test
    void display_runBetweenChangesOfSevenLines_showsItWholeRatherThanFoldOne() {
        String old = lines(1, 9);
        String neu = old.replace("line 1\n", "line one\n").replace("line 9\n", "line nine\n");
        List<String> shown = show(LineDiff.of(old, neu).display());
        // 7 unchanged lines between: 3 + 3 of context would leave a fold of 1, which is not worth a click.
        assertEquals(11, shown.size());
        assertTrue(shown.stream().noneMatch(s -> s.startsWith("~")));
    }

    @Test
    void display_moreRowsThanAPage_restFoldsAsMoreLines() {
        String old = "";
        String neu = lines(1, 450);
        List<DiffLine> shown = LineDiff.of(old, neu).display();
        assertEquals(LineDiff.PAGE + 1, shown.size());
        DiffLine more = shown.get(LineDiff.PAGE);
        assertEquals(Kind.FOLD, more.kind());
        assertEquals(250, more.lineCount());
        assertEquals("\u2026 250 more lines", more.foldLabel());
    }

    @Test
    void rows_crlfAgainstLf_sameLines() {
        LineDiff d = LineDiff.of("a\r\nb\r\nc\r\n", "a\nb\nc\n");
        assertTrue(d.sameLines());
        assertEquals("\r\n", d.oldText().lineEnding());
        assertEquals("\n", d.newText().lineEnding());
        assertEquals(List.of("  a", "  b", "  c"), show(d.rows()));
    }

    @Test
    void rows_crlfAgainstLfWithAnEdit_onlyTheEditedLineDiffers() {
        LineDiff d = LineDiff.of("a\r\nb\r\nc", "a\nB\nc");
        assertEquals(List.of("  a", "- b", "+ B", "  c"), show(d.rows()));
    }

    @Test
    void rows_trailingNewlineOnlyOnOneSide_sameLinesFlagDiffers() {
        LineDiff d = LineDiff.of("a\nb", "a\nb\n");
        assertTrue(d.sameLines());
        assertFalse(d.oldText().finalNewline());
        assertTrue(d.newText().finalNewline());
    }

    @Test
    void rows_emptyOldText_everyLineAdded() {
        assertEquals(List.of("+ a", "+ b"), show(LineDiff.of("", "a\nb\n").rows()));
        assertEquals(List.of("- a", "- b"), show(LineDiff.of("a\nb\n", "").rows()));
    }

    @Test
    void of_overComparisonBudget_middleIsOneCoarseBlockAndStillTrue() {
        String old = "head\n" + IntStream.range(0, 60).mapToObj(i -> "old " + i).collect(Collectors.joining("\n")) + "\ntail";
        String neu = "head\n" + IntStream.range(0, 60).mapToObj(i -> i % 2 == 0 ? "old " + i : "new " + i)
                .collect(Collectors.joining("\n")) + "\ntail";
        LineDiff d = LineDiff.of(old, neu, 50);
        assertTrue(d.coarse());
        // "head" and "old 0" start both, "tail" ends both: the 59 lines between are one block.
        assertEquals(3, d.blocks().size());
        assertEquals(59, d.removedLines());
        assertEquals(59, d.addedLines());
        assertReconstructs(old, neu, d);
        LineDiff fine = LineDiff.of(old, neu);
        assertFalse(fine.coarse());
        assertEquals(30, fine.removedLines());
    }

    @Test
    void rows_randomEdits_rowsRebuildBothTextsAndSharedLinesAreMaximalEnough() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<String> base = new ArrayList<>();
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                base.add("w" + r.nextInt(12));
            }
            List<String> edited = new ArrayList<>(base);
            int edits = r.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int op = r.nextInt(3);
                if (op == 0 || edited.isEmpty()) {
                    edited.add(r.nextInt(edited.size() + 1), "n" + r.nextInt(5));
                } else if (op == 1) {
                    edited.remove(r.nextInt(edited.size()));
                } else {
                    edited.set(r.nextInt(edited.size()), "c" + r.nextInt(5));
                }
            }
            String old = String.join("\n", base);
            String neu = String.join("\n", edited);
            LineDiff d = LineDiff.of(old, neu);
            assertReconstructs(old, neu, d);
            // Myers finds a shortest edit script: never more changed lines than the edits made.
            assertTrue(d.removedLines() + d.addedLines() <= 2 * edits, "round " + round);
        }
    }

    private static void assertReconstructs(String old, String neu, LineDiff d) {
        List<String> o = new ArrayList<>();
        List<String> n = new ArrayList<>();
        for (DiffLine row : d.rows()) {
            if (row.kind() != Kind.ADDED) {
                o.add(row.text());
            }
            if (row.kind() != Kind.REMOVED) {
                n.add(row.text());
            }
        }
        assertEquals(TextLines.of(old).lines(), o);
        assertEquals(TextLines.of(neu).lines(), n);
    }
}

package dev.tandem.app.vm.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.text.diff.DiffLine.Kind;
import dev.tandem.app.text.diff.DiffLine.Segment;
import dev.tandem.app.text.diff.DiffLine;
import dev.tandem.app.text.diff.LineDiff;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TextConflictTest {
    @Test
    void of_twoOneLineTitles_inlineWithChangedWordsMarked() {
        TextConflict t = TextConflict.of("Book flights to Lisbon (TAP, window seat)", "Book flights to Porto");
        assertTrue(t.inline());
        assertTrue(t.lines().isEmpty());
        assertEquals(List.of(new Segment("Book flights to ", false), new Segment("Porto", true)), t.lostWords());
        assertEquals(new Segment("Book flights to ", false), t.keptWords().get(0));
        assertEquals("Lisbon (TAP, window seat)", t.keptWords().stream().filter(Segment::changed)
                .map(Segment::text).collect(Collectors.joining()));
    }

    @Test
    void of_multiLineNotes_lineDiffLostToKept() {
        TextConflict t = TextConflict.of("Ask Sam to fix it on Saturday\nBuy WD-40\n", "Buy WD-40 first\nBuy WD-40\n");
        assertFalse(t.inline());
        assertEquals(List.of(Kind.REMOVED, Kind.ADDED, Kind.SAME), t.lines().stream().map(DiffLine::kind).toList());
        // Lost ("−") first, then kept ("+").
        assertEquals("Buy WD-40 first", t.lines().get(0).text());
        assertEquals("Ask Sam to fix it on Saturday", t.lines().get(1).text());
        assertEquals(1, t.lostOnly());
        assertEquals(1, t.keptOnly());
        assertTrue(t.notes().isEmpty());
    }

    @Test
    void of_nullLost_countsAsEmpty() {
        TextConflict t = TextConflict.of("one\ntwo\n", null);
        assertEquals("", t.lost());
        assertEquals(0, t.lostOnly());
        assertEquals(2, t.keptOnly());
    }

    @Test
    void notes_identical_saysSame() {
        TextConflict t = TextConflict.of("a\nb\n", "a\nb\n");
        assertEquals(List.of("The two versions are the same."), t.notes());
    }

    @Test
    void notes_crlfAgainstLf_namesBothLineBreaks() {
        TextConflict t = TextConflict.of("a\r\nb\r\n", "a\nb\n");
        assertEquals(List.of("The kept version uses Windows (CRLF) line breaks, the lost one Unix (LF)."), t.notes());
        assertEquals(0, t.lostOnly() + t.keptOnly());
    }

    @Test
    void notes_trailingNewlineOnlyInLost_saysWhichEndsWithOne() {
        TextConflict t = TextConflict.of("a\nb", "a\nb\n");
        assertEquals(List.of("Only the lost version ends with a line break."), t.notes());
    }

    @Test
    void expand_foldOfUnchangedLines_replacedByItsLinesOthersUntouched() {
        String kept = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String lost = kept.replace("line 20", "last line");
        TextConflict t = TextConflict.of(kept, lost);
        assertEquals(Kind.FOLD, t.lines().get(0).kind());
        assertEquals(16, t.lines().get(0).lineCount());
        DiffLine after = t.lines().get(1);
        int before = t.lines().size();
        t.expand(t.lines().get(0));
        assertEquals(before - 1 + 16, t.lines().size());
        assertEquals("line 1", t.lines().get(0).text());
        assertSame(after, t.lines().get(16));
        assertTrue(t.lines().stream().noneMatch(d -> d.kind() == Kind.FOLD));
    }

    @Test
    void expand_moreLinesFold_showsNextPageAndFoldsTheRestAgain() {
        String kept = IntStream.rangeClosed(1, 500).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        TextConflict t = TextConflict.of(kept + "\n", "");
        assertEquals(LineDiff.PAGE + 1, t.lines().size());
        t.expand(t.lines().get(LineDiff.PAGE));
        assertEquals(2 * LineDiff.PAGE + 1, t.lines().size());
        assertEquals(100, t.lines().get(2 * LineDiff.PAGE).lineCount());
    }
}

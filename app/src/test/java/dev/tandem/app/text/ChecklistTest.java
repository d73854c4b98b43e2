package dev.tandem.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.text.Checklist.Box;
import dev.tandem.app.text.Checklist.Progress;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ChecklistTest {
    private static String toggled(String text, int index, boolean checked) {
        return Checklist.toggle(text, Checklist.boxes(text).get(index), checked).orElseThrow();
    }

    /** Every line but {@code changed} is the same string, with the same line break after it. */
    private static void assertOnlyLineChanged(String before, String after, int changed) {
        assertEquals(before.length(), after.length(), "one character replaced, no length change");
        List<String> a = Checklist.lines(before);
        List<String> b = Checklist.lines(after);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (i != changed) {
                assertEquals(a.get(i), b.get(i), "line " + i);
            }
        }
        int diffs = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) != after.charAt(i)) {
                diffs++;
            }
        }
        assertEquals(1, diffs);
    }

    @Test
    void boxes_bulletStarPlusAndNumbered_foundWithLineAndState() {
        String text = "# Groceries\n\n- [ ] Milk\n* [x] Eggs\n+ [X] Bread\n1. [ ] Call the baker\n- plain item\n";
        assertEquals(List.of(new Box(2, 3, false), new Box(3, 3, true), new Box(4, 3, true), new Box(5, 4, false)),
                Checklist.boxes(text));
    }

    @Test
    void boxes_insideCodeBlockOrWithoutSpace_areNoBoxes() {
        String text = "```\n- [ ] not a box\n```\n\n    - [ ] indented code\n\n- [x]done\n- [ ]\n";
        assertEquals(List.of(new Box(7, 3, false)), Checklist.boxes(text));
    }

    @Test
    void boxes_nestedAndQuotedAndTabbed_pointAtTheMark() {
        String text = "- [ ] outer\n  - [x] inner\n> - [ ] quoted\n-\t[ ] tabbed\n";
        List<Box> boxes = Checklist.boxes(text);
        assertEquals(4, boxes.size());
        List<String> lines = Checklist.lines(text);
        for (Box b : boxes) {
            String line = lines.get(b.line());
            assertEquals('[', line.charAt(b.column() - 1), line);
            assertEquals(']', line.charAt(b.column() + 1), line);
        }
        assertEquals(List.of(0, 1, 2, 3), boxes.stream().map(Box::line).toList());
    }

    @Test
    void toggle_lineN_keepsEveryOtherLineByteIdentical_crlfAndTrailingNewline() {
        String text = "Shopping\r\n\r\n- [ ] Milk\r\n- [ ] Eggs\r\n- [x] Bread\r\n";
        String after = toggled(text, 1, true);
        assertEquals("Shopping\r\n\r\n- [ ] Milk\r\n- [x] Eggs\r\n- [x] Bread\r\n", after);
        assertOnlyLineChanged(text, after, 3);
        assertTrue(after.endsWith("\r\n"));
    }

    @Test
    void toggle_mixedLineBreaksAndNoTrailingNewline_onlyTheMarkChanges() {
        String text = "a\r- [x] one\n- [ ] two\r\n- [x] three";
        String after = toggled(text, 2, false);
        assertEquals("a\r- [x] one\n- [ ] two\r\n- [ ] three", after);
        assertOnlyLineChanged(text, after, 3);
        String first = toggled(text, 0, false);
        assertEquals("a\r- [ ] one\n- [ ] two\r\n- [x] three", first);
    }

    @Test
    void toggle_alreadyInThatState_returnsTheSameText() {
        String text = "- [X] done\n";
        assertEquals(text, toggled(text, 0, true));
        assertEquals("- [ ] done\n", toggled(text, 0, false));
    }

    @Test
    void toggle_staleBox_isEmpty() {
        String text = "- [ ] Milk\n- [ ] Eggs\n";
        Box eggs = Checklist.boxes(text).get(1);
        assertEquals(Optional.empty(), Checklist.toggle("- [ ] Milk\n", eggs, true));
        assertEquals(Optional.empty(), Checklist.toggle("- [ ] Milk\nEggs are gone\n", eggs, true));
    }

    @Test
    void toggle_randomNotes_changeOnlyTheirBoxLine() {
        Random random = new Random(7);
        String[] pieces = {"- [ ] a", "- [x] b", "text", "", "  * [ ] nested", "> quote", "```", "1. [X] c", "| x |"};
        String[] breaks = {"\n", "\r\n", "\r"};
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
                if (i < n - 1 || random.nextBoolean()) {
                    b.append(breaks[random.nextInt(breaks.length)]);
                }
            }
            String text = b.toString();
            List<Box> boxes = Checklist.boxes(text);
            for (int i = 0; i < boxes.size(); i++) {
                Box box = boxes.get(i);
                String after = Checklist.toggle(text, box, !box.checked()).orElseThrow();
                assertOnlyLineChanged(text, after, box.line());
                assertEquals(!box.checked(), Checklist.boxes(after).get(i).checked(), text);
            }
        }
    }

    @Test
    void progress_countsTickedOfAll() {
        assertEquals(new Progress(2, 5), Checklist.progress("- [x] a\n- [ ] b\n- [X] c\n- [ ] d\n- [ ] e\n"));
        assertEquals("2/5", Checklist.progress("- [x] a\n- [ ] b\n- [X] c\n- [ ] d\n- [ ] e\n").text());
        assertEquals(Progress.NONE, Checklist.progress("Just words [x] here"));
        assertEquals(Progress.NONE, Checklist.progress(null));
        assertEquals("", Progress.NONE.text());
    }

    @Test
    void progress_longNote_isScannedLineByLine_andAgreesWithTheParser() {
        String part = "## Day\n\n- [x] pack\n- [ ] walk\n  * [X] nested\n> - [ ] quoted\n\n```\n- [ ] in code\n```\n\ntext\n";
        String text = part.repeat(400);
        assertTrue(text.length() > Checklist.EXACT_UP_TO);
        List<Box> exact = Checklist.boxes(text);
        Progress scanned = Checklist.progress(text);
        assertEquals(new Progress((int) exact.stream().filter(Box::checked).count(), exact.size()), scanned);
        assertEquals(new Progress(800, 1_600), scanned);
    }
}

package dev.tandem.app.model.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OutlineSpliceTest {
    private static Outline.Line line(String id, int depth) {
        return new Outline.Line(new Item(id, "L", "t" + id, null, null, 0L, null, null, 1L), null, depth, 0, 0);
    }

    private static List<Outline.Line> applied(List<Outline.Line> lines, List<OutlineSplice> splices) {
        List<Outline.Line> out = new ArrayList<>(lines);
        for (OutlineSplice sp : splices) {
            out.subList(sp.from(), sp.from() + sp.removed()).clear();
            out.addAll(sp.from(), sp.lines());
        }
        return out;
    }

    private static int touched(List<OutlineSplice> splices) {
        return splices.stream().mapToInt(s -> s.removed() + s.lines().size()).sum();
    }

    @RepeatedTest(300)
    void between_randomMovesEditsAndFolds_appliedInOrderGiveTheNewLines() {
        Random random = new Random();
        int n = random.nextInt(300);
        List<Outline.Line> before = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            before.add(line("i" + i, random.nextInt(3)));
        }
        List<Outline.Line> after = new ArrayList<>(before);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(4);
            if (op == 0 && after.size() > 1) {
                // A block moved anywhere, near or far.
                int from = random.nextInt(after.size());
                int len = Math.min(1 + random.nextInt(6), after.size() - from);
                List<Outline.Line> block = new ArrayList<>(after.subList(from, from + len));
                after.subList(from, from + len).clear();
                after.addAll(random.nextInt(after.size() + 1), block);
            } else if (op == 1 && !after.isEmpty()) {
                // An edited line (a parent's count, a depth).
                int at = random.nextInt(after.size());
                after.set(at, line(after.get(at).key(), 5 + random.nextInt(3)));
            } else if (op == 2 && !after.isEmpty()) {
                // A fold: the lines under one go.
                int at = random.nextInt(after.size());
                after.subList(at, Math.min(after.size(), at + random.nextInt(20))).clear();
            } else {
                after.add(random.nextInt(after.size() + 1), line("new" + e + "x" + random.nextInt(1000), 0));
            }
        }
        List<OutlineSplice> splices = OutlineSplice.between(before, after);
        assertEquals(after, applied(before, splices));
        assertTrue(splices.size() <= 2);
        assertEquals(before.equals(after), splices.isEmpty());
    }

    @Test
    void between_moveFromTopToBottomOfALongList_touchesOnlyTheMovedLinesAndTheirNeighbours() {
        List<Outline.Line> before = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            before.add(line("i" + i, i % 4));
        }
        List<Outline.Line> after = new ArrayList<>(before);
        List<Outline.Line> block = new ArrayList<>(after.subList(10, 15));
        after.subList(10, 15).clear();
        // The parent it left and the one it joined have a subtask less and more.
        after.set(9, line("i9", 9));
        after.set(9_000, line("i9005", 9));
        after.addAll(9_001, block);

        List<OutlineSplice> splices = OutlineSplice.between(before, after);

        assertEquals(after, applied(before, splices));
        assertEquals(2, splices.size());
        assertTrue(touched(splices) <= 14, "lines touched: " + touched(splices));
    }

    @Test
    void between_sameLines_nothing() {
        List<Outline.Line> lines = List.of(line("a", 0), line("b", 1));
        assertEquals(List.of(), OutlineSplice.between(lines, new ArrayList<>(lines)));
    }
}

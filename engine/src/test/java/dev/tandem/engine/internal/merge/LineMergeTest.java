package dev.tandem.engine.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LineMergeTest {
    private static final String TRIP = "Trip to Lisbon\nFlights: ?\nHotel: Alfama\nCar: ?\n";

    @Test
    void merge_editsOfDifferentLines_keepsBoth() {
        String a = TRIP.replace("Flights: ?", "Flights: LH 123 booked");
        String b = TRIP.replace("Car: ?", "Car: Hertz 998");
        assertEquals(Optional.of("Trip to Lisbon\nFlights: LH 123 booked\nHotel: Alfama\nCar: Hertz 998\n"),
                LineMerge.merge(TRIP, a, b));
    }

    @Test
    void merge_insertionsAtBothEnds_keepsBoth() {
        String a = "Packing\n" + TRIP;
        String b = TRIP + "Return on Sunday\n";
        assertEquals(Optional.of("Packing\n" + TRIP + "Return on Sunday\n"), LineMerge.merge(TRIP, a, b));
    }

    @Test
    void merge_appendsToTextWithoutFinalNewline_isNotAnEditOfTheLastLine() {
        String base = "one\ntwo";
        assertEquals(Optional.of("zero\none\ntwo\nthree"), LineMerge.merge(base, "zero\n" + base, base + "\nthree"));
    }

    @Test
    void merge_bothAppendAtTheEnd_keepsBothInOneOrderWhicheverSideIsOlder() {
        assertEquals(Optional.of(TRIP + "from A\nfrom B\n"), LineMerge.merge(TRIP, TRIP + "from A\n", TRIP + "from B\n"));
        assertEquals(Optional.of(TRIP + "from A\nfrom B\n"), LineMerge.merge(TRIP, TRIP + "from B\n", TRIP + "from A\n"));
    }

    /**
     * Three devices insert at one place and each merges the pairs in its own order. Ordered by the
     * sides' age, the insertions came out in up to six orders, so devices wrote different merges and
     * passed new ones back and forth for several syncs. Ordered by text they come out in at most two
     * (a block from an earlier merge is compared whole), which hold the same lines, so last write
     * wins settles them without another merge ({@link LineMerge#sameLines}).
     */
    @Test
    void merge_threeInsertionsAtOnePlace_sameLinesWhateverPairIsMergedFirst() {
        String x = TRIP + "Museum\n";
        String y = TRIP + "Beach\n";
        String z = TRIP + "Tram 28\n";
        Set<String> results = new HashSet<>();
        for (String[] order : new String[][] {{x, y, z}, {x, z, y}, {y, z, x}, {z, y, x}, {y, x, z}, {z, x, y}}) {
            String first = LineMerge.merge(TRIP, order[0], order[1]).orElseThrow();
            results.add(LineMerge.merge(TRIP, first, order[2]).orElseThrow());
            results.add(LineMerge.merge(TRIP, order[2], first).orElseThrow());
        }
        assertTrue(results.size() <= 2, results.toString());
        assertTrue(results.contains(TRIP + "Beach\nMuseum\nTram 28\n"), results.toString());
        for (String r : results) {
            assertTrue(LineMerge.sameLines(TRIP + "Beach\nMuseum\nTram 28\n", r), r);
        }
    }

    @Test
    void sameLines_reorderedOrChanged_onlyReorderedCounts() {
        assertTrue(LineMerge.sameLines("a\nb\nc", "c\na\nb"));
        assertFalse(LineMerge.sameLines("a\nb\nb", "a\na\nb"));
        assertFalse(LineMerge.sameLines("a\nb", "a\nb\n"));
        assertFalse(LineMerge.sameLines("a\nb", null));
        assertTrue(LineMerge.sameLines(null, null));
    }

    @Test
    void merge_sameLineEditedDifferently_isAConflict() {
        assertEquals(Optional.empty(), LineMerge.merge(TRIP, TRIP.replace("Hotel: Alfama", "Hotel: Baixa"),
                TRIP.replace("Hotel: Alfama", "Hotel: Chiado")));
    }

    @Test
    void merge_sameEditOnBothSides_appliesItOnce() {
        String tick = TRIP.replace("Car: ?", "Car: none");
        String other = tick.replace("Trip to Lisbon", "Trip to Porto");
        assertEquals(Optional.of(other), LineMerge.merge(TRIP, tick, other));
    }

    @Test
    void merge_oneSideMadeSomeOfTheOthersNeighbouringEdits_agrees() {
        String base = "a\nb\nc\nd";
        assertEquals(Optional.of("A\nB\nc\nD"), LineMerge.merge(base, "A\nb\nc\nD", "A\nB\nc\nd"));
    }

    @Test
    void merge_editOfALineTheOtherDeleted_isAConflict() {
        assertEquals(Optional.empty(), LineMerge.merge(TRIP, TRIP.replace("Hotel: Alfama\n", ""),
                TRIP.replace("Hotel: Alfama", "Hotel: Alfama, 3 nights")));
    }

    @Test
    void merge_insertionInsideARangeTheOtherReplaced_isAConflict() {
        String base = "a\nb\nc\nd";
        assertEquals(Optional.empty(), LineMerge.merge(base, "a\nX\nd", "a\nb\nnew\nc\nd"));
    }

    @Test
    void merge_adjacentEditsOfNeighbouringLines_keepsBoth() {
        String base = "a\nb\nc";
        assertEquals(Optional.of("A\nB\nc"), LineMerge.merge(base, "A\nb\nc", "a\nB\nc"));
    }

    @Test
    void merge_crlfLines_keepsTheirLineEnds() {
        String base = "one\r\ntwo\r\nthree\r\n";
        assertEquals(Optional.of("ONE\r\ntwo\r\nTHREE\r\n"),
                LineMerge.merge(base, "ONE\r\ntwo\r\nthree\r\n", "one\r\ntwo\r\nTHREE\r\n"));
    }

    @Test
    void merge_nullValues_countAsEmptyText() {
        assertEquals(Optional.of("first\nsecond"), LineMerge.merge(null, "first\nsecond", null));
        assertEquals(Optional.of("a\nb"), LineMerge.merge(null, "a\nb", "a\nb"));
    }

    @Test
    void merge_oneSideUnchanged_takesTheOther() {
        assertEquals(Optional.of("x"), LineMerge.merge(TRIP, TRIP, "x"));
        assertEquals(Optional.of("y"), LineMerge.merge(TRIP, "y", TRIP));
    }

    @Test
    void merge_textOverTheCharacterBound_fallsBack() {
        String big = "x".repeat(LineMerge.MAX_CHARS + 1);
        assertEquals(Optional.empty(), LineMerge.merge("base", big, "base\nmore"));
    }

    @Test
    void merge_moreChangedLinesThanTheBound_fallsBack() {
        StringBuilder base = new StringBuilder();
        StringBuilder side = new StringBuilder();
        for (int i = 0; i < LineMerge.MAX_DIFF_LINES + 10; i++) {
            base.append("line ").append(i).append('\n');
            side.append("changed ").append(i).append('\n');
        }
        String b = "head\n" + base;
        assertEquals(Optional.empty(), LineMerge.merge(base.toString(), side.toString(), b));
    }

    @Test
    void merge_manyLinesWithFewChanges_stillMerges() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            base.append("line ").append(i).append('\n');
        }
        String text = base.toString();
        Optional<String> merged = LineMerge.merge(text, "top\n" + text, text.replace("line 25000\n", "middle\n"));
        assertTrue(merged.isPresent());
        assertTrue(merged.get().startsWith("top\nline 0\n"));
        assertTrue(merged.get().contains("line 24999\nmiddle\nline 25001\n"));
    }
}

package dev.tandem.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MergeTextTest {
    @Test
    void seed_twoDifferingPlaces_sharedLinesOnceBothSidesMarkedKeptFirst() {
        String lost = "# Trip\nFly on Friday\nHotel: Alfama\nPack light\nBring the adapter\n";
        String kept = "# Trip\nFly on Saturday\nHotel: Alfama\nPack light\n";
        String seed = MergeText.seed(LineDiff.of(lost, kept), "Laptop", "Phone");
        assertEquals("""
                # Trip
                <<<<<<< kept (Laptop)
                Fly on Saturday
                =======
                Fly on Friday
                >>>>>>> lost (Phone)
                Hotel: Alfama
                Pack light
                <<<<<<< kept (Laptop)
                =======
                Bring the adapter
                >>>>>>> lost (Phone)
                """, seed);
        assertEquals(2, MergeText.places(seed));
        assertTrue(MergeText.hasMarkers(seed));
    }

    @Test
    void seed_identicalTexts_isTheTextWithoutMarkers() {
        String seed = MergeText.seed(LineDiff.of("a\nb\n", "a\nb\n"), "Laptop", "Phone");
        assertEquals("a\nb\n", seed);
        assertFalse(MergeText.hasMarkers(seed));
    }

    @Test
    void seed_keptWithoutFinalNewline_seedEndsWithoutOne() {
        assertEquals("a\n<<<<<<< kept (K)\nB\n=======\nb\n>>>>>>> lost (L)",
                MergeText.seed(LineDiff.of("a\nb\n", "a\nB"), "K", "L"));
    }

    @Test
    void seed_crlfKept_seedUsesTextAreaLineBreaks() {
        String seed = MergeText.seed(LineDiff.of("x\ny\n", "x\r\nY\r\n"), "K", "L");
        assertEquals("x\n<<<<<<< kept (K)\nY\n=======\ny\n>>>>>>> lost (L)\n", seed);
    }

    @Test
    void toStored_crlfKept_editedTextGetsCrlfBack() {
        TextLines kept = TextLines.of("x\r\nY\r\n");
        assertEquals("x\r\nY and y\r\n", MergeText.toStored("x\nY and y\n", kept));
        assertEquals("x\nY\n", MergeText.toStored("x\nY\n", TextLines.of("x\nY\n")));
    }

    @Test
    void hasMarkers_strayMiddleLine_counts() {
        assertTrue(MergeText.hasMarkers("a\n=======\nb"));
        assertEquals(0, MergeText.places("a\n=======\nb"));
        assertFalse(MergeText.hasMarkers("a\n======== not a marker\nb"));
    }

    @Test
    void next_fromCaret_findsFollowingPlaceThenWraps() {
        String t = "a\n<<<<<<< kept (K)\n1\n=======\n2\n>>>>>>> lost (L)\nb\n<<<<<<< kept (K)\n3\n=======\n>>>>>>> lost (L)\n";
        MergeText.Range first = MergeText.next(t, 0);
        assertEquals(2, first.start());
        assertEquals(t.indexOf("\nb\n"), first.end());
        MergeText.Range second = MergeText.next(t, first.end());
        assertEquals(t.indexOf("<<<<<<<", first.end()), second.start());
        assertEquals(first, MergeText.next(t, second.end()));
        assertNull(MergeText.next("no markers", 0));
    }
}

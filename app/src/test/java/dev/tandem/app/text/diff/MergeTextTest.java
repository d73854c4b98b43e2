package dev.tandem.app.text.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tandem.app.text.diff.MergeText.Choice;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MergeTextTest {
    private static final String LOST = "Day 1: fly\nDay 2: Sintra and Cascais\nDay 3: train\nDay 4: wine\nDay 5: home\n";
    private static final String KEPT = "Day 1: fly\nDay 2: Sintra palace only\nDay 3: train\nDay 4: wine\nDay 5: fly home\n";

    @Test
    void parts_twoChangedPlaces_shareTheRestAndOfferBothSidesOfEach() {
        List<MergeText.Part> parts = MergeText.parts(LineDiff.of(LOST, KEPT));
        List<MergeText.Part> places = parts.stream().filter(MergeText.Part::place).toList();
        assertEquals(2, places.size());
        assertEquals(List.of("Day 2: Sintra palace only"), places.get(0).kept());
        assertEquals(List.of("Day 2: Sintra and Cascais"), places.get(0).lost());
    }

    @Test
    void compose_eachChoice_holdsThoseLinesAndNoMarkers() {
        List<MergeText.Part> parts = MergeText.parts(LineDiff.of(LOST, KEPT));
        assertEquals(KEPT, MergeText.compose(parts, List.of(Choice.KEPT, Choice.KEPT), true));
        assertEquals(LOST, MergeText.compose(parts, List.of(Choice.LOST, Choice.LOST), true));
        String both = MergeText.compose(parts, List.of(Choice.BOTH, Choice.LOST), true);
        assertEquals("Day 1: fly\nDay 2: Sintra palace only\nDay 2: Sintra and Cascais\nDay 3: train\nDay 4: wine\nDay 5: home\n",
                both);
        assertFalse(both.contains("<<<<<<<") || both.contains("======="));
    }

    @Test
    void compose_keptWithoutFinalLineBreak_endsWithout() {
        List<MergeText.Part> parts = MergeText.parts(LineDiff.of("a\nb\n", "a\nB"));
        assertEquals("a\nB", MergeText.compose(parts, List.of(Choice.KEPT), false));
    }

    @Test
    void toStored_crlfKept_putsItsLineBreaksBack() {
        TextLines kept = TextLines.of("x\r\nY\r\n");
        assertEquals("x\r\nY and y\r\n", MergeText.toStored("x\nY and y\n", kept));
        assertEquals("x\nY\n", MergeText.toStored("x\nY\n", TextLines.of("x\nY\n")));
    }
}

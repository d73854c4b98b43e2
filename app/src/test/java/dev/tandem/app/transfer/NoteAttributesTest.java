package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NoteAttributesTest {
    @Test
    void appendThenSplit_givesBackBodyAndAttributes() {
        NoteAttributes a = new NoteAttributes(List.of("home", "car", "home"), "high", "FREQ=DAILY");
        String notes = NoteAttributes.append("Line one\n\nLine two", a);
        assertEquals("Line one\n\nLine two\n\nTags: home, car\nPriority: high\nRepeats: FREQ=DAILY", notes);
        assertEquals(new NoteAttributes.Split("Line one\n\nLine two", a), NoteAttributes.split(notes));
    }

    @Test
    void split_linesNotAfterABlankLine_areJustText() {
        String notes = "Call about it\nPriority: urgent";
        assertEquals(new NoteAttributes.Split(notes, NoteAttributes.NONE), NoteAttributes.split(notes));
    }

    @Test
    void split_aKeyTwice_isJustText() {
        String notes = "Body\n\nPriority: high\nPriority: low";
        assertEquals(NoteAttributes.NONE, NoteAttributes.split(notes).attributes());
    }

    @Test
    void split_onlyTheBlock_hasNoBody() {
        NoteAttributes.Split s = NoteAttributes.split("Tags: a, b");
        assertNull(s.body());
        assertEquals(List.of("a", "b"), s.attributes().tags());
    }

    @Test
    void priorityWordAndLevel_mapTheIcalendarScale() {
        assertEquals("high", NoteAttributes.priorityWord(1));
        assertEquals("high", NoteAttributes.priorityWord(4));
        assertEquals("medium", NoteAttributes.priorityWord(5));
        assertEquals("low", NoteAttributes.priorityWord(9));
        assertNull(NoteAttributes.priorityWord(0));
        assertEquals(1, NoteAttributes.priorityLevel("high"));
        assertEquals(0, NoteAttributes.priorityLevel("urgent"));
    }
}
